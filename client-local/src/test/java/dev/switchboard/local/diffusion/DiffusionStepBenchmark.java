package dev.switchboard.local.diffusion;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.local.DiffusionProgress;
import dev.switchboard.local.tiny.TinyDiffusion;
import dev.switchboard.models.images.ImageGenerateParams;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The time of one denoising step through Switchboard (client, router, backend, the engine's loop:
 * latent scaling, the UNet call, guidance, the scheduler's step, the progress callback) against the
 * bare {@code OrtSession.run} of the pipeline's own UNet session on inputs of the same shapes,
 * interleaved step by step in one run. A bare run is {@code run} and closing its result, the inputs
 * made once.
 *
 * <p>Not part of the suite (the name does not end in Test); run it with
 * {@code mvn -q -o -pl client-local -am test -Dtest=DiffusionStepBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * By default it writes an SD-shaped model for 512×512 whose UNet is a stack of 64-channel 3×3
 * convolutions (tens of milliseconds a step: far cheaper than SD 1.5's UNet, so the glue weighs more
 * here than it would on the real model); {@code -Dswitchboard.diffusion.model=/path/to/sd15-onnx} runs
 * it on a real export instead.
 */
class DiffusionStepBenchmark {
    private static final int STEPS = 12;
    private static final int ROUNDS = 8;
    private static final int THREADS = Integer.getInteger("switchboard.diffusion.threads", 2);

    @Test
    void glueOverheadPerStep() throws Exception {
        String given = System.getProperty("switchboard.diffusion.model");
        Path model = given != null ? Path.of(given)
                : TinyDiffusion.builder().hidden(768).unetWidth(64, 3).build().write(DiffusionModels.dir().resolve("bench"));
        System.out.printf("diffusion step benchmark: 512x512, batch 2 (guided), %d steps x %d rounds, %d threads, load"
                + " average %.1f on %d cores%n", STEPS, ROUNDS, THREADS,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        Samples unet = measure(model);
        unet.print(given != null ? model.toString() : "synthetic SD-shaped UNet (3 x 64-channel 3x3 convolutions)");
        if (given == null) {
            // The same loop around a UNet of one 4-channel convolution: what is left is the glue itself.
            Path light = TinyDiffusion.builder().hidden(768).build().write(DiffusionModels.dir().resolve("bench-light"));
            Samples glue = measure(light);
            glue.print("light UNet (one 4-channel 3x3 convolution)");
            System.out.printf("  glue per step (pipeline - bare, light UNet): median %.3f ms, mean %.3f ms%n",
                    (median(glue.pipeline) - median(glue.bare)) / 1e6, (mean(glue.pipeline) - mean(glue.bare)) / 1e6);
        }
    }

    /** Pipeline steps and bare runs of the pipeline's UNet, interleaved. */
    private static final class Samples {
        final List<Double> pipeline = new ArrayList<>();
        final List<Double> bare = new ArrayList<>();

        void print(String what) {
            double p = median(pipeline) / 1e6;
            double b = median(bare) / 1e6;
            System.out.printf("  %s%n", what);
            System.out.printf("    pipeline step (through the client)  median %8.3f ms, mean %8.3f ms, fastest %8.3f ms (%d steps)%n",
                    p, mean(pipeline) / 1e6, min(pipeline) / 1e6, pipeline.size());
            System.out.printf("    bare OrtSession.run                 median %8.3f ms, mean %8.3f ms, fastest %8.3f ms (%d runs)%n",
                    b, mean(bare) / 1e6, min(bare) / 1e6, bare.size());
            System.out.printf("    ratio pipeline / bare               median %8.3f,    mean %8.3f,    fastest %8.3f%n",
                    p / b, mean(pipeline) / mean(bare), min(pipeline) / min(bare));
        }
    }

    private static Samples measure(Path model) throws Exception {
        Samples samples = new Samples();
        BareUnet[] unet = new BareUnet[1];
        long[] lastEnd = new long[1];
        // Interleaved step by step, so both see the same moment's load: after each pipeline step the
        // progress callback runs one bare UNet call; a pipeline step is the time from the end of one
        // callback to the start of the next.
        DiffusionProgress interleave = (deployment, step, steps) -> {
            long start = System.nanoTime();
            if (unet[0] == null) return;
            if (step > 1) samples.pipeline.add((double) (start - lastEnd[0]));
            samples.bare.add(unet[0].runOnce());
            lastEnd[0] = System.nanoTime();
        };
        try (OpenAIClient client = DiffusionModels.client(DiffusionModels.deployment(model).putOption("threads", THREADS)
                .putOption("steps", STEPS).putOption("progress", interleave).build())) {
            ImageGenerateParams params = ImageGenerateParams.builder().model("images").prompt("a lighthouse at dusk")
                    .size(ImageGenerateParams.Size._512X512).putAdditionalBodyProperty("seed", JsonValue.from(1)).build();
            client.images().generate(params); // warm-up: loads the pipeline, first runs
            LoadedPipeline loaded = PipelineRegistry.PROCESS.load("sd", model.toString(),
                    dev.switchboard.local.DiffusionOptions.of(DiffusionModels.deployment(model).putOption("threads", THREADS)
                            .build()));
            try (BareUnet bareUnet = new BareUnet(loaded.unet.session, hiddenOf(loaded), loaded.timestepType)) {
                unet[0] = bareUnet;
                for (int round = 0; round < ROUNDS; round++) client.images().generate(params);
            }
        }
        return samples;
    }

    private static long hiddenOf(LoadedPipeline loaded) throws Exception {
        long[] shape = ((ai.onnxruntime.TensorInfo) loaded.unet.session.getInputInfo().get("encoder_hidden_states")
                .getInfo()).getShape();
        return shape[2] > 0 ? shape[2] : 768;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /**
     * The pipeline's own UNet session (same thread pool, same settings), run directly on fixed inputs
     * of the guided 512×512 batch.
     */
    private static final class BareUnet implements AutoCloseable {
        private final OrtSession session;
        private final Map<String, OnnxTensor> inputs;

        BareUnet(OrtSession session, long hidden, ai.onnxruntime.OnnxJavaType timestepType) throws Exception {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            this.session = session;
            Random random = new Random(2);
            float[] sample = new float[2 * 4 * 64 * 64];
            for (int i = 0; i < sample.length; i++) sample[i] = (float) random.nextGaussian();
            float[] states = new float[(int) (2 * 77 * hidden)];
            for (int i = 0; i < states.length; i++) states[i] = (float) random.nextGaussian();
            OnnxTensor timestep = timestepType == ai.onnxruntime.OnnxJavaType.FLOAT
                    ? OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {981, 981}), new long[] {2})
                    : OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {981, 981}), new long[] {2});
            inputs = Map.of(
                    "sample", OnnxTensor.createTensor(env, FloatBuffer.wrap(sample), new long[] {2, 4, 64, 64}),
                    "timestep", timestep,
                    "encoder_hidden_states", OnnxTensor.createTensor(env, FloatBuffer.wrap(states), new long[] {2, 77, hidden}));
        }

        /** Nanoseconds of one run (the inputs made once: only run and closing the result). */
        double runOnce() {
            long start = System.nanoTime();
            try (OrtSession.Result result = session.run(inputs)) {
                result.get(0);
            } catch (ai.onnxruntime.OrtException e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        }

        @Override
        public void close() throws Exception {
            for (OnnxTensor t : inputs.values()) t.close();
        }
    }
}
