package dev.switchboard.models.models;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A request for the list of models; it takes no parameters. */
public final class ModelListParams extends JsonModel {
    private static final List<String> FIELDS = List.of();
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private final Headers additionalHeaders;
    private final QueryParams additionalQueryParams;

    private ModelListParams(Struct struct) {
        this(struct, Headers.builder().build(), QueryParams.builder().build());
    }

    private ModelListParams(Struct struct, Headers additionalHeaders, QueryParams additionalQueryParams) {
        super(struct);
        this.additionalHeaders = additionalHeaders;
        this.additionalQueryParams = additionalQueryParams;
    }

    /** Body properties beyond the official schema, sent as they are (top_k, min_p, …). */
    public Map<String, JsonValue> _additionalBodyProperties() {
        return additionalProperties(KNOWN);
    }

    public Headers _additionalHeaders() {
        return additionalHeaders;
    }

    public QueryParams _additionalQueryParams() {
        return additionalQueryParams;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((ModelListParams) o).additionalHeaders.equals(additionalHeaders)
                && ((ModelListParams) o).additionalQueryParams.equals(additionalQueryParams);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + additionalHeaders.hashCode();
    }

    @Override
    public String toString() {
        return "ModelListParams{body=" + struct() + ", additionalHeaders=" + additionalHeaders
                + ", additionalQueryParams=" + additionalQueryParams + "}";
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    private static final ModelListParams NONE = builder().build();

    public static ModelListParams none() {
        return NONE;
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ModelListParams validate() {
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(struct().toBuilder());
        builder.additionalHeaders.putAll(additionalHeaders);
        builder.additionalQueryParams.putAll(additionalQueryParams);
        return builder;
    }

    public static final class Builder {
        private final Struct.Builder fields;
        private final Headers.Builder additionalHeaders = Headers.builder();
        private final QueryParams.Builder additionalQueryParams = QueryParams.builder();

        private Builder(Struct.Builder fields) {
            this.fields = fields;
        }

        /** Adds a body property beyond the official schema, such as a backend's {@code top_k}. */
        public Builder putAdditionalBodyProperty(String key, JsonValue value) {
            fields.put(key, value);
            return this;
        }

        public Builder putAllAdditionalBodyProperties(Map<String, ? extends JsonValue> additionalBodyProperties) {
            fields.putAll(additionalBodyProperties);
            return this;
        }

        public Builder additionalBodyProperties(Map<String, ? extends JsonValue> additionalBodyProperties) {
            fields.retainOnly(KNOWN).putAll(additionalBodyProperties);
            return this;
        }

        public Builder removeAdditionalBodyProperty(String key) {
            fields.remove(key);
            return this;
        }

        public Builder removeAllAdditionalBodyProperties(Set<String> keys) {
            keys.forEach(fields::remove);
            return this;
        }

        public Builder additionalHeaders(Headers additionalHeaders) {
            this.additionalHeaders.clear().putAll(additionalHeaders);
            return this;
        }

        public Builder additionalHeaders(Map<String, ? extends Iterable<String>> additionalHeaders) {
            this.additionalHeaders.clear().putAll(additionalHeaders);
            return this;
        }

        public Builder putAdditionalHeader(String name, String value) {
            additionalHeaders.put(name, value);
            return this;
        }

        public Builder putAdditionalHeaders(String name, Iterable<String> values) {
            additionalHeaders.put(name, values);
            return this;
        }

        public Builder putAllAdditionalHeaders(Headers additionalHeaders) {
            this.additionalHeaders.putAll(additionalHeaders);
            return this;
        }

        public Builder putAllAdditionalHeaders(Map<String, ? extends Iterable<String>> additionalHeaders) {
            this.additionalHeaders.putAll(additionalHeaders);
            return this;
        }

        public Builder replaceAdditionalHeaders(String name, String value) {
            additionalHeaders.replace(name, value);
            return this;
        }

        public Builder replaceAdditionalHeaders(String name, Iterable<String> values) {
            additionalHeaders.replace(name, values);
            return this;
        }

        public Builder removeAdditionalHeaders(String name) {
            additionalHeaders.remove(name);
            return this;
        }

        public Builder removeAllAdditionalHeaders(Set<String> names) {
            additionalHeaders.removeAll(names);
            return this;
        }

        public Builder additionalQueryParams(QueryParams additionalQueryParams) {
            this.additionalQueryParams.clear().putAll(additionalQueryParams);
            return this;
        }

        public Builder additionalQueryParams(Map<String, ? extends Iterable<String>> additionalQueryParams) {
            this.additionalQueryParams.clear().putAll(additionalQueryParams);
            return this;
        }

        public Builder putAdditionalQueryParam(String key, String value) {
            additionalQueryParams.put(key, value);
            return this;
        }

        public Builder putAdditionalQueryParams(String key, Iterable<String> values) {
            additionalQueryParams.put(key, values);
            return this;
        }

        public Builder putAllAdditionalQueryParams(QueryParams additionalQueryParams) {
            this.additionalQueryParams.putAll(additionalQueryParams);
            return this;
        }

        public Builder putAllAdditionalQueryParams(Map<String, ? extends Iterable<String>> additionalQueryParams) {
            this.additionalQueryParams.putAll(additionalQueryParams);
            return this;
        }

        public Builder replaceAdditionalQueryParams(String key, String value) {
            additionalQueryParams.replace(key, value);
            return this;
        }

        public Builder replaceAdditionalQueryParams(String key, Iterable<String> values) {
            additionalQueryParams.replace(key, values);
            return this;
        }

        public Builder removeAdditionalQueryParams(String key) {
            additionalQueryParams.remove(key);
            return this;
        }

        public Builder removeAllAdditionalQueryParams(Set<String> keys) {
            additionalQueryParams.removeAll(keys);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ModelListParams build() {
            return new ModelListParams(fields.build(FIELDS), additionalHeaders.build(), additionalQueryParams.build());
        }
    }
}
