package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.audio.speech.SpeechModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/** Speaks a sentence and writes the audio to the file given as the first argument, or speech.mp3. */
public final class SpeechExample {
    private SpeechExample() {}

    public static void main(String[] args) throws IOException {
        Path output = Paths.get(args.length > 0 ? args[0] : "speech.mp3");
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            SpeechCreateParams params = SpeechCreateParams.builder()
                    .model(SpeechModel.TTS_1)
                    .voice(SpeechCreateParams.Voice.UnionMember1.ALLOY)
                    .responseFormat(SpeechCreateParams.ResponseFormat.MP3)
                    .input("Switchboard speaks with the voice of whichever backend answers.")
                    .build();

            // The audio arrives as a stream of bytes; closing the response releases the connection.
            try (HttpResponse response = client.audio().speech().create(params);
                    InputStream audio = response.body()) {
                long bytes = Files.copy(audio, output, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("Wrote " + bytes + " bytes of audio to " + output);
            }
        } finally {
            client.close();
        }
    }
}
