package dev.switchboard.local.llama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlamaEmbeddingsTest {
    private static double norm(List<Float> v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        return Math.sqrt(sum);
    }

    @Test
    void aBatchOfInputsGivesOneUnitVectorEachCutToTheDimensionsAsked() {
        try (OpenAIClient client = LocalModels.client(LocalModels.deployment(LocalModels.chat()).name("embed")
                .putOption("embeddings", true).build())) {
            CreateEmbeddingResponse full = client.embeddings().create(EmbeddingCreateParams.builder().model("local")
                    .inputOfArrayOfStrings(List.of("first text", "second text")).build());
            CreateEmbeddingResponse cut = client.embeddings().create(EmbeddingCreateParams.builder().model("local")
                    .inputOfArrayOfStrings(List.of("first text")).dimensions(16).build());

            assertThat(full.data()).hasSize(2);
            assertThat(full.data().get(1).index()).isEqualTo(1);
            assertThat(full.data().get(0).embedding()).hasSize(64);
            assertThat(norm(full.data().get(0).embedding())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(full.data().get(0).embedding()).isNotEqualTo(full.data().get(1).embedding());
            assertThat(cut.data().get(0).embedding()).hasSize(16);
            assertThat(norm(cut.data().get(0).embedding())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(full.usage().promptTokens()).isGreaterThan(2);
        }
    }
}
