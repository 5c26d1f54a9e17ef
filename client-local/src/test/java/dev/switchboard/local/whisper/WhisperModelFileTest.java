package dev.switchboard.local.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.tiny.TinyWhisper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WhisperModelFileTest {
    @TempDir
    Path dir;

    static List<CorruptWhisperFiles.Variant> corrupt() {
        return CorruptWhisperFiles.all();
    }

    @Test
    void thereAreAtLeastThirtyCorruptVariants() {
        assertThat(corrupt()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void aTinyF16ModelPassesAndIsDescribed() {
        Path model = TinyWhisper.builder().build().write(dir.resolve("tiny-f16.bin"));

        assertThat(WhisperModelFile.read(model)).hasToString(
                "tiny-f16.bin (1+1 layers of 32, 80 mels, F16, 99 languages)");
    }

    @Test
    void aTinyQ8ModelPasses() {
        Path model = TinyWhisper.builder().weights(TinyWhisper.Weights.Q8_0).build().write(dir.resolve("tiny-q8.bin"));

        assertThat(WhisperModelFile.read(model).toString()).contains("Q8_0");
    }

    @Test
    void anEnglishOnlyModelKnowsNoLanguages() {
        Path model = TinyWhisper.builder().englishOnly().build().write(dir.resolve("tiny-en.bin"));

        WhisperModelFile file = WhisperModelFile.read(model);

        assertThat(file.multilingual()).isFalse();
        assertThat(file.languages()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corrupt")
    void aCorruptFileIsRefusedWithItsReason(CorruptWhisperFiles.Variant variant) throws IOException {
        Path file = Files.write(dir.resolve("bad.bin"), variant.bytes);

        assertThatThrownBy(() -> WhisperModelFile.check(file))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(file + " is not a whisper.cpp model it can load: ")
                .hasMessageContaining(variant.reason);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere.bin");

        assertThatThrownBy(() -> WhisperModelFile.check(missing))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("no whisper model file at " + missing.toAbsolutePath());
    }
}
