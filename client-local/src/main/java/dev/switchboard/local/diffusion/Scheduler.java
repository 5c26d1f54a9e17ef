package dev.switchboard.local.diffusion;

/**
 * One denoising run's schedule: the timesteps the UNet is asked about, how the latents are scaled
 * before each call, and the update from the UNet's prediction to the next latents. Made per call
 * ({@link #create}); not shared between threads.
 */
abstract class Scheduler {
    /** The schedulers a request or a deployment may name. */
    static final String EULER = "euler";
    static final String DDIM = "ddim";
    static final String DPMPP_2M = "dpmpp_2m";
    static final String EULER_ANCESTRAL = "euler_a";

    /** Fresh Gaussian noise for the stochastic schedulers, drawn image by image from each image's seeded stream. */
    @FunctionalInterface
    interface Noise {
        void fill(float[] target);
    }

    final NoiseSchedule schedule;
    final double[] timesteps;

    Scheduler(NoiseSchedule schedule, double[] timesteps) {
        this.schedule = schedule;
        this.timesteps = timesteps;
    }

    static Scheduler create(String name, NoiseSchedule schedule, int steps) {
        return create(name, schedule, steps, target -> {
            throw new IllegalStateException(name + " draws no noise");
        });
    }

    /** A scheduler; the stochastic ones (euler_a) draw their noise from {@code noise}. */
    static Scheduler create(String name, NoiseSchedule schedule, int steps, Noise noise) {
        switch (name) {
            case EULER:
                return new EulerScheduler(schedule, steps);
            case EULER_ANCESTRAL:
                return new EulerAncestralScheduler(schedule, steps, noise);
            case DDIM:
                return new DdimScheduler(schedule, steps);
            case DPMPP_2M:
                return new DpmSolverScheduler(schedule, steps);
            default:
                throw new IllegalArgumentException("unknown scheduler " + name);
        }
    }

    /** The scheduler a model folder's config was exported with, when this engine has it; Euler otherwise. */
    static String defaultFor(NoiseSchedule schedule) {
        if (schedule.className.startsWith("DDIM")) return DDIM;
        if (schedule.className.startsWith("EulerAncestral")) return EULER_ANCESTRAL;
        if (schedule.className.startsWith("DPMSolverMultistep")) return DPMPP_2M;
        return EULER;
    }

    int steps() {
        return timesteps.length;
    }

    /** The standard deviation of the initial noise. */
    abstract double initNoiseSigma();

    /** The factor the latents are multiplied by before the UNet sees them at step {@code i}. */
    abstract double inputScale(int i);

    /** Moves {@code sample} (the latents) one step on, in place, from the UNet's {@code output} at step {@code i}. */
    abstract void step(int i, float[] output, float[] sample);

    /** The clean sample predicted from the UNet's output at a noise level: alpha is the cumulative product of (1 - beta). */
    final double cleanSample(double output, double sample, double alphaProd) {
        double beta = 1 - alphaProd;
        switch (schedule.prediction) {
            case EPSILON:
                return (sample - Math.sqrt(beta) * output) / Math.sqrt(alphaProd);
            case V_PREDICTION:
                return Math.sqrt(alphaProd) * sample - Math.sqrt(beta) * output;
            default:
                return output;
        }
    }
}
