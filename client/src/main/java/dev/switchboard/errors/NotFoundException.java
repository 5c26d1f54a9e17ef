package dev.switchboard.errors;

/** HTTP 404: no such model, route or resource. */
public final class NotFoundException extends OpenAIServiceException {
    private NotFoundException(Builder builder) {
        super(404, builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    public static final class Builder extends OpenAIServiceException.Builder<NotFoundException, Builder> {
        private Builder() {
            super(NotFoundException::new);
        }
    }
}
