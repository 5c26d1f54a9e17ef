package dev.switchboard.local.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.gguf.CorruptGgufFiles.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every broken variant is refused in Java with its reason; none reaches llama.cpp, so the JVM lives on. */
class CorruptGgufFileTest {
    @TempDir
    Path dir;

    static List<Variant> variants() {
        return CorruptGgufFiles.all();
    }

    @Test
    void thereAreAtLeastFortyVariantsAndTheUnbrokenFilePasses() throws IOException {
        Path good = Files.write(dir.resolve("good.gguf"), CorruptGgufFiles.GOOD);

        assertThat(variants()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(GgufFile.read(good).architecture()).isEqualTo("llama");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aBrokenFileIsRefusedWithItsReasonAndItsPath(Variant variant) throws IOException {
        Path path = Files.write(dir.resolve("broken.gguf"), variant.bytes().get());

        assertThatThrownBy(() -> GgufFile.read(path))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("The model file " + path + " cannot be loaded: " + variant.reason() + ".");
    }

    @Test
    void afterEveryBrokenFileAGoodModelStillLoadsAndRunsInTheSameJvm() throws IOException {
        for (Variant variant : variants()) {
            Path path = Files.write(dir.resolve("broken.gguf"), variant.bytes().get());
            assertThatThrownBy(() -> GgufFile.read(path)).as(variant.name()).isInstanceOf(ModelLoadException.class);
        }
        Path good = Files.write(dir.resolve("good.gguf"), CorruptGgufFiles.GOOD);
        GgufFile checked = GgufFile.read(good);

        try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(checked.path().toString())
                .setCtxSize(128).setThreads(1).disableLog())) {
            String text = llama.complete(new InferenceParameters("Hello").setNPredict(8).setTemperature(0f));

            assertThat(text).isNotEmpty();
        }
    }
}
