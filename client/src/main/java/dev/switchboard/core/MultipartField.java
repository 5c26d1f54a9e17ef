package dev.switchboard.core;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/** A part of a multipart request: a value with its content type and, for files, a file name. */
public final class MultipartField<T> {
    private final JsonField<T> value;
    private final String contentType;
    private final String filename;

    private MultipartField(JsonField<T> value, String contentType, String filename) {
        this.value = value;
        this.contentType = contentType;
        this.filename = filename;
    }

    public static <T> MultipartField<T> of(T value) {
        return MultipartField.<T>builder().value(value).build();
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    public JsonField<T> value() {
        return value;
    }

    public String contentType() {
        return contentType;
    }

    public Optional<String> filename() {
        return Optional.ofNullable(filename);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MultipartField)) return false;
        MultipartField<?> f = (MultipartField<?>) o;
        return value.equals(f.value) && contentType.equals(f.contentType) && Objects.equals(filename, f.filename);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, contentType, filename);
    }

    @Override
    public String toString() {
        return "MultipartField{contentType=" + contentType + ", filename=" + filename + "}";
    }

    public static final class Builder<T> {
        private JsonField<T> value;
        private String contentType;
        private String filename;

        private Builder() {}

        public Builder<T> value(JsonField<T> value) {
            this.value = value;
            return this;
        }

        public Builder<T> value(T value) {
            return value(JsonField.ofNullable(value));
        }

        public Builder<T> contentType(String contentType) {
            if (contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Multipart content type must not contain line breaks");
            }
            this.contentType = contentType;
            return this;
        }

        public Builder<T> filename(String filename) {
            this.filename = filename;
            return this;
        }

        public Builder<T> filename(Optional<String> filename) {
            return filename(filename.orElse(null));
        }

        public MultipartField<T> build() {
            if (value == null) throw new IllegalStateException("`value` is required, but was not set");
            Object known = value.asKnown().orElse(null);
            String type = contentType != null ? contentType
                    : known instanceof InputStream || known instanceof byte[] ? "application/octet-stream"
                    : "text/plain; charset=utf-8";
            return new MultipartField<>(value, type, filename);
        }
    }
}
