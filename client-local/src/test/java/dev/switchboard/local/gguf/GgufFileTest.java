package dev.switchboard.local.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.tiny.GgufWriter;
import dev.switchboard.local.tiny.TinyLlama;
import dev.switchboard.local.tiny.TinyVocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufFileTest {
    @TempDir
    Path dir;

    @Test
    void aGeneratedTinyLlamaPassesAndShowsWhatTheEngineNeeds() {
        Path path = TinyLlama.builder().contextLength(256).build().write(dir.resolve("tiny.gguf"));

        GgufFile file = GgufFile.read(path);

        assertThat(file.path()).isEqualTo(path);
        assertThat(file.version()).isEqualTo(3);
        assertThat(file.architecture()).isEqualTo("llama");
        assertThat(file.name()).contains("tiny-random-llama");
        assertThat(file.contextLength()).isEqualTo(256);
        assertThat(file.embeddingLength()).isEqualTo(64);
        assertThat(file.blockCount()).isEqualTo(2);
        assertThat(file.vocabularySize()).isEqualTo(TinyVocabulary.create().size());
        assertThat(file.tokenizerModel()).isEqualTo("llama");
        assertThat(file.bosTokenId()).isEqualTo(OptionalInt.of(TinyVocabulary.BOS));
        assertThat(file.eosTokenId()).isEqualTo(OptionalInt.of(TinyVocabulary.EOS));
        assertThat(file.eotTokenId()).isEqualTo(OptionalInt.of(TinyVocabulary.IM_END));
        assertThat(file.paddingTokenId()).isEmpty();
        assertThat(file.addBosToken()).contains(true);
        assertThat(file.chatTemplate()).contains(TinyLlama.CHATML_TEMPLATE);
        assertThat(file.poolingType()).isEmpty();
        assertThat(file.isEmbeddingModel()).isFalse();
        assertThat(file.tensorCount()).isEqualTo(3 + 2 * 9);
        assertThat(file).hasToString("GgufFile(tiny.gguf: llama, 2 layers, " + file.vocabularySize()
                + " tokens, context 256)");
    }

    @Test
    void theEmbeddingVariantIsAnEmbeddingModelWithLastPooling() {
        Path path = TinyLlama.builder().embedding().build().write(dir.resolve("embed.gguf"));

        GgufFile file = GgufFile.read(path);

        assertThat(file.poolingType()).isEqualTo(Optional.of(PoolingType.LAST));
        assertThat(file.isEmbeddingModel()).isTrue();
    }

    @Test
    void aBaseModelHasNoChatTemplate() {
        Path path = TinyLlama.builder().noChatTemplate().weights(TinyLlama.Weights.F16).build()
                .write(dir.resolve("base.gguf"));

        assertThat(GgufFile.read(path).chatTemplate()).isEmpty();
    }

    @Test
    void headCountsMayBeGivenPerLayer() {
        Path path = TinyLlama.builder().build().writer()
                .putU32s("llama.attention.head_count", new long[] {4, 4})
                .putI32s("llama.attention.head_count_kv", new int[] {2, 1})
                .write(dir.resolve("per-layer.gguf"));

        assertThat(GgufFile.read(path).blockCount()).isEqualTo(2);
    }

    @Test
    void versionTwoFilesAreReadLikeVersionThree() {
        Path path = TinyLlama.builder().build().writer().version(2).write(dir.resolve("v2.gguf"));

        assertThat(GgufFile.read(path).version()).isEqualTo(2);
    }

    @Test
    void theHeaderOfARealConvertedModelPasses() throws IOException {
        // stories260K's own header (see src/test/resources/gguf/README.md), its data replaced by zeros
        Path path = dir.resolve("stories260K.gguf");
        try (InputStream header = getClass().getResourceAsStream("/gguf/stories260K-header.gguf")) {
            Files.copy(header, path);
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(1_185_664);
        }

        GgufFile file = GgufFile.read(path);

        assertThat(file.architecture()).isEqualTo("llama");
        assertThat(file.blockCount()).isEqualTo(5);
        assertThat(file.embeddingLength()).isEqualTo(64);
        assertThat(file.contextLength()).isEqualTo(512);
        assertThat(file.vocabularySize()).isEqualTo(512);
        assertThat(file.bosTokenId()).isEqualTo(OptionalInt.of(1));
        assertThat(file.eosTokenId()).isEqualTo(OptionalInt.of(2));
        assertThat(file.unknownTokenId()).isEqualTo(OptionalInt.of(0));
        assertThat(file.chatTemplate()).isEmpty();
        assertThat(file.tensorCount()).isEqualTo(48);
    }

    @Test
    void aFileOfSeveralGigabytesIsCheckedFromItsHeaderAlone() throws IOException {
        // a last tensor of 3 GiB whose data is a hole in a sparse file: nothing of it is read
        long[] dims = {32_768, 24_576};
        long bytes = dims[0] * dims[1] * 4;
        GgufWriter writer = TinyLlama.builder().build().writer().tensorRaw("extra.weight", dims, GgufWriter.GGML_F32, new byte[0]);
        Path path = writer.write(dir.resolve("big.gguf"));
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(writer.layout().tensorData("extra.weight") + bytes);
        }

        GgufFile file = GgufFile.read(path);

        assertThat(bytes).isEqualTo(3L << 30);
        assertThat(file.fileSize()).isGreaterThan(bytes);
        assertThat(file.tensorCount()).isEqualTo(3 + 2 * 9 + 1);
    }

    @Test
    void aMissingFileIsAModelLoadExceptionNamingIt() {
        Path path = dir.resolve("nowhere.gguf");

        assertThatThrownBy(() -> GgufFile.read(path))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("The model file " + path + " does not exist.");
    }

    @Test
    void aDirectoryIsAModelLoadExceptionNamingIt() {
        assertThatThrownBy(() -> GgufFile.read(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("The model file " + dir + " cannot be read: ");
    }

    @Test
    void architecturesAreTheOnesOfTheBundledLlamaCppBuild() {
        assertThat(Architecture.names())
                .contains("llama", "qwen2", "qwen2moe", "gemma", "gemma2", "gemma3", "phi3", "bert", "nomic-bert",
                        "deepseek2", "command-r", "granite", "mamba", "t5encoder")
                .doesNotContain("qwen3", "qwen3moe", "llama4", "mistral3", "gemma3n")
                .hasSize(60);
    }
}
