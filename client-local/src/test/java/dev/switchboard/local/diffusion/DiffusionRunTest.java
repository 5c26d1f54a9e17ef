package dev.switchboard.local.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.local.tiny.OnnxGraph;
import dev.switchboard.local.tiny.TinyDiffusion;
import dev.switchboard.models.images.ImageGenerateParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls while they run: several at once on one pipeline, and a model that misbehaves only when run. */
class DiffusionRunTest {
    private static ImageGenerateParams params(long seed) {
        return ImageGenerateParams.builder().model("images").prompt("a cat").size(ImageGenerateParams.Size.of("24x16"))
                .putAdditionalBodyProperty("seed", JsonValue.from(seed)).build();
    }

    private static String image(OpenAIClient client, long seed) {
        return client.images().generate(params(seed)).data().orElseThrow().get(0).b64Json().orElseThrow();
    }

    @Test
    void callsAtOnceOnOnePipelineGiveTheImagesEachGivesAlone() throws Exception {
        try (OpenAIClient client = DiffusionModels.client(DiffusionModels.deployment(DiffusionModels.tiny()).build())) {
            List<String> alone = new ArrayList<>();
            for (long seed = 0; seed < 4; seed++) alone.add(image(client, seed));

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> together = new ArrayList<>();
                for (long seed = 0; seed < 4; seed++) {
                    long s = seed;
                    together.add(pool.submit(() -> image(client, s)));
                }
                for (int i = 0; i < 4; i++) assertThat(together.get(i).get()).isEqualTo(alone.get(i));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Token ids reach ONNX Runtime as they are: every id is one of the vocabulary's, but a text encoder
     * whose embedding table is smaller than the vocabulary would index past it. Measured: ONNX Runtime's
     * Gather checks its indices and fails the run ("indices element out of data bounds"); the JVM lives.
     */
    @Test
    void aTextEncoderSmallerThanTheVocabularyFailsTheCallWithA500(@TempDir Path dir) {
        Path model = TinyDiffusion.builder().build().write(dir);
        float[] table = new float[16 * 32];
        OnnxGraph.named("text_encoder")
                .input("input_ids", OnnxGraph.INT32, "batch", "sequence")
                .output("last_hidden_state", OnnxGraph.FLOAT, "batch", "sequence", 32)
                .floats("embedding", table, 16, 32)
                .node("Gather", List.of("embedding", "input_ids"), List.of("last_hidden_state"), OnnxGraph.integer("axis", 0))
                .write(model.resolve("text_encoder/model.onnx"), 17);

        try (OpenAIClient client = DiffusionModels.client(DiffusionModels.deployment(model).build())) {
            assertThatThrownBy(() -> client.images().generate(params(1)))
                    .isInstanceOf(InternalServerException.class)
                    .hasMessageContaining("sd: ONNX Runtime failed to generate the image: ")
                    .hasMessageContaining("out of");
        }
    }

    @Test
    void aUnetThatAnswersAnotherShapeFailsTheCallWithA500(@TempDir Path dir) {
        Path model = TinyDiffusion.builder().build().write(dir);
        OnnxGraph.named("unet")
                .input("sample", OnnxGraph.FLOAT, "batch", 4, "h", "w")
                .input("timestep", OnnxGraph.INT64, "batch")
                .input("encoder_hidden_states", OnnxGraph.FLOAT, "batch", 77, 32)
                .output("out_sample", OnnxGraph.FLOAT, "batch", "channels", "h", "w")
                .node("Concat", List.of("sample", "sample"), List.of("out_sample"), OnnxGraph.integer("axis", 1))
                .write(model.resolve("unet/model.onnx"), 17);

        try (OpenAIClient client = DiffusionModels.client(DiffusionModels.deployment(model).build())) {
            assertThatThrownBy(() -> client.images().generate(params(1)))
                    .isInstanceOf(InternalServerException.class)
                    .hasMessageContaining("sd: ONNX Runtime failed to generate the image: ");
        }
    }
}
