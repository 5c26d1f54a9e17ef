package dev.switchboard.local.diffusion;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.local.DiffusionProgress;
import dev.switchboard.local.testing.TinyDiffusion;
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
 * bare {@code OrtSession.run} of the same UNet on the same inputs, alternating rounds in one run.
 *
 * <p>Not part of the suite (the name does not end in Test); run it with
 * {@code mvn -q -o -pl client-local -am test -Dtest=DiffusionStepBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * By default it writes an SD-shaped model for 512×512 whose UNet is a stack of 64-channel 3×3
 * convolutions (tens of milliseconds a step: far cheaper than SD 1.5's UNet, so the glue weighs more
 * here than it would on the real model); {@code -Dswitchboard.diffusion.model=/path/to/sd15-onnx} runs
 * it on a real export instead.
 */
class DiffusionStepBenchmark {
    private static final int STEPS = 10;
    private static final int ROUNDS = 5;
    private static final int THREADS = 2;

    @Test
    void glueOverheadPerStep() throws Exception {
        String given = System.getProperty("switchboard.diffusion.model");
        Path model = given != null ? Path.of(given)
                : TinyDiffusion.builder().hidden(768).unetWidth(64, 3).build().write(DiffusionModels.dir().resolve("bench"));
        List<Long> stepTimes = new ArrayList<>();
        DiffusionProgress timer = (deployment, step, steps) -> stepTimes.add(System.nanoTime());
        List<Double> pipeline = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        try (OpenAIClient client = DiffusionModels.client(DiffusionModels.deployment(model).putOption("threads", THREADS)
                .putOption("steps", STEPS).putOption("progress", timer).build())) {
            ImageGenerateParams params = ImageGenerateParams.builder().model("images").prompt("a lighthouse at dusk")
                    .size(ImageGenerateParams.Size._512X512).putAdditionalBodyProperty("seed", JsonValue.from(1)).build();
            LoadedPipeline loaded = PipelineRegistry.PROCESS.load("sd", model.toString(),
                    dev.switchboard.local.DiffusionOptions.of(DiffusionModels.deployment(model).putOption("threads", THREADS)
                            .build()));
            long hidden = loaded.unet.session.getInputInfo().get("encoder_hidden_states").getInfo() instanceof
                    ai.onnxruntime.TensorInfo ? hiddenOf(loaded) : 768;
            try (BareUnet unet = new BareUnet(model.resolve(ModelFolder.UNET), hidden, loaded.timestepType)) {
                client.images().generate(params); // warm-up: loads the pipeline, first runs
                unet.perStep(2);
                for (int round = 0; round < ROUNDS; round++) {
                    stepTimes.clear();
                    client.images().generate(params);
                    for (int i = 1; i < stepTimes.size(); i++) pipeline.add((double) (stepTimes.get(i) - stepTimes.get(i - 1)));
                    for (int i = 0; i < STEPS; i++) bare.add(unet.perStep(1));
                }
            }
        }
        double p = median(pipeline) / 1e6;
        double b = median(bare) / 1e6;
        System.out.printf("diffusion step benchmark: %s, 512x512, batch 2 (guided), %d steps x %d rounds, %d threads%n",
                given != null ? model : "synthetic SD-shaped UNet (3 x 64-channel 3x3 convolutions)", STEPS, ROUNDS, THREADS);
        double pMin = min(pipeline) / 1e6;
        double bMin = min(bare) / 1e6;
        System.out.printf("  pipeline (through the client)  median %8.2f ms/step, fastest %8.2f (%d steps)%n", p, pMin,
                pipeline.size());
        System.out.printf("  bare OrtSession.run            median %8.2f ms/step, fastest %8.2f (%d runs)%n", b, bMin,
                bare.size());
        System.out.printf("  ratio pipeline / bare          median %8.3f,         fastest %8.3f (glue overhead %.1f%% / %.1f%%)%n",
                p / b, pMin / bMin, (p / b - 1) * 100, (pMin / bMin - 1) * 100);
        System.out.printf("  load average during the run    %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
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

    /** The UNet in a session of its own, run on fixed inputs of the guided 512×512 batch. */
    private static final class BareUnet implements AutoCloseable {
        private final OrtSession session;
        private final Map<String, OnnxTensor> inputs;

        BareUnet(Path file, long hidden, ai.onnxruntime.OnnxJavaType timestepType) throws Exception {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(THREADS);
                session = env.createSession(file.toString(), options);
            }
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

        /** Nanoseconds per run, over {@code runs} runs (the inputs made once: only run and result). */
        double perStep(int runs) throws Exception {
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                try (OrtSession.Result result = session.run(inputs)) {
                    result.get(0);
                }
            }
            return (System.nanoTime() - start) / (double) runs;
        }

        @Override
        public void close() throws Exception {
            for (OnnxTensor t : inputs.values()) t.close();
            session.close();
        }
    }
}
