package dev.switchboard.local.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.tiny.OnnxGraph;
import dev.switchboard.local.tiny.TinyDiffusion;
import dev.switchboard.models.images.ImageGenerateParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model folders that cannot be run fail the call with a ModelLoadException saying what is wrong
 * (the router's answer when a pool's one deployment failed with it), and leave the JVM and the client
 * working.
 */
class DiffusionModelLoadTest {
    private static ImageGenerateParams params() {
        return ImageGenerateParams.builder().model("images").prompt("a cat").size(ImageGenerateParams.Size.of("16x16")).build();
    }

    /** What a call on a pool of one deployment of {@code model}, with one attempt, throws: a ModelLoadException. */
    private static ModelLoadException loadFailure(Path model) {
        try (OpenAIClient client = DiffusionModels.client(DiffusionModels.deployment(model).build())) {
            Throwable thrown = catchThrowable(() -> client.images().generate(params()));
            assertThat(thrown).isInstanceOf(ModelLoadException.class);
            return (ModelLoadException) thrown;
        }
    }

    @Test
    void missingPartsAreNamedAll(@TempDir Path dir) throws IOException {
        Path model = TinyDiffusion.builder().omit("unet/model.onnx").omit("tokenizer/merges.txt").build().write(dir);

        assertThat(loadFailure(model)).hasMessage("sd: the model folder " + dir.toRealPath() + " lacks unet/model.onnx,"
                + " tokenizer/merges.txt; a Stable Diffusion 1.5 ONNX export holds text_encoder/model.onnx, unet/model.onnx,"
                + " vae_decoder/model.onnx, tokenizer/vocab.json, tokenizer/merges.txt, scheduler/scheduler_config.json");
    }

    @Test
    void askingForCudaOnTheCpuBuildOfOnnxRuntimeSaysWhatToAdd() {
        Throwable thrown;
        try (OpenAIClient client = DiffusionModels.client(DiffusionModels.deployment(DiffusionModels.tiny())
                .putOption("provider", "cuda").build())) {
            thrown = catchThrowable(() -> client.images().generate(params()));
        }

        assertThat(thrown).isInstanceOf(ModelLoadException.class).hasMessage("sd: provider cuda was asked for, but this"
                + " ONNX Runtime has no CUDA provider; depend on com.microsoft.onnxruntime:onnxruntime_gpu instead of"
                + " onnxruntime, or use provider auto");
    }

    @Test
    void aModelPathThatDoesNotExistSaysSo(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");

        assertThat(loadFailure(missing)).hasMessage("sd: the model " + missing + " must be a folder in the Stable Diffusion"
                + " 1.5 ONNX layout (text_encoder/model.onnx, unet/model.onnx, vae_decoder/model.onnx, tokenizer/vocab.json,"
                + " tokenizer/merges.txt, scheduler/scheduler_config.json), but " + missing + " does not exist");
    }

    /**
     * Measured on ONNX Runtime 1.29.0 (in a separate JVM first): random bytes, an empty file, a model
     * cut at any of several lengths and 200 models with up to 8 random bytes changed were each refused
     * with an OrtException or loaded; none ended the JVM. So model files reach ONNX Runtime unparsed by
     * Java, and its refusal becomes a ModelLoadException.
     */
    @Test
    void aCorruptModelIsRefusedAndTheClientStaysUsable(@TempDir Path dir) throws IOException {
        Path model = TinyDiffusion.builder().build().write(dir.resolve("corrupt"));
        Path unet = model.resolve("unet/model.onnx");
        byte[] bytes = Files.readAllBytes(unet);
        Files.write(unet, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(loadFailure(model).getMessage()).startsWith("sd: ONNX Runtime cannot load " + unet.toRealPath() + " (")
                .endsWith("); it must be a complete ONNX model, with its external weights file beside it when it has one");

        try (OpenAIClient client = DiffusionModels.client(DiffusionModels.deployment(DiffusionModels.tiny()).build())) {
            assertThat(client.images().generate(params()).data().orElseThrow()).hasSize(1);
        }
    }

    @Test
    void aDecoderWithoutTheExportsInputNameIsRefusedNamingWhatItHas(@TempDir Path dir) throws IOException {
        Path model = TinyDiffusion.builder().build().write(dir);
        OnnxGraph.named("vae_decoder")
                .input("latents", OnnxGraph.FLOAT, "batch", 4, "h", "w")
                .output("sample", OnnxGraph.FLOAT, "batch", 4, "h", "w")
                .node("Identity", List.of("latents"), List.of("sample"))
                .write(model.resolve("vae_decoder/model.onnx"), 17);

        assertThat(loadFailure(model)).hasMessage("sd: vae_decoder/model.onnx has no input 'latent_sample' (its inputs are"
                + " [latents]); it is not a Stable Diffusion 1.5 ONNX export");
    }

    @Test
    void aUnetOfDoublesIsRefusedNamingTheTypesItTakes(@TempDir Path dir) throws IOException {
        Path model = TinyDiffusion.builder().build().write(dir);
        OnnxGraph.named("unet")
                .input("sample", 11, "batch", 4, "h", "w") // DOUBLE
                .input("timestep", OnnxGraph.INT64, "batch")
                .input("encoder_hidden_states", OnnxGraph.FLOAT, "batch", 77, 32)
                .output("out_sample", 11, "batch", 4, "h", "w")
                .node("Identity", List.of("sample"), List.of("out_sample"))
                .write(model.resolve("unet/model.onnx"), 17);

        assertThat(loadFailure(model)).hasMessage("sd: unet/model.onnx's input 'sample' holds DOUBLE, where the engine"
                + " needs [FLOAT, FLOAT16]");
    }

    @Test
    void anSdxlStyleUnetWithMoreInputsIsRefusedNamingThem(@TempDir Path dir) throws IOException {
        Path model = TinyDiffusion.builder().build().write(dir);
        OnnxGraph.named("unet")
                .input("sample", OnnxGraph.FLOAT, "batch", 4, "h", "w")
                .input("timestep", OnnxGraph.INT64, "batch")
                .input("encoder_hidden_states", OnnxGraph.FLOAT, "batch", 77, 32)
                .input("text_embeds", OnnxGraph.FLOAT, "batch", 1280)
                .input("time_ids", OnnxGraph.FLOAT, "batch", 6)
                .output("out_sample", OnnxGraph.FLOAT, "batch", 4, "h", "w")
                .node("Identity", List.of("sample"), List.of("out_sample"))
                .write(model.resolve("unet/model.onnx"), 17);

        assertThat(loadFailure(model)).hasMessage("sd: unet/model.onnx needs the inputs [text_embeds, time_ids] beyond"
                + " [encoder_hidden_states, sample, timestep]; it is not a Stable Diffusion 1.5 export (SDXL and other"
                + " pipelines are not supported)");
    }
}
