package dev.switchboard.models.models;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.JsonParams;
import dev.switchboard.core.internal.ParamsBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A request for the list of models; it takes no parameters. */
public final class ModelListParams extends JsonParams {
    private static final List<String> FIELDS = List.of();
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ModelListParams(Struct struct) {
        this(struct, Headers.builder().build(), QueryParams.builder().build());
    }

    private ModelListParams(Struct struct, Headers additionalHeaders, QueryParams additionalQueryParams) {
        super(struct, KNOWN, additionalHeaders, additionalQueryParams);
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
        builder.putAllAdditionalHeaders(_additionalHeaders());
        builder.putAllAdditionalQueryParams(_additionalQueryParams());
        return builder;
    }

    public static final class Builder extends ParamsBuilder<Builder> {

        private Builder(Struct.Builder fields) {
            super(fields, KNOWN);
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ModelListParams build() {
            return new ModelListParams(fields.build(FIELDS), additionalHeaders.build(), additionalQueryParams.build());
        }
    }
}
