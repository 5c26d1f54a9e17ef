package dev.switchboard.local.diffusion;

/**
 * Euler's method on the probability-flow ODE, as diffusers' {@code EulerDiscreteScheduler} (without
 * churn): sigmas interpolated from the schedule at the timesteps, the latents divided by
 * {@code sqrt(sigma² + 1)} for the UNet, and one Euler step from each sigma to the next (the last to 0).
 */
final class EulerScheduler extends Scheduler {
    private final double[] sigmas;

    EulerScheduler(NoiseSchedule schedule, int steps) {
        super(schedule, euler(schedule, steps));
        double[] all = new double[schedule.trainSteps];
        for (int t = 0; t < all.length; t++) {
            double a = schedule.alphasCumprod[t];
            all[t] = Math.sqrt((1 - a) / a);
        }
        sigmas = new double[steps + 1];
        for (int i = 0; i < steps; i++) sigmas[i] = interpolate(all, timesteps[i]);
        sigmas[steps] = 0;
    }

    private static double[] euler(NoiseSchedule schedule, int steps) {
        if (schedule.spacing != NoiseSchedule.Spacing.LINSPACE) return schedule.timesteps(steps);
        double[] t = new double[steps]; // linspace timesteps stay fractional for Euler
        for (int i = 0; i < steps; i++) {
            t[i] = steps == 1 ? 0 : (schedule.trainSteps - 1) * (double) (steps - 1 - i) / (steps - 1);
        }
        return t;
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
        for (int k = 0; k < sample.length; k++) {
            double x = sample[k];
            double clean;
            switch (schedule.prediction) {
                case EPSILON:
                    clean = x - sigma * output[k];
                    break;
                case V_PREDICTION:
                    clean = output[k] * vScale + x * sScale;
                    break;
                default:
                    clean = output[k];
            }
            double derivative = (x - clean) / sigma;
            sample[k] = (float) (x + derivative * dt);
        }
    }
}
