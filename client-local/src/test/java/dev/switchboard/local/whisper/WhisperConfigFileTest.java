package dev.switchboard.local.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.audio.AudioResponseFormat;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionVerbose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end as a user sets it up: a router config file whose pool {@code transcription} is a local whisper deployment. */
class WhisperConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void aTranscriptionRoutedByTheConfigFileRunsOnTheLocalEngine() throws IOException {
        Path config = Files.writeString(dir.resolve("switchboard.yaml"), String.join("\n",
                "pools:",
                "  transcription:",
                "    deployments:",
                "      - engine: whisper",
                "        model: " + LocalWhisper.multilingual(),
                "        threads: 1",
                "        language: en",
                ""));
        try (OpenAIClient client = OpenAIOkHttpClient.builder().routerConfig(config).build()) {
            TranscriptionVerbose answer = client.audio().transcriptions().create(TranscriptionCreateParams.builder()
                    .model("transcription")
                    .file(LocalWhisper.speech())
                    .responseFormat(AudioResponseFormat.VERBOSE_JSON)
                    .build()).asVerbose();

            assertThat(answer.language()).isEqualTo("english");
            assertThat(answer.text()).isNotBlank();
            assertThat(answer.duration()).isEqualTo(2.0);
        }
    }
}
