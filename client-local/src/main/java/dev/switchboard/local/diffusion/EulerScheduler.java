package dev.switchboard.local.diffusion;

/**
 * Euler's method on the probability-flow ODE, as diffusers' {@code EulerDiscreteScheduler} (without
 * churn): sigmas interpolated from the schedule at the timesteps, the latents divided by
 * {@code sqrt(sigma² + 1)} for the UNet, and one Euler step from each sigma to the next (the last to 0).
 */
final class EulerScheduler extends Scheduler {
    private final double[] sigmas;

    EulerScheduler(NoiseSchedule schedule, int steps) {
        super(schedule, timesteps(schedule, steps));
        sigmas = sigmas(schedule, timesteps);
    }

    /** The noise level at each timestep, from the schedule ({@code sqrt((1 - alpha) / alpha)}, interpolated), and 0 after the last. */
    static double[] sigmas(NoiseSchedule schedule, double[] timesteps) {
        double[] all = new double[schedule.trainSteps];
        for (int t = 0; t < all.length; t++) {
            double a = schedule.alphasCumprod[t];
            all[t] = Math.sqrt((1 - a) / a);
        }
        double[] sigmas = new double[timesteps.length + 1];
        for (int i = 0; i < timesteps.length; i++) sigmas[i] = interpolate(all, timesteps[i]);
        sigmas[timesteps.length] = 0;
        return sigmas;
    }

    /** The schedule's timesteps; linspace ones stay fractional, as diffusers' sigma-space schedulers keep them. */
    static double[] timesteps(NoiseSchedule schedule, int steps) {
        if (schedule.spacing != NoiseSchedule.Spacing.LINSPACE) return schedule.timesteps(steps);
        double[] t = new double[steps]; // linspace timesteps stay fractional for Euler
        for (int i = 0; i < steps; i++) {
            t[i] = steps == 1 ? 0 : (schedule.trainSteps - 1) * (double) (steps - 1 - i) / (steps - 1);
        }
        return t;
    }

    /**
     * The clean sample at noise level {@code sigma} from the UNet's output, in sigma space (latents
     * {@code x = clean + sigma · noise}); {@code vScale} and {@code sScale} are {@code -sigma / sqrt(sigma² + 1)}
     * and {@code 1 / (sigma² + 1)}.
     */
    static double denoised(NoiseSchedule schedule, double output, double x, double sigma, double vScale, double sScale) {
        switch (schedule.prediction) {
            case EPSILON:
                return x - sigma * output;
            case V_PREDICTION:
                return output * vScale + x * sScale;
            default:
                return output;
        }
    }

    private static double interpolate(double[] values, double x) {
        if (x <= 0) return values[0];
        if (x >= values.length - 1) return values[values.length - 1];
        int lo = (int) Math.floor(x);
        double f = x - lo;
        return values[lo] * (1 - f) + values[lo + 1] * f;
    }

    double sigma(int i) {
        return sigmas[i];
    }

    @Override
    double initNoiseSigma() {
        return initNoiseSigma(schedule, sigmas);
    }

    /** As diffusers: the largest sigma, or for leading spacing {@code sqrt(sigma² + 1)} of it. */
    static double initNoiseSigma(NoiseSchedule schedule, double[] sigmas) {
        double max = 0;
        for (double s : sigmas) max = Math.max(max, s);
        return schedule.spacing == NoiseSchedule.Spacing.LEADING ? Math.sqrt(max * max + 1) : max;
    }

    @Override
    double inputScale(int i) {
        return 1 / Math.sqrt(sigmas[i] * sigmas[i] + 1);
    }

    @Override
    void step(int i, float[] output, float[] sample) {
        double sigma = sigmas[i];
        double dt = sigmas[i + 1] - sigma;
        double vScale = -sigma / Math.sqrt(sigma * sigma + 1);
        double sScale = 1 / (sigma * sigma + 1);
        if (schedule.prediction == NoiseSchedule.Prediction.EPSILON) {
            // The usual prediction type in float32, as diffusers computes it: the JIT vectorises this
            // loop (3–6 µs for a 64×64 latent) where the double one below takes ~150 µs, which was most
            // of the pipeline's glue per step (DiffusionStepBenchmark).
            float s = (float) sigma;
            float d = (float) dt;
            for (int k = 0; k < sample.length; k++) {
                float x = sample[k];
                float clean = x - s * output[k];
                sample[k] = x + (x - clean) / s * d;
            }
            return;
        }
        for (int k = 0; k < sample.length; k++) {
            double x = sample[k];
            double clean = denoised(schedule, output[k], x, sigma, vScale, sScale);
            double derivative = (x - clean) / sigma;
            sample[k] = (float) (x + derivative * dt);
        }
    }
}
