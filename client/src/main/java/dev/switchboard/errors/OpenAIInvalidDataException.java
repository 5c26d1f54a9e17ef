package dev.switchboard.errors;

/** A payload that is not what the API promises: malformed JSON, or a field of the wrong type or missing. */
public final class OpenAIInvalidDataException extends OpenAIException {
    public OpenAIInvalidDataException(String message) {
        super(message);
    }

    public OpenAIInvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
