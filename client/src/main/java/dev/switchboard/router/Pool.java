package dev.switchboard.router;

import java.util.List;

/**
 * The deployments that answer one model name. A call to the pool goes to its deployments in order
 * until one answers.
 */
public final class Pool {
    private final String name;
    private final List<Deployment> deployments;

    private Pool(String name, List<Deployment> deployments) {
        this.name = name;
        this.deployments = List.copyOf(deployments);
    }

    public static Pool of(String name, List<Deployment> deployments) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("pool name must be set");
        if (deployments.isEmpty()) throw new IllegalArgumentException("pools." + name + ".deployments must not be empty");
        return new Pool(name, deployments);
    }

    public String name() {
        return name;
    }

    public List<Deployment> deployments() {
        return deployments;
    }

    @Override
    public String toString() {
        return "Pool(" + name + ", " + deployments + ")";
    }
}
