package dev.switchboard.local.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.files.HubEnvironment;
import dev.switchboard.local.files.ModelFiles;
import dev.switchboard.local.tiny.TinyDiffusion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hf:owner/repo} model references: each part found in the Hugging Face cache (offline here: nothing is downloaded). */
class ModelFolderTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static ModelFiles offline(Path cache) {
        return ModelFiles.builder().environment(HubEnvironment.builder().cacheDir(cache).offline(true).build()).build();
    }

    /** A repository in the cache layout huggingface_hub writes: refs/main names the commit, its snapshot holds the files. */
    private static Path cachedRepository(Path cache, String repo, String folder, TinyDiffusion model) throws IOException {
        Path dir = cache.resolve("models--" + repo.replace("/", "--"));
        Files.createDirectories(dir.resolve("refs"));
        Files.writeString(dir.resolve("refs/main"), COMMIT);
        Path snapshot = dir.resolve("snapshots/" + COMMIT);
        model.write(folder.isEmpty() ? snapshot : snapshot.resolve(folder));
        return snapshot;
    }

    @Test
    void aHubRepositoryIsTheSnapshotFolderHoldingItsParts(@TempDir Path cache) throws IOException {
        Path snapshot = cachedRepository(cache, "acme/sd-tiny", "", TinyDiffusion.builder().build());

        assertThat(ModelFolder.resolve("sd", "hf:acme/sd-tiny", offline(cache))).isEqualTo(snapshot.toRealPath());
    }

    @Test
    void aFolderInsideARepositoryAndARevisionAreFollowed(@TempDir Path cache) throws IOException {
        Path snapshot = cachedRepository(cache, "acme/sd-tiny", "onnx", TinyDiffusion.builder().build());

        assertThat(ModelFolder.resolve("sd", "hf:acme/sd-tiny/onnx@" + COMMIT, offline(cache)))
                .isEqualTo(snapshot.resolve("onnx").toRealPath());
    }

    @Test
    void aHubRepositoryLackingPartsNamesEach(@TempDir Path cache) throws IOException {
        cachedRepository(cache, "acme/sd-tiny", "", TinyDiffusion.builder().omit("unet/model.onnx").omit("tokenizer/vocab.json").build());

        assertThatThrownBy(() -> ModelFolder.resolve("sd", "hf:acme/sd-tiny", offline(cache)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("sd: the model hf:acme/sd-tiny lacks parts of the Stable Diffusion 1.5 ONNX layout:"
                        + " unet/model.onnx (")
                .hasMessageContaining("; tokenizer/vocab.json (");
    }

    @Test
    void aReferenceWithoutARepositoryIsRefused(@TempDir Path cache) {
        assertThatThrownBy(() -> ModelFolder.resolve("sd", "hf:acme", offline(cache)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("sd: the model hf:acme must name a repository, hf:owner/repo");
    }
}
