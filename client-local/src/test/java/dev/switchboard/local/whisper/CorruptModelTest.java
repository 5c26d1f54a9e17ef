package dev.switchboard.local.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.WhisperOptions;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad model files on the path a call takes: each is refused before whisper.cpp opens it, so the
 * call fails with a ModelLoadException and this JVM (which whisper.cpp would have aborted on many of
 * them) goes on to transcribe with a good model.
 */
class CorruptModelTest {
    @TempDir
    Path dir;

    private static TranscriptionCreateParams params() {
        return TranscriptionCreateParams.builder().model("transcription").file(LocalWhisper.speech()).build();
    }

    @Test
    void everyCorruptVariantFailsItsCallAndTheJvmGoesOnTranscribing() throws IOException {
        int refused = 0;
        for (CorruptWhisperFiles.Variant variant : CorruptWhisperFiles.all()) {
            Path file = Files.write(dir.resolve("bad-" + refused + ".bin"), variant.bytes);
            WhisperBackend backend = WhisperBackend.create("bad", file.toString(), WhisperOptions.builder().build());

            assertThatThrownBy(() -> backend.transcription(params(), RequestOptions.none()).blockingGet())
                    .as(variant.name)
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageStartingWith("bad: " + file.toRealPath() + " is not a whisper.cpp model it can load: ")
                    .hasMessageContaining(variant.reason);
            refused++;
        }
        assertThat(refused).isGreaterThanOrEqualTo(30);

        try (OpenAIClient client = LocalWhisper.client(LocalWhisper.deployment("good", LocalWhisper.multilingual()).build())) {
            assertThat(client.audio().transcriptions().create(params()).asTranscription().text()).isNotBlank();
        }
    }

    @Test
    void aPoolWithACorruptModelAnswersFromItsGoodOne() throws IOException {
        Path bad = Files.write(dir.resolve("cut.bin"), new byte[] {'l', 'm', 'g', 'g', 1, 2});
        try (OpenAIClient client = LocalWhisper.client(LocalWhisper.deployment("cut", bad).build(),
                LocalWhisper.deployment("good", LocalWhisper.multilingual()).build())) {
            for (int i = 0; i < 2; i++) { // whichever the strategy tries first, an answer comes
                assertThat(client.audio().transcriptions().create(params()).asTranscription().text()).isNotBlank();
            }
        }
    }

    @Test
    void aPoolWithOnlyACorruptModelNamesTheReason() throws IOException {
        Path bad = Files.write(dir.resolve("f32.bin"), LocalWhisperFiles.f32());
        try (OpenAIClient client = LocalWhisper.client(LocalWhisper.deployment("f32", bad).build())) {
            assertThatThrownBy(() -> client.audio().transcriptions().create(params()))
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessage("f32: " + bad.toRealPath() + " is not a whisper.cpp model it can load: its weights"
                            + " are F32 (ftype 0), which whisper.cpp 1.7.1 cannot run (it aborts the JVM); use the F16 model,"
                            + " or quantize this one with whisper.cpp's quantize tool");
        }
    }

    @Test
    void aMissingModelIsNamedWithWhatToDo() {
        Path missing = dir.resolve("ggml-base.bin");
        WhisperBackend backend = WhisperBackend.create("gone", missing.toString(), WhisperOptions.builder().build());

        assertThatThrownBy(() -> backend.transcription(params(), RequestOptions.none()).blockingGet())
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("gone: model file " + missing + " does not exist: put the file there, or name a file on the"
                        + " Hugging Face hub as hf:owner/repo/path");
    }
}
