package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.models.audio.AudioModel;
import com.openai.models.audio.speech.SpeechCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import dev.switchboard.local.tiny.TinyDiffusion;
import dev.switchboard.local.tiny.TinyLlama;
import dev.switchboard.local.tiny.TinyWhisper;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway in front of the real local engines, on tiny models written here (their output is
 * noise; what counts is that every route carries a real engine's answer to the official client):
 * llama.cpp for chat and embeddings, whisper.cpp, ONNX diffusion, and speech (no model file).
 */
class GatewayLocalEnginesTest {
    @TempDir
    static Path dir;

    private static Gateway gateway;
    private static OpenAIClient official;

    @BeforeAll
    static void start() {
        Path llama = TinyLlama.builder().build().write(dir.resolve("tiny-llama.gguf"));
        Path embedder = TinyLlama.builder().embedding().build().write(dir.resolve("tiny-embed.gguf"));
        Path whisper = TinyWhisper.builder().englishOnly().build().write(dir.resolve("tiny-whisper.bin"));
        Path diffusion = TinyDiffusion.builder().build().write(dir.resolve("tiny-sd"));
        Router router = Router.builder()
                .addPool(pool("text-generation", Deployment.builder().name("llama").kind("llama").model(llama.toString())
                        .putOption("context_size", 256).build()))
                .addPool(pool("embeddings", Deployment.builder().name("embed").kind("llama").model(embedder.toString())
                        .putOption("context_size", 256).putOption("embeddings", true).build()))
                .addPool(pool("transcription", Deployment.builder().name("whisper").kind("whisper").model(whisper.toString()).build()))
                .addPool(pool("images", Deployment.builder().name("sd").kind("diffusion").model(diffusion.toString()).build()))
                .addPool(pool("speech", Deployment.builder().name("local-speech").kind("speech").build()))
                .healthPolicy(HealthPolicy.disabled())
                .build();
        gateway = Gateway.create(router, GatewaySettings.builder().port(0).build()).start();
        official = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey("unused").maxRetries(0).build();
    }

    private static Pool pool(String name, Deployment deployment) {
        return Pool.builder().name(name).addDeployment(deployment).build();
    }

    @AfterAll
    static void stop() {
        if (official != null) official.close();
        if (gateway != null) gateway.close();
    }

    @Test
    void llamaStreamsAChatThroughTheGateway() {
        try (StreamResponse<ChatCompletionChunk> stream = official.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("text-generation").addUserMessage("Hi").maxCompletionTokens(8)
                        .seed(1).build())) {
            List<ChatCompletionChunk> chunks = stream.stream().map(ChatCompletionChunk::validate).collect(Collectors.toList());
            assertThat(chunks).isNotEmpty();
            assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason().map(Object::toString)).contains("length");
        }
    }

    @Test
    void llamaEmbedsThroughTheGateway() {
        CreateEmbeddingResponse response = official.embeddings().create(EmbeddingCreateParams.builder()
                .model("embeddings").input("a red ball").build()).validate();
        assertThat(response.data().get(0).embedding()).isNotEmpty();
    }

    @Test
    void whisperTranscribesAnUploadThroughTheGateway() {
        TranscriptionCreateResponse response = official.audio().transcriptions().create(TranscriptionCreateParams.builder()
                .model(AudioModel.of("transcription")).file(wav(1.0)).build()).validate();
        assertThat(response.asTranscription().text()).isNotNull();
    }

    @Test
    void diffusionPaintsAPngThroughTheGateway() {
        ImagesResponse response = official.images().generate(ImageGenerateParams.builder().model("images")
                .prompt("a red ball").size(ImageGenerateParams.Size.of("256x256"))
                .putAdditionalBodyProperty("steps", JsonValue.from(2)).build()).validate();
        byte[] png = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());
        assertThat(new String(Arrays.copyOfRange(png, 1, 4), StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void theLocalSpeechEngineSpeaksWavThroughTheGateway() throws Exception {
        try (HttpResponse audio = official.audio().speech().create(SpeechCreateParams.builder().model("speech")
                .input("Hello from the gateway.").voice("alloy").responseFormat(SpeechCreateParams.ResponseFormat.WAV).build());
             InputStream body = audio.body()) {
            byte[] wav = body.readAllBytes();
            assertThat(audio.headers().values("Content-Type")).containsExactly("audio/wav");
            assertThat(new String(Arrays.copyOfRange(wav, 0, 4), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(new String(Arrays.copyOfRange(wav, 8, 12), StandardCharsets.US_ASCII)).isEqualTo("WAVE");
            assertThat(wav.length).isGreaterThan(10_000);
        }
    }

    @Test
    void aFormatTheSpeechEngineCannotWriteIsA400WithItsReason() {
        assertThatThrownBy(() -> official.audio().speech().create(SpeechCreateParams.builder().model("speech")
                .input("Hello").voice("alloy").responseFormat(SpeechCreateParams.ResponseFormat.MP3).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("response_format 'mp3' is not supported by the local speech engine");
    }

    @Test
    void healthReportsEveryEngine() throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
        try (Response response = http.newCall(new Request.Builder()
                .url("http://127.0.0.1:" + gateway.port() + "/health").build()).execute()) {
            String body = response.body().string();
            assertThat(response.code()).as(body).isEqualTo(200);
            assertThat(body).startsWith("{\"status\":\"ok\"")
                    .contains("\"kind\":\"llama\"", "\"kind\":\"whisper\"", "\"kind\":\"diffusion\"", "\"kind\":\"speech\"");
        }
    }

    /** {@code seconds} of a 440 Hz tone as 16 kHz mono 16-bit WAV. */
    private static byte[] wav(double seconds) {
        int rate = 16000;
        int samples = (int) (seconds * rate);
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(pcm.array());
        return out.toByteArray();
    }
}
