package dev.switchboard.local.diffusion;

/**
 * Euler ancestral, as diffusers' {@code EulerAncestralDiscreteScheduler}: each step goes down with
 * Euler to {@code sigma_down} and adds fresh noise of {@code sigma_up}, where
 * {@code sigma_up² = next² (sigma² - next²) / sigma²} and {@code sigma_down² = next² - sigma_up²}; the
 * last step (to sigma 0) adds none. The noise comes from each image's seeded stream, so a seed still
 * gives one image.
 */
final class EulerAncestralScheduler extends Scheduler {
    private final double[] sigmas;
    private final Noise noise;
    private float[] fresh;

    EulerAncestralScheduler(NoiseSchedule schedule, int steps, Noise noise) {
        super(schedule, EulerScheduler.timesteps(schedule, steps));
        this.sigmas = EulerScheduler.sigmas(schedule, timesteps);
        this.noise = noise;
    }

    @Override
    double initNoiseSigma() {
        return EulerScheduler.initNoiseSigma(schedule, sigmas);
    }

    @Override
    double inputScale(int i) {
        return 1 / Math.sqrt(sigmas[i] * sigmas[i] + 1);
    }

    @Override
    void step(int i, float[] output, float[] sample) {
        double sigma = sigmas[i];
        double next = sigmas[i + 1];
        double up = Math.sqrt(Math.max(0, next * next * (sigma * sigma - next * next) / (sigma * sigma)));
        double down = Math.sqrt(Math.max(0, next * next - up * up));
        double dt = down - sigma;
        double vScale = -sigma / Math.sqrt(sigma * sigma + 1);
        double sScale = 1 / (sigma * sigma + 1);
        if (up > 0) {
            if (fresh == null) fresh = new float[sample.length];
            noise.fill(fresh);
        }
        for (int k = 0; k < sample.length; k++) {
            double x = sample[k];
            double clean = EulerScheduler.denoised(schedule, output[k], x, sigma, vScale, sScale);
            double moved = x + (x - clean) / sigma * dt;
            sample[k] = (float) (up > 0 ? moved + fresh[k] * up : moved);
        }
    }
}
