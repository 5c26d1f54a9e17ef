package dev.switchboard.core.internal;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import java.util.Map;
import java.util.Set;

/**
 * The base of every request params builder: the body's fields, and what every official params
 * builder offers the same way beyond them: additional body properties (a backend's {@code top_k},
 * {@code min_p}, …), additional headers and additional query parameters.
 */
public abstract class ParamsBuilder<B extends ParamsBuilder<B>> {
    protected final Struct.Builder fields;
    protected final Headers.Builder additionalHeaders = Headers.builder();
    protected final QueryParams.Builder additionalQueryParams = QueryParams.builder();
    private final Set<String> known;

    /** {@code known} names the schema's fields, so that replacing additional properties keeps them. */
    protected ParamsBuilder(Struct.Builder fields, Set<String> known) {
        this.fields = fields;
        this.known = known;
    }

    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    /** Adds a body property beyond the official schema, such as a backend's {@code top_k}. */
    public B putAdditionalBodyProperty(String key, JsonValue value) {
        fields.put(key, value);
        return self();
    }

    public B putAllAdditionalBodyProperties(Map<String, ? extends JsonValue> additionalBodyProperties) {
        fields.putAll(additionalBodyProperties);
        return self();
    }

    /** Replaces every additional body property with these. */
    public B additionalBodyProperties(Map<String, ? extends JsonValue> additionalBodyProperties) {
        fields.retainOnly(known).putAll(additionalBodyProperties);
        return self();
    }

    public B removeAdditionalBodyProperty(String key) {
        fields.remove(key);
        return self();
    }

    public B removeAllAdditionalBodyProperties(Set<String> keys) {
        keys.forEach(fields::remove);
        return self();
    }

    public B additionalHeaders(Headers additionalHeaders) {
        this.additionalHeaders.clear().putAll(additionalHeaders);
        return self();
    }

    public B additionalHeaders(Map<String, ? extends Iterable<String>> additionalHeaders) {
        this.additionalHeaders.clear().putAll(additionalHeaders);
        return self();
    }

    public B putAdditionalHeader(String name, String value) {
        additionalHeaders.put(name, value);
        return self();
    }

    public B putAdditionalHeaders(String name, Iterable<String> values) {
        additionalHeaders.put(name, values);
        return self();
    }

    public B putAllAdditionalHeaders(Headers additionalHeaders) {
        this.additionalHeaders.putAll(additionalHeaders);
        return self();
    }

    public B putAllAdditionalHeaders(Map<String, ? extends Iterable<String>> additionalHeaders) {
        this.additionalHeaders.putAll(additionalHeaders);
        return self();
    }

    public B replaceAdditionalHeaders(String name, String value) {
        additionalHeaders.replace(name, value);
        return self();
    }

    public B replaceAdditionalHeaders(String name, Iterable<String> values) {
        additionalHeaders.replace(name, values);
        return self();
    }

    public B replaceAllAdditionalHeaders(Headers additionalHeaders) {
        this.additionalHeaders.replaceAll(additionalHeaders);
        return self();
    }

    public B replaceAllAdditionalHeaders(Map<String, ? extends Iterable<String>> additionalHeaders) {
        this.additionalHeaders.replaceAll(additionalHeaders);
        return self();
    }

    public B removeAdditionalHeaders(String name) {
        additionalHeaders.remove(name);
        return self();
    }

    public B removeAllAdditionalHeaders(Set<String> names) {
        additionalHeaders.removeAll(names);
        return self();
    }

    public B additionalQueryParams(QueryParams additionalQueryParams) {
        this.additionalQueryParams.clear().putAll(additionalQueryParams);
        return self();
    }

    public B additionalQueryParams(Map<String, ? extends Iterable<String>> additionalQueryParams) {
        this.additionalQueryParams.clear().putAll(additionalQueryParams);
        return self();
    }

    public B putAdditionalQueryParam(String key, String value) {
        additionalQueryParams.put(key, value);
        return self();
    }

    public B putAdditionalQueryParams(String key, Iterable<String> values) {
        additionalQueryParams.put(key, values);
        return self();
    }

    public B putAllAdditionalQueryParams(QueryParams additionalQueryParams) {
        this.additionalQueryParams.putAll(additionalQueryParams);
        return self();
    }

    public B putAllAdditionalQueryParams(Map<String, ? extends Iterable<String>> additionalQueryParams) {
        this.additionalQueryParams.putAll(additionalQueryParams);
        return self();
    }

    public B replaceAdditionalQueryParams(String key, String value) {
        additionalQueryParams.replace(key, value);
        return self();
    }

    public B replaceAdditionalQueryParams(String key, Iterable<String> values) {
        additionalQueryParams.replace(key, values);
        return self();
    }

    public B replaceAllAdditionalQueryParams(QueryParams additionalQueryParams) {
        this.additionalQueryParams.replaceAll(additionalQueryParams);
        return self();
    }

    public B replaceAllAdditionalQueryParams(Map<String, ? extends Iterable<String>> additionalQueryParams) {
        this.additionalQueryParams.replaceAll(additionalQueryParams);
        return self();
    }

    public B removeAdditionalQueryParams(String key) {
        additionalQueryParams.remove(key);
        return self();
    }

    public B removeAllAdditionalQueryParams(Set<String> keys) {
        additionalQueryParams.removeAll(keys);
        return self();
    }
}
