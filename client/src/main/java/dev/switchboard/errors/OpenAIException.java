package dev.switchboard.errors;

/** The root of every exception Switchboard throws; unchecked, as in the official SDK. */
public class OpenAIException extends RuntimeException {
    public OpenAIException(String message) {
        super(message);
    }

    public OpenAIException(String message, Throwable cause) {
        super(message, cause);
    }
}
