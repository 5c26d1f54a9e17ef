package dev.switchboard.local.diffusion;

/**
 * Deterministic DDIM (eta 0), as diffusers' {@code DDIMScheduler}: from the UNet's prediction, the
 * clean sample (clipped when the config says so) and the noise, then the latents at the previous
 * timestep, {@code trainSteps / steps} earlier (the final one at alpha 1 or the first alpha).
 */
final class DdimScheduler extends Scheduler {
    private final int stride;
    private final double finalAlpha;

    DdimScheduler(NoiseSchedule schedule, int steps) {
        super(schedule, rounded(schedule.timesteps(steps)));
        this.stride = schedule.trainSteps / steps;
        this.finalAlpha = schedule.setAlphaToOne ? 1.0 : schedule.alphasCumprod[0];
    }

    private static double[] rounded(double[] timesteps) {
        for (int i = 0; i < timesteps.length; i++) timesteps[i] = Math.rint(timesteps[i]);
        return timesteps;
    }

    @Override
    double initNoiseSigma() {
        return 1;
    }

    @Override
    double inputScale(int i) {
        return 1;
    }

    @Override
    void step(int i, float[] output, float[] sample) {
        int t = (int) timesteps[i];
        int prev = t - stride;
        double alpha = schedule.alphasCumprod[Math.min(Math.max(t, 0), schedule.trainSteps - 1)];
        double alphaPrev = prev >= 0 ? schedule.alphasCumprod[prev] : finalAlpha;
        double sqrtAlpha = Math.sqrt(alpha);
        double sqrtBeta = Math.sqrt(1 - alpha);
        double range = schedule.clipSampleRange;
        for (int k = 0; k < sample.length; k++) {
            double x = sample[k];
            double clean = cleanSample(output[k], x, alpha);
            double noise;
            switch (schedule.prediction) {
                case EPSILON:
                    noise = output[k];
                    break;
                case V_PREDICTION:
                    noise = sqrtAlpha * output[k] + sqrtBeta * x;
                    break;
                default:
                    noise = (x - sqrtAlpha * clean) / sqrtBeta;
            }
            if (schedule.clipSample) clean = Math.max(-range, Math.min(range, clean));
            sample[k] = (float) (Math.sqrt(alphaPrev) * clean + Math.sqrt(1 - alphaPrev) * noise);
        }
    }
}
