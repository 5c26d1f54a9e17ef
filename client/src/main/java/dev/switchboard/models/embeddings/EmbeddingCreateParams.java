package dev.switchboard.models.embeddings;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.JsonParams;
import dev.switchboard.core.internal.ParamsBuilder;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An embeddings request: one text, several texts, or token ids. */
public final class EmbeddingCreateParams extends JsonParams {
    private static final List<String> FIELDS = List.of("input", "model", "dimensions", "encoding_format", "user");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private EmbeddingCreateParams(Struct struct) {
        this(struct, Headers.builder().build(), QueryParams.builder().build());
    }

    private EmbeddingCreateParams(Struct struct, Headers additionalHeaders, QueryParams additionalQueryParams) {
        super(struct, KNOWN, additionalHeaders, additionalQueryParams);
    }

    /**
     * A builder whose {@code encoding_format} is base64, as the official SDK sends it (a quarter of the
     * bytes of JSON floats); the vectors read as floats all the same. Set {@link EncodingFormat#FLOAT}
     * for a server that rejects base64, or {@code removeAdditionalBodyProperty("encoding_format")} to
     * send none.
     */
    public static Builder builder() {
        return new Builder(Struct.builder().put("encoding_format", EncodingFormat.BASE64));
    }

    public Input input() {
        return struct().model("input", Input.class);
    }

    public EmbeddingModel model() {
        return struct().model("model", EmbeddingModel.class);
    }

    public Optional<Long> dimensions() {
        return struct().optionalInteger("dimensions");
    }

    public Optional<EncodingFormat> encodingFormat() {
        return struct().optionalModel("encoding_format", EncodingFormat.class);
    }

