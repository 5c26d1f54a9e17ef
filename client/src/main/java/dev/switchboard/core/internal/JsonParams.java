package dev.switchboard.core.internal;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import java.util.Map;
import java.util.Set;

/**
 * The base of every request's params: the body as a model, plus the headers and query parameters
 * the request adds to its deployment's.
 */
public abstract class JsonParams extends JsonModel {
    private final Set<String> known;
    private final Headers additionalHeaders;
    private final QueryParams additionalQueryParams;

    protected JsonParams(Struct struct, Set<String> known, Headers additionalHeaders, QueryParams additionalQueryParams) {
        super(struct);
        this.known = known;
        this.additionalHeaders = additionalHeaders;
        this.additionalQueryParams = additionalQueryParams;
    }

    /** Body properties beyond the official schema, sent as they are (top_k, min_p, …). */
    public Map<String, JsonValue> _additionalBodyProperties() {
        return additionalProperties(known);
    }

    public Headers _additionalHeaders() {
        return additionalHeaders;
    }

    public QueryParams _additionalQueryParams() {
        return additionalQueryParams;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((JsonParams) o).additionalHeaders.equals(additionalHeaders)
                && ((JsonParams) o).additionalQueryParams.equals(additionalQueryParams);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + additionalHeaders.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{body=" + struct() + ", additionalHeaders=" + additionalHeaders
                + ", additionalQueryParams=" + additionalQueryParams + "}";
    }
}
