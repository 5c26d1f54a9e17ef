package dev.switchboard.errors;

/**
 * No deployment of the pool offers what the call needs (for example speech on a TGI server).
 * A gateway answers it with HTTP 501. Trying again will not help.
 */
public final class UnsupportedCapabilityException extends OpenAIException {
    private final String pool;
    private final String capability;

    public UnsupportedCapabilityException(String pool, String capability, String detail) {
        super("'" + pool + "' cannot do " + capability + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.pool = pool;
        this.capability = capability;
    }

    public String pool() {
        return pool;
    }

    public String capability() {
        return capability;
    }
}
