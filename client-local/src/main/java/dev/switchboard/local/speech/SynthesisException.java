package dev.switchboard.local.speech;

/** The engine failed on text it had accepted; the backend turns it into a 500 the router may fail over. */
final class SynthesisException extends RuntimeException {
    SynthesisException(String message) {
        super(message);
    }

    SynthesisException(String message, Throwable cause) {
        super(message, cause);
    }
}
