package dev.switchboard.local.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.errors.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {
    private static NoiseSchedule read(Path dir, String json) throws IOException {
        Path file = dir.resolve("scheduler_config.json");
        Files.writeString(file, json);
        return NoiseSchedule.read(file);
    }

    private static float[] gaussian(long seed, int n) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    @Test
    void sd15sLeadingSpacingGivesDiffusersTimesteps() {
        double[] t = NoiseSchedule.stableDiffusion15().timesteps(50);

        assertThat(t).hasSize(50);
        assertThat(t[0]).isEqualTo(981);
        assertThat(t[1]).isEqualTo(961);
        assertThat(t[49]).isEqualTo(1);
    }

    @Test
    void trailingAndLinspaceSpacingStartAtTheLastTrainingStep(@TempDir Path dir) throws IOException {
        NoiseSchedule trailing = read(dir, "{\"timestep_spacing\": \"trailing\"}");
        NoiseSchedule linspace = read(dir, "{\"timestep_spacing\": \"linspace\"}");

        assertThat(trailing.timesteps(4)).containsExactly(999, 749, 499, 249);
        assertThat(linspace.timesteps(4)).containsExactly(999, 666, 333, 0);
    }

    @Test
    void sd15sSchedulesLastCumulativeAlphaIsDiffusers() {
        // diffusers: scaled_linear 0.00085..0.012 over 1000 steps ends at alphas_cumprod[999] = 0.0047 (sigma 14.61).
        NoiseSchedule s = NoiseSchedule.stableDiffusion15();
        double sigmaMax = Math.sqrt((1 - s.alphasCumprod[999]) / s.alphasCumprod[999]);

        assertThat(sigmaMax).isCloseTo(14.6146, within(1e-3));
        assertThat(s.alphasCumprod[0]).isCloseTo(0.99915, within(1e-5));
    }

    @Test
    void eulerWithAPerfectNoisePredictionLandsOnTheCleanSample() {
        NoiseSchedule schedule = NoiseSchedule.stableDiffusion15();
        Scheduler euler = Scheduler.create(Scheduler.EULER, schedule, 20);
        float[] clean = gaussian(1, 64);
        float[] noise = gaussian(2, 64);
        float[] x = new float[64];
        double sigma0 = ((EulerScheduler) euler).sigma(0);
        for (int k = 0; k < 64; k++) x[k] = (float) (clean[k] + sigma0 * noise[k]);

        for (int i = 0; i < euler.steps(); i++) euler.step(i, noise, x);

        for (int k = 0; k < 64; k++) assertThat(x[k]).isCloseTo(clean[k], within(1e-4f));
    }

    @Test
    void dpmSolverWithAPerfectNoisePredictionLandsOnTheCleanSample() {
        Scheduler dpm = Scheduler.create(Scheduler.DPMPP_2M, NoiseSchedule.stableDiffusion15(), 20);
        Scheduler euler = Scheduler.create(Scheduler.EULER, NoiseSchedule.stableDiffusion15(), 20);
        float[] clean = gaussian(7, 64);
        float[] noise = gaussian(8, 64);
        float[] x = new float[64];
        double sigma0 = ((EulerScheduler) euler).sigma(0);
        for (int k = 0; k < 64; k++) x[k] = (float) (clean[k] + sigma0 * noise[k]);

        for (int i = 0; i < dpm.steps(); i++) {
            assertThat(dpm.inputScale(i)).isEqualTo(euler.inputScale(i));
            dpm.step(i, noise, x);
        }

        for (int k = 0; k < 64; k++) assertThat(x[k]).isCloseTo(clean[k], within(1e-4f));
    }

    @Test
    void eulerAncestralWithPerfectPredictionsLandsOnTheCleanSampleAddingTheSeedsNoise() {
        NoiseSchedule schedule = NoiseSchedule.stableDiffusion15();
        Random seeded = new Random(11);
        java.util.List<Float> drawn = new java.util.ArrayList<>();
        Scheduler ancestral = Scheduler.create(Scheduler.EULER_ANCESTRAL, schedule, 10, target -> {
            for (int k = 0; k < target.length; k++) {
                target[k] = (float) seeded.nextGaussian();
                drawn.add(target[k]);
            }
        });
        float[] clean = gaussian(12, 32);
        float[] x = new float[32];
        double sigma0 = ((EulerScheduler) Scheduler.create(Scheduler.EULER, schedule, 10)).sigma(0);
        float[] noise = gaussian(13, 32);
        for (int k = 0; k < 32; k++) x[k] = (float) (clean[k] + sigma0 * noise[k]);
        double[] sigmas = EulerScheduler.sigmas(schedule, ancestral.timesteps);

        for (int i = 0; i < ancestral.steps(); i++) {
            float[] eps = new float[32]; // the noise the latents hold now: a perfect prediction
            for (int k = 0; k < 32; k++) eps[k] = (float) ((x[k] - clean[k]) / sigmas[i]);
            ancestral.step(i, eps, x);
        }

        for (int k = 0; k < 32; k++) assertThat(x[k]).isCloseTo(clean[k], within(1e-4f));
        assertThat(drawn).hasSize(9 * 32); // fresh noise at every step but the last
    }

    @Test
    void dpmSolversSecondOrderStepDiffersFromEulers() {
        NoiseSchedule schedule = NoiseSchedule.stableDiffusion15();
        Scheduler dpm = Scheduler.create(Scheduler.DPMPP_2M, schedule, 10);
        Scheduler euler = Scheduler.create(Scheduler.EULER, schedule, 10);
        float[] a = gaussian(9, 16);
        float[] b = a.clone();
        for (int i = 0; i < 3; i++) {
            float[] outA = gaussian(10 + i, 16); // a prediction that changes from step to step
            dpm.step(i, outA, a);
            euler.step(i, outA.clone(), b);
        }

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void ddimWithAPerfectNoisePredictionLandsOnTheCleanSample(@TempDir Path dir) throws IOException {
        NoiseSchedule schedule = read(dir, "{\"set_alpha_to_one\": true, \"steps_offset\": 1}");
        Scheduler ddim = Scheduler.create(Scheduler.DDIM, schedule, 10);
        float[] clean = gaussian(3, 64);
        float[] noise = gaussian(4, 64);
        double a = schedule.alphasCumprod[(int) ddim.timesteps[0]];
        float[] x = new float[64];
        for (int k = 0; k < 64; k++) x[k] = (float) (Math.sqrt(a) * clean[k] + Math.sqrt(1 - a) * noise[k]);

        for (int i = 0; i < ddim.steps(); i++) ddim.step(i, noise, x);

        for (int k = 0; k < 64; k++) assertThat(x[k]).isCloseTo(clean[k], within(1e-4f));
    }

    @Test
    void ddimReadsAVelocityPrediction(@TempDir Path dir) throws IOException {
        NoiseSchedule schedule = read(dir, "{\"set_alpha_to_one\": true, \"prediction_type\": \"v_prediction\"}");
        Scheduler ddim = Scheduler.create(Scheduler.DDIM, schedule, 5);
        float[] clean = gaussian(5, 16);
        float[] noise = gaussian(6, 16);
        float[] x = new float[16];
        double a0 = schedule.alphasCumprod[(int) ddim.timesteps[0]];
        for (int k = 0; k < 16; k++) x[k] = (float) (Math.sqrt(a0) * clean[k] + Math.sqrt(1 - a0) * noise[k]);

        for (int i = 0; i < ddim.steps(); i++) {
            double a = schedule.alphasCumprod[(int) ddim.timesteps[i]];
            float[] v = new float[16];
            for (int k = 0; k < 16; k++) v[k] = (float) (Math.sqrt(a) * noise[k] - Math.sqrt(1 - a) * clean[k]);
            ddim.step(i, v, x);
        }

        for (int k = 0; k < 16; k++) assertThat(x[k]).isCloseTo(clean[k], within(1e-4f));
    }

    @Test
    void eulerScalesTheUnetsInputAndStartsFromItsLargestSigma() {
        Scheduler euler = Scheduler.create(Scheduler.EULER, NoiseSchedule.stableDiffusion15(), 50);
        double sigma = ((EulerScheduler) euler).sigma(0);

        assertThat(euler.inputScale(0)).isCloseTo(1 / Math.sqrt(sigma * sigma + 1), within(1e-12));
        assertThat(euler.initNoiseSigma()).isCloseTo(Math.sqrt(sigma * sigma + 1), within(1e-12));
    }

    @Test
    void anUnknownBetaScheduleIsRefusedNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> read(dir, "{\"beta_schedule\": \"squaredcos_cap_v2\"}"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(dir.resolve("scheduler_config.json") + ": beta_schedule 'squaredcos_cap_v2' is not supported;"
                        + " this engine knows linear and scaled_linear (or trained_betas)");
    }

    @Test
    void theConfigsSchedulerIsTheDefaultWhenTheEngineHasIt(@TempDir Path dir) throws IOException {
        assertThat(Scheduler.defaultFor(read(dir, "{\"_class_name\": \"DDIMScheduler\"}"))).isEqualTo("ddim");
        assertThat(Scheduler.defaultFor(read(dir, "{\"_class_name\": \"PNDMScheduler\"}"))).isEqualTo("euler");
        assertThat(Scheduler.defaultFor(read(dir, "{\"_class_name\": \"DPMSolverMultistepScheduler\"}")))
                .isEqualTo("dpmpp_2m");
        assertThat(Scheduler.defaultFor(read(dir, "{\"_class_name\": \"EulerAncestralDiscreteScheduler\"}")))
                .isEqualTo("euler_a");
    }
}
