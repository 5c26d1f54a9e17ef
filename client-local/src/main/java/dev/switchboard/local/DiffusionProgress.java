package dev.switchboard.local;

/**
 * Hears each denoising step of the diffusion engine's calls, to show progress (the command line draws
 * a bar from it). Called on the thread running the call, after every step; it should return quickly,
 * and what it throws is logged and ignored. Set it on a deployment in code:
 * {@code Deployment.builder().kind("diffusion").putOption("progress", listener)}.
 */
@FunctionalInterface
public interface DiffusionProgress {
    /** Hears nothing. */
    DiffusionProgress NONE = (deployment, step, steps) -> {};

    /**
     * Step {@code step} (from 1) of {@code steps} is done for a call on {@code deployment}. All the
     * images of one call are denoised together, so a call counts its steps once.
     */
    void onStep(String deployment, int step, int steps);
}
