package dev.switchboard.demo;

import static dev.switchboard.demo.DemoStep.quote;
import static dev.switchboard.demo.DemoStep.step;
import static dev.switchboard.demo.DemoStep.streamed;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.AudioResponseFormat;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.imageio.ImageIO;

/**
 * One call per capability through the official-shaped API, on the pools {@code text-generation},
 * {@code embeddings}, {@code speech}, {@code transcription} and {@code images}: what the speech pool
 * says is what the transcription pool hears.
 */
final class LocalCalls {
    static final String SENTENCE = "The quick brown fox jumps over the lazy dog.";

    private final OpenAIClient client;
    private final Set<String> pools;

    LocalCalls(OpenAIClient client, Set<String> pools) {
        this.client = client;
        this.pools = pools;
    }

    /** Runs every call whose pool exists; the number that failed or had no pool. */
    int run(String prompt, List<String> noise) {
        int failures = 0;
        if (has("text-generation")) {
            ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder().model("text-generation")
                    .addUserMessage(prompt).temperature(0.0).maxCompletionTokens(48).build();
            if (step("chat text-generation", () -> client.chat().completions().create(chat),
                    (ChatCompletion c) -> quote(prompt + c.choices().get(0).message().content().orElse(""))) == null) failures++;
            if (step("chat stream text-generation", () -> streamed(client, chat), text -> quote(prompt + text)) == null) failures++;
        } else failures += 2;
        if (has("embeddings")) {
            if (step("embeddings", () -> client.embeddings().create(EmbeddingCreateParams.builder()
                            .model("embeddings").input("Switchboard routes every call.").build()),
                    (CreateEmbeddingResponse e) -> e.data().get(0).embedding().size() + " dimensions") == null) failures++;
        } else failures++;
        byte[] speech = has("speech") ? step("speech", this::speak, LocalCalls::describeWav) : null;
        if (speech == null) failures++;
        if (has("transcription")) {
            byte[] audio = speech != null ? speech : tone();
            String heard = speech != null ? "heard: " : "heard in a tone: ";
            if (step("transcription", () -> client.audio().transcriptions().create(TranscriptionCreateParams.builder()
                                    .model("transcription").file(audio).responseFormat(AudioResponseFormat.JSON).build())
                            .asTranscription().text(),
                    text -> heard + quote(text) + noiseMark(noise, "transcription")) == null) failures++;
        } else failures++;
        if (has("images")) {
            if (step("images", () -> client.images().generate(ImageGenerateParams.builder().model("images")
                                    .prompt("a lighthouse at dusk, oil painting")
                                    .responseFormat(ImageGenerateParams.ResponseFormat.URL).build()),
                    (ImagesResponse r) -> describeImage(r) + noiseMark(noise, "images")) == null) {
                failures++;
            }
        } else failures++;
        return failures;
    }

    private boolean has(String pool) {
        if (pools.contains(pool)) return true;
        System.out.printf("  %-30s no pool named %s%n", pool, pool);
        return false;
    }

    private byte[] speak() {
        SpeechCreateParams params = SpeechCreateParams.builder().model("speech")
                .voice(SpeechCreateParams.Voice.UnionMember1.ALLOY).input(SENTENCE)
                .responseFormat(SpeechCreateParams.ResponseFormat.WAV).build();
        try (HttpResponse response = client.audio().speech().create(params); InputStream body = response.body()) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describeWav(byte[] wav) {
        // 24 kHz, 16-bit mono after a 44-byte header: the engine's wav, as OpenAI's.
        double seconds = Math.max(0, wav.length - 44) / (24_000.0 * 2);
        return String.format("%s in %.1f s of wav (%,d bytes)", quote(SENTENCE), seconds, wav.length);
    }

    /** The image's size and where the engine wrote it (the demo asks for a file: URL rather than base64). */
    private static String describeImage(ImagesResponse response) {
        String url = response.data().orElseThrow().get(0).url().orElseThrow();
        try {
            BufferedImage image = ImageIO.read(Path.of(URI.create(url)).toFile());
            return image.getWidth() + "x" + image.getHeight() + " PNG at " + url;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image at " + url, e);
        }
    }

    private static String noiseMark(List<String> noise, String pool) {
        return noise.stream().anyMatch(n -> n.contains(pool)) ? " (noise: tiny random model)" : "";
    }

    /** One second of a 440 Hz tone as 16 kHz wav, for a transcription pool without a speech pool. */
    private static byte[] tone() {
        byte[] pcm = new byte[32_000];
        for (int i = 0; i < 16_000; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, 16_000)) {
            ByteArrayOutputStream wav = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav);
            return wav.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
