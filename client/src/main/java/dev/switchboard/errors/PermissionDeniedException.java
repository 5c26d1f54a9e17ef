package dev.switchboard.errors;

/** HTTP 403: the key may not do this. */
public final class PermissionDeniedException extends OpenAIServiceException {
    private PermissionDeniedException(Builder builder) {
        super(403, builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    public static final class Builder extends OpenAIServiceException.Builder<PermissionDeniedException, Builder> {
        private Builder() {
            super(PermissionDeniedException::new);
        }
    }
}
