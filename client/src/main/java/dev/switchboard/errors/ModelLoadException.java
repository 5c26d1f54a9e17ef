package dev.switchboard.errors;

/**
 * A local model could not be loaded: its file is missing, cannot be downloaded, or is not a valid
 * model (the message says which check failed, and how to get a good file). Native code never sees a
 * file that fails these checks, so the JVM survives. The router fails over to the pool's next
 * deployment.
 */
public class ModelLoadException extends OpenAIException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
