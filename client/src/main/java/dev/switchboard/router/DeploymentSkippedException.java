package dev.switchboard.router;

import dev.switchboard.errors.OpenAIException;

/**
 * Why a deployment was not tried for a call: it was cooling down, over its rate limits or at its
 * concurrency limit, or too small for the request. Appears among the failures of a
 * {@link dev.switchboard.errors.NoDeploymentAvailableException}.
 */
public final class DeploymentSkippedException extends OpenAIException {
    private final String deployment;

    public DeploymentSkippedException(String deployment, String reason) {
        super(reason);
        this.deployment = deployment;
    }

    public String deployment() {
        return deployment;
    }
}
