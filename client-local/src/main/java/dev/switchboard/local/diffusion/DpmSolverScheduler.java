package dev.switchboard.local.diffusion;

/**
 * DPM-Solver++ (2M): the second-order multistep solver (diffusers' {@code DPMSolverMultistepScheduler}
 * with {@code algorithm_type="dpmsolver++"}, {@code solver_order=2}; "DPM++ 2M" elsewhere), in sigma
 * space on Euler's sigmas: each step moves by the exponential integrator in {@code log(1 / sigma)},
 * using the last two clean-sample predictions (the first step and the step to sigma 0 use one). It
 * gives sharper images than Euler in 20 to 25 steps.
 */
final class DpmSolverScheduler extends Scheduler {
    private final double[] sigmas;
    private float[] previous;

    DpmSolverScheduler(NoiseSchedule schedule, int steps) {
        super(schedule, EulerScheduler.timesteps(schedule, steps));
        sigmas = EulerScheduler.sigmas(schedule, timesteps);
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
        double vScale = -sigma / Math.sqrt(sigma * sigma + 1);
        double sScale = 1 / (sigma * sigma + 1);
        float[] clean = new float[sample.length];
        for (int k = 0; k < sample.length; k++) {
            clean[k] = (float) EulerScheduler.denoised(schedule, output[k], sample[k], sigma, vScale, sScale);
        }
        if (next == 0) {
            System.arraycopy(clean, 0, sample, 0, sample.length); // the last step lands on the prediction
            previous = clean;
            return;
        }
        double h = Math.log(sigma / next); // t_next - t with t = -log(sigma)
        double ratio = next / sigma;
        double weight = -Math.expm1(-h);
        if (previous == null) {
            for (int k = 0; k < sample.length; k++) sample[k] = (float) (ratio * sample[k] + weight * clean[k]);
        } else {
            double r = Math.log(sigmas[i - 1] / sigma) / h;
            double a = 1 + 1 / (2 * r);
            double b = 1 / (2 * r);
            for (int k = 0; k < sample.length; k++) {
                double d = a * clean[k] - b * previous[k];
                sample[k] = (float) (ratio * sample[k] + weight * d);
            }
        }
        previous = clean;
    }
}
