package dev.switchboard.backend;

import dev.switchboard.router.Deployment;
import java.util.Set;

/**
 * Makes backends for deployments of the kinds it knows, or declines. The router asks the factories
 * given to its builder first, then those {@link java.util.ServiceLoader} finds (a module such as
 * switchboard-client-local registers its engines that way), then the built-in remote kinds.
 */
public interface BackendFactory {

    /** The kinds this factory makes, for messages that list what is available. */
    Set<String> kinds();

    /**
     * A backend for {@code deployment}, or null when its kind is not this factory's. A deployment
     * this factory should handle but cannot (a bad option, a missing model file) is an exception
     * that says what is wrong.
     */
    Backend create(Deployment deployment, BackendContext context);
}