    public Optional<String> user() {
        return struct().optionalString("user");
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public EmbeddingCreateParams validate() {
        Validation.validate(input());
        Validation.validate(model());
        dimensions();
        encodingFormat().ifPresent(Validation::validate);
        user();
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

        public Builder input(Input input) {
            fields.put("input", input);
            return this;
        }

        public Builder model(EmbeddingModel model) {
            fields.put("model", model);
            return this;
        }

        public Builder dimensions(long dimensions) {
            fields.put("dimensions", dimensions);
            return this;
        }

        public Builder dimensions(Long dimensions) {
            fields.put("dimensions", dimensions);
            return this;
        }

        public Builder dimensions(Optional<Long> dimensions) {
            return dimensions(dimensions.orElse(null));
        }

        public Builder encodingFormat(EncodingFormat encodingFormat) {
            fields.put("encoding_format", encodingFormat);
            return this;
        }

        public Builder user(String user) {
            fields.put("user", user);
            return this;
        }

        public Builder input(String string) {
            return input(Input.ofString(string));
        }

        public Builder inputOfArrayOfStrings(List<String> arrayOfStrings) {
            return input(Input.ofArrayOfStrings(arrayOfStrings));
        }

        public Builder inputOfArrayOfTokens(List<Long> arrayOfTokens) {
            return input(Input.ofArrayOfTokens(arrayOfTokens));
        }

        public Builder inputOfArrayOfTokenArrays(List<? extends List<Long>> arrayOfTokenArrays) {
            return input(Input.ofArrayOfTokenArrays(List.copyOf(arrayOfTokenArrays)));
        }

        public Builder model(String model) {
            return model(EmbeddingModel.of(model));
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public EmbeddingCreateParams build() {
            return new EmbeddingCreateParams(fields.build(FIELDS, "input", "model"), additionalHeaders.build(), additionalQueryParams.build());
        }
    }

    /** What to embed: a string, strings, token ids, or arrays of token ids. */
    public static final class Input extends JsonUnion {
        private Input(JsonValue json) {
            super(json);
        }

        public static Input ofString(String string) {
            return new Input(JsonValue.from(string));
        }

        public static Input ofArrayOfStrings(List<String> arrayOfStrings) {
            return new Input(JsonValue.from(arrayOfStrings));
        }

        public static Input ofArrayOfTokens(List<Long> arrayOfTokens) {
            return new Input(JsonValue.from(arrayOfTokens));
        }

        public static Input ofArrayOfTokenArrays(List<List<Long>> arrayOfTokenArrays) {
            return new Input(JsonValue.from(arrayOfTokenArrays));
        }

        public boolean isString() {
            return holdsString();
        }

        public boolean isArrayOfStrings() {
            return holdsStrings();
        }

        public boolean isArrayOfTokens() {
            return holdsNumbers();
        }

        public boolean isArrayOfTokenArrays() {
            return holdsArrays();
        }

        public String asString() {
            return jsonString("string");
        }

        public List<String> asArrayOfStrings() {
            return convertList(String.class, "arrayOfStrings");
        }

        public List<Long> asArrayOfTokens() {
            return convertList(Long.class, "arrayOfTokens");
        }

        public List<List<Long>> asArrayOfTokenArrays() {
            return convertNestedList(Long.class, "arrayOfTokenArrays");
        }

        public Optional<String> string() {
            return isString() ? Optional.of(asString()) : Optional.empty();
        }

        public Optional<List<String>> arrayOfStrings() {
            return isArrayOfStrings() ? Optional.of(asArrayOfStrings()) : Optional.empty();
        }

        public Optional<List<Long>> arrayOfTokens() {
            return isArrayOfTokens() ? Optional.of(asArrayOfTokens()) : Optional.empty();
        }

        public Optional<List<List<Long>>> arrayOfTokenArrays() {
            return isArrayOfTokenArrays() ? Optional.of(asArrayOfTokenArrays()) : Optional.empty();
        }

        public <T> T accept(Visitor<T> visitor) {
            if (isString()) return visitor.visitString(asString());
            if (isArrayOfStrings()) return visitor.visitArrayOfStrings(asArrayOfStrings());
            if (isArrayOfTokens()) return visitor.visitArrayOfTokens(asArrayOfTokens());
            if (isArrayOfTokenArrays()) return visitor.visitArrayOfTokenArrays(asArrayOfTokenArrays());
            return visitor.unknown(json());
        }

        /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
        public Input validate() {
            accept(new Visitor<Void>() {
                @Override
                public Void visitString(String string) {
                    return null;
                }
                @Override
                public Void visitArrayOfStrings(List<String> arrayOfStrings) {
                    return null;
                }
                @Override
                public Void visitArrayOfTokens(List<Long> arrayOfTokens) {
                    return null;
                }
                @Override
                public Void visitArrayOfTokenArrays(List<List<Long>> arrayOfTokenArrays) {
                    return null;
                }
            });
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public interface Visitor<T> {
            T visitString(String string);

            T visitArrayOfStrings(List<String> arrayOfStrings);

            T visitArrayOfTokens(List<Long> arrayOfTokens);

            T visitArrayOfTokenArrays(List<List<Long>> arrayOfTokenArrays);

            /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
            default T unknown(JsonValue json) {
                throw new OpenAIInvalidDataException("Unknown Input: " + json);
            }
        }
    }

    /** How the server sends the vectors; base64 is decoded transparently. */
    public static final class EncodingFormat extends StringEnum {
        public static final EncodingFormat FLOAT = of("float");
        public static final EncodingFormat BASE64 = of("base64");

        private EncodingFormat(JsonValue json) {
            super(json);
        }

        public static EncodingFormat of(String value) {
            return new EncodingFormat(JsonValue.from(value));
        }

        /** The constant, or OpenAIInvalidDataException for a value this version does not know. */
        public Known known() {
            return known(Known.class);
        }

        /** The constant, or {@link Value#_UNKNOWN}. */
        public Value value() {
            return value(Value.class);
        }

        /** Throws OpenAIInvalidDataException when the value is not one this version knows. */
        public EncodingFormat validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            FLOAT,
            BASE64
        }

        public enum Value {
            FLOAT,
            BASE64,
            _UNKNOWN
        }
    }
}
