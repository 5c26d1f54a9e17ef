package dev.switchboard.local.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.local.testing.TinyLlama;
import dev.switchboard.local.testing.TinyVocabulary;
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
}
