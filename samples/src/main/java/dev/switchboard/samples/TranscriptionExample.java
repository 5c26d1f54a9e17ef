package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.audio.AudioModel;
import dev.switchboard.models.audio.AudioResponseFormat;
import dev.switchboard.models.audio.transcriptions.Transcription;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Transcribes an audio file: the path given as the first argument, or else a short tone this
 * program writes to a temporary WAV file (a real model hears no words in it; a test server may).
 */
public final class TranscriptionExample {
    private TranscriptionExample() {}

    public static void main(String[] args) throws IOException {
        Path audio = args.length > 0 ? Paths.get(args[0]) : writeTone();
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            TranscriptionCreateParams params = TranscriptionCreateParams.builder()
                    .model(AudioModel.WHISPER_1)
                    .file(audio)
                    .language("en")
                    .build();
            Transcription transcription = client.audio().transcriptions().create(params).asTranscription();
            System.out.println(audio.getFileName() + ": " + transcription.text());

            // Subtitles come back as WebVTT text rather than JSON; the SDK hands them over as the text.
            // Params made from a Path read the file as they are sent, so each request gets its own.
            TranscriptionCreateParams vttParams = TranscriptionCreateParams.builder()
                    .model(AudioModel.WHISPER_1)
                    .file(audio)
                    .responseFormat(AudioResponseFormat.VTT)
                    .build();
            Transcription subtitles = client.audio().transcriptions().create(vttParams).asTranscription();
            System.out.println(subtitles.text());
        } finally {
            client.close();
            if (args.length == 0) {
                Files.delete(audio);
                Files.delete(audio.getParent());
            }
        }
    }

    /** Half a second of a 440 Hz tone, 16 kHz mono 16-bit PCM. */
    private static Path writeTone() throws IOException {
        float sampleRate = 16_000;
        int samples = (int) (sampleRate / 2);
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (Math.sin(2 * Math.PI * 440 * i / sampleRate) * 8_000));
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        Path file = Files.createTempDirectory("transcription").resolve("tone.wav");
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
