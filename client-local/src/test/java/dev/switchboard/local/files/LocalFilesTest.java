package dev.switchboard.local.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.errors.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local paths: absolute, relative to the working directory, or under ~; a missing one is named with what to do. */
class LocalFilesTest {
    @TempDir
    Path work;

    @TempDir
    Path home;

    private ModelFiles files;

    @BeforeEach
    void setUp() {
        // Offline, with no hub: local paths never touch the network.
        files = ModelFiles.builder()
                .environment(HubEnvironment.builder().cacheDir(home.resolve("cache")).offline(true).build())
                .workingDirectory(work).homeDirectory(home).build();
    }

    @Test
    void anAbsolutePathIsTheFile() throws IOException {
        Path model = Files.write(work.resolve("a.gguf"), new byte[] {1});

        assertThat(files.resolve(model.toString())).isEqualTo(model);
    }

    @Test
    void aRelativePathStartsFromTheWorkingDirectory() throws IOException {
        Files.createDirectories(work.resolve("models"));
        Path model = Files.write(work.resolve("models/b.gguf"), new byte[] {1});

        assertThat(files.resolve("./models/b.gguf")).isEqualTo(model);
        assertThat(files.resolve("models/../models/b.gguf")).isEqualTo(model);
    }

    @Test
    void aTildeIsTheHomeFolder() throws IOException {
        Path model = Files.write(home.resolve("c.gguf"), new byte[] {1});

        assertThat(files.resolve("~/c.gguf")).isEqualTo(model);
    }

    @Test
    void aMissingFileIsNamedWithWhereItWasLookedFor() {
        assertThatThrownBy(() -> files.resolve("./models/missing.gguf"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("model file " + work.resolve("models/missing.gguf") + " (from './models/missing.gguf',"
                        + " relative to the working directory " + work + ") does not exist: put the file there, or"
                        + " name a file on the Hugging Face hub as hf:owner/repo/path");
    }

    @Test
    void aMissingFileWrittenLikeAHubFileSuggestsTheHubReference() {
        assertThatThrownBy(() -> files.resolve("Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf"))
                .hasMessageEndingWith("does not exist: put the file there; if it is a file on the Hugging Face hub,"
                        + " write hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf");
    }

    @Test
    void aFolderIsRefusedWithTheFilesItHolds() throws IOException {
        Files.createDirectories(work.resolve("models"));
        Files.write(work.resolve("models/q8.gguf"), new byte[] {1});
        Files.write(work.resolve("models/q4.gguf"), new byte[] {1});

        assertThatThrownBy(() -> files.resolve(work.resolve("models").toString()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("model path " + work.resolve("models") + " is a folder, not a file: name the model file in"
                        + " it (it holds q4.gguf, q8.gguf)");
    }
}
