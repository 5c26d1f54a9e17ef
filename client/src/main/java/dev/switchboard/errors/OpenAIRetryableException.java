package dev.switchboard.errors;

/** A failure that is worth trying again, on this deployment or another. */
public final class OpenAIRetryableException extends OpenAIException {
    public OpenAIRetryableException(String message) {
        super(message);
    }

    public OpenAIRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
