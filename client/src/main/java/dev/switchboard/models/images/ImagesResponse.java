package dev.switchboard.models.images;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The images of a request. */
public final class ImagesResponse extends JsonModel {
    private static final List<String> FIELDS = List.of("created", "background", "data", "output_format", "quality", "size", "usage");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ImagesResponse(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public long created() {
        return struct().integer("created");
    }

    public Optional<Background> background() {
        return struct().optionalModel("background", Background.class);
    }

    public Optional<List<Image>> data() {
        return struct().optionalModels("data", Image.class);
    }

    public Optional<OutputFormat> outputFormat() {
        return struct().optionalModel("output_format", OutputFormat.class);
    }

    public Optional<Quality> quality() {
        return struct().optionalModel("quality", Quality.class);
    }

    public Optional<Size> size() {
        return struct().optionalModel("size", Size.class);
    }

    public Optional<Usage> usage() {
        return struct().optionalModel("usage", Usage.class);
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ImagesResponse validate() {
        created();
        background().ifPresent(Validation::validate);
        data().ifPresent(list -> list.forEach(Validation::validate));
        outputFormat().ifPresent(Validation::validate);
        quality().ifPresent(Validation::validate);
        size().ifPresent(Validation::validate);
        usage().ifPresent(Validation::validate);
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public Builder toBuilder() {
        return new Builder(struct().toBuilder());
    }

    public static final class Builder extends ModelBuilder<Builder> {
        private Builder(Struct.Builder fields) {
            super(fields, KNOWN);
        }

        public Builder created(long created) {
            fields.put("created", created);
            return this;
        }

        public Builder background(Background background) {
            fields.put("background", background);
            return this;
        }

        public Builder data(List<Image> data) {
            fields.put("data", data);
            return this;
        }

        public Builder addData(Image element) {
            fields.add("data", element);
            return this;
        }

        public Builder outputFormat(OutputFormat outputFormat) {
            fields.put("output_format", outputFormat);
            return this;
        }

        public Builder quality(Quality quality) {
            fields.put("quality", quality);
            return this;
        }

        public Builder size(Size size) {
            fields.put("size", size);
            return this;
        }

        public Builder usage(Usage usage) {
            fields.put("usage", usage);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ImagesResponse build() {
            return new ImagesResponse(fields.build(FIELDS, "created"));
        }
    }

    public static final class Background extends StringEnum {
        public static final Background TRANSPARENT = of("transparent");
        public static final Background OPAQUE = of("opaque");

        private Background(JsonValue json) {
            super(json);
        }

        public static Background of(String value) {
            return new Background(JsonValue.from(value));
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
        public Background validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            TRANSPARENT,
            OPAQUE
        }

        public enum Value {
            TRANSPARENT,
            OPAQUE,
            _UNKNOWN
        }
    }

    public static final class OutputFormat extends StringEnum {
        public static final OutputFormat PNG = of("png");
        public static final OutputFormat WEBP = of("webp");
        public static final OutputFormat JPEG = of("jpeg");

        private OutputFormat(JsonValue json) {
            super(json);
        }

        public static OutputFormat of(String value) {
            return new OutputFormat(JsonValue.from(value));
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
        public OutputFormat validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            PNG,
            WEBP,
            JPEG
        }

        public enum Value {
            PNG,
            WEBP,
            JPEG,
            _UNKNOWN
        }
    }

    public static final class Quality extends StringEnum {
        public static final Quality LOW = of("low");
        public static final Quality MEDIUM = of("medium");
        public static final Quality HIGH = of("high");

        private Quality(JsonValue json) {
            super(json);
        }

        public static Quality of(String value) {
            return new Quality(JsonValue.from(value));
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
        public Quality validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            LOW,
            MEDIUM,
            HIGH
        }

        public enum Value {
            LOW,
            MEDIUM,
            HIGH,
            _UNKNOWN
        }
    }

    public static final class Size extends StringEnum {
        public static final Size _1024X1024 = of("1024x1024");
        public static final Size _1024X1536 = of("1024x1536");
        public static final Size _1536X1024 = of("1536x1024");

        private Size(JsonValue json) {
            super(json);
        }

        public static Size of(String value) {
            return new Size(JsonValue.from(value));
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
        public Size validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            _1024X1024,
            _1024X1536,
            _1536X1024
        }

        public enum Value {
            _1024X1024,
            _1024X1536,
            _1536X1024,
            _UNKNOWN
        }
    }

    public static final class Usage extends JsonModel {
        private static final List<String> FIELDS = List.of("input_tokens", "output_tokens", "total_tokens");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private Usage(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public long inputTokens() {
            return struct().integer("input_tokens");
        }

        public long outputTokens() {
            return struct().integer("output_tokens");
        }

        public long totalTokens() {
            return struct().integer("total_tokens");
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public Usage validate() {
            inputTokens();
            outputTokens();
            totalTokens();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public Builder toBuilder() {
            return new Builder(struct().toBuilder());
        }

        public static final class Builder extends ModelBuilder<Builder> {
            private Builder(Struct.Builder fields) {
                super(fields, KNOWN);
            }

            public Builder inputTokens(long inputTokens) {
                fields.put("input_tokens", inputTokens);
                return this;
            }

            public Builder outputTokens(long outputTokens) {
                fields.put("output_tokens", outputTokens);
                return this;
            }

            public Builder totalTokens(long totalTokens) {
                fields.put("total_tokens", totalTokens);
                return this;
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public Usage build() {
                return new Usage(fields.build(FIELDS, "input_tokens", "output_tokens", "total_tokens"));
            }
        }
    }
}
