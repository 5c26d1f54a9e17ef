package dev.switchboard.errors;

/** The connection failed: refused, reset, timed out, or cut off. */
public final class OpenAIIoException extends OpenAIException {
    public OpenAIIoException(String message) {
        super(message);
    }

    public OpenAIIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
