package dev.switchboard.models.images;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.JsonParams;
import dev.switchboard.core.internal.ParamsBuilder;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An image request: the prompt, how many images, their size and the response format. */
public final class ImageGenerateParams extends JsonParams {
    private static final List<String> FIELDS = List.of("prompt", "background", "model", "moderation", "n", "output_compression", "output_format", "partial_images", "quality", "response_format", "size", "style", "user");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ImageGenerateParams(Struct struct) {
        this(struct, Headers.builder().build(), QueryParams.builder().build());
    }

    private ImageGenerateParams(Struct struct, Headers additionalHeaders, QueryParams additionalQueryParams) {
        super(struct, KNOWN, additionalHeaders, additionalQueryParams);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public String prompt() {
        return struct().string("prompt");
    }

    public Optional<Background> background() {
        return struct().optionalModel("background", Background.class);
    }

    public Optional<ImageModel> model() {
        return struct().optionalModel("model", ImageModel.class);
    }

    public Optional<Moderation> moderation() {
        return struct().optionalModel("moderation", Moderation.class);
    }

    public Optional<Long> n() {
        return struct().optionalInteger("n");
    }

    public Optional<Long> outputCompression() {
        return struct().optionalInteger("output_compression");
    }

    public Optional<OutputFormat> outputFormat() {
        return struct().optionalModel("output_format", OutputFormat.class);
    }

    public Optional<Long> partialImages() {
        return struct().optionalInteger("partial_images");
    }

    public Optional<Quality> quality() {
        return struct().optionalModel("quality", Quality.class);
    }

    public Optional<ResponseFormat> responseFormat() {
        return struct().optionalModel("response_format", ResponseFormat.class);
    }

    public Optional<Size> size() {
        return struct().optionalModel("size", Size.class);
    }

    public Optional<Style> style() {
        return struct().optionalModel("style", Style.class);
    }

    public Optional<String> user() {
        return struct().optionalString("user");
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ImageGenerateParams validate() {
        prompt();
        background().ifPresent(Validation::validate);
        model().ifPresent(Validation::validate);
        moderation().ifPresent(Validation::validate);
        n();
        outputCompression();
        outputFormat().ifPresent(Validation::validate);
        partialImages();
        quality().ifPresent(Validation::validate);
        responseFormat().ifPresent(Validation::validate);
        size().ifPresent(Validation::validate);
        style().ifPresent(Validation::validate);
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

        public Builder prompt(String prompt) {
            fields.put("prompt", prompt);
            return this;
        }

        public Builder background(Background background) {
            fields.put("background", background);
            return this;
        }

        public Builder background(Optional<Background> background) {
            return background(background.orElse(null));
        }

        public Builder model(ImageModel model) {
            fields.put("model", model);
            return this;
        }

        public Builder model(Optional<ImageModel> model) {
            return model(model.orElse(null));
        }

        public Builder moderation(Moderation moderation) {
            fields.put("moderation", moderation);
            return this;
        }

        public Builder moderation(Optional<Moderation> moderation) {
            return moderation(moderation.orElse(null));
        }

        public Builder n(long n) {
            fields.put("n", n);
            return this;
        }

        public Builder n(Long n) {
            fields.put("n", n);
            return this;
        }

        public Builder n(Optional<Long> n) {
            return n(n.orElse(null));
        }

        public Builder outputCompression(long outputCompression) {
            fields.put("output_compression", outputCompression);
            return this;
        }

        public Builder outputCompression(Long outputCompression) {
            fields.put("output_compression", outputCompression);
            return this;
        }

        public Builder outputCompression(Optional<Long> outputCompression) {
            return outputCompression(outputCompression.orElse(null));
        }

        public Builder outputFormat(OutputFormat outputFormat) {
            fields.put("output_format", outputFormat);
            return this;
        }

        public Builder outputFormat(Optional<OutputFormat> outputFormat) {
            return outputFormat(outputFormat.orElse(null));
        }

        public Builder partialImages(long partialImages) {
            fields.put("partial_images", partialImages);
            return this;
        }

        public Builder partialImages(Long partialImages) {
            fields.put("partial_images", partialImages);
            return this;
        }

        public Builder partialImages(Optional<Long> partialImages) {
            return partialImages(partialImages.orElse(null));
        }

        public Builder quality(Quality quality) {
            fields.put("quality", quality);
            return this;
        }

        public Builder quality(Optional<Quality> quality) {
            return quality(quality.orElse(null));
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            fields.put("response_format", responseFormat);
            return this;
        }

        public Builder responseFormat(Optional<ResponseFormat> responseFormat) {
            return responseFormat(responseFormat.orElse(null));
        }

        public Builder size(Size size) {
            fields.put("size", size);
            return this;
        }

        public Builder size(Optional<Size> size) {
            return size(size.orElse(null));
        }

        public Builder style(Style style) {
            fields.put("style", style);
            return this;
        }

        public Builder style(Optional<Style> style) {
            return style(style.orElse(null));
        }

        public Builder user(String user) {
            fields.put("user", user);
            return this;
        }

        public Builder model(String model) {
            return model(ImageModel.of(model));
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ImageGenerateParams build() {
            return new ImageGenerateParams(fields.build(FIELDS, "prompt"), additionalHeaders.build(), additionalQueryParams.build());
        }
    }

    public static final class Background extends StringEnum {
        public static final Background TRANSPARENT = of("transparent");
        public static final Background OPAQUE = of("opaque");
        public static final Background AUTO = of("auto");

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
            OPAQUE,
            AUTO
        }

        public enum Value {
            TRANSPARENT,
            OPAQUE,
            AUTO,
            _UNKNOWN
        }
    }

    public static final class Moderation extends StringEnum {
        public static final Moderation LOW = of("low");
        public static final Moderation AUTO = of("auto");

        private Moderation(JsonValue json) {
            super(json);
        }

        public static Moderation of(String value) {
            return new Moderation(JsonValue.from(value));
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
        public Moderation validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            LOW,
            AUTO
        }

        public enum Value {
            LOW,
            AUTO,
            _UNKNOWN
        }
    }

    public static final class OutputFormat extends StringEnum {
        public static final OutputFormat PNG = of("png");
        public static final OutputFormat JPEG = of("jpeg");
        public static final OutputFormat WEBP = of("webp");

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
            JPEG,
            WEBP
        }

        public enum Value {
            PNG,
            JPEG,
            WEBP,
            _UNKNOWN
        }
    }

    public static final class Quality extends StringEnum {
        public static final Quality STANDARD = of("standard");
        public static final Quality HD = of("hd");
        public static final Quality LOW = of("low");
        public static final Quality MEDIUM = of("medium");
        public static final Quality HIGH = of("high");
        public static final Quality AUTO = of("auto");

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
            STANDARD,
            HD,
            LOW,
            MEDIUM,
            HIGH,
            AUTO
        }

        public enum Value {
            STANDARD,
            HD,
            LOW,
            MEDIUM,
            HIGH,
            AUTO,
            _UNKNOWN
        }
    }

    /** Whether images come as URLs or as base64 PNG data. */
    public static final class ResponseFormat extends StringEnum {
        public static final ResponseFormat URL = of("url");
        public static final ResponseFormat B64_JSON = of("b64_json");

        private ResponseFormat(JsonValue json) {
            super(json);
        }

        public static ResponseFormat of(String value) {
            return new ResponseFormat(JsonValue.from(value));
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
        public ResponseFormat validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            URL,
            B64_JSON
        }

        public enum Value {
            URL,
            B64_JSON,
            _UNKNOWN
        }
    }

    /** The size of the images, width x height. */
    public static final class Size extends StringEnum {
        public static final Size AUTO = of("auto");
        public static final Size _1024X1024 = of("1024x1024");
        public static final Size _1536X1024 = of("1536x1024");
        public static final Size _1024X1536 = of("1024x1536");
        public static final Size _256X256 = of("256x256");
        public static final Size _512X512 = of("512x512");
        public static final Size _1792X1024 = of("1792x1024");
        public static final Size _1024X1792 = of("1024x1792");

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
            AUTO,
            _1024X1024,
            _1536X1024,
            _1024X1536,
            _256X256,
            _512X512,
            _1792X1024,
            _1024X1792
        }

        public enum Value {
            AUTO,
            _1024X1024,
            _1536X1024,
            _1024X1536,
            _256X256,
            _512X512,
            _1792X1024,
            _1024X1792,
            _UNKNOWN
        }
    }

    public static final class Style extends StringEnum {
        public static final Style VIVID = of("vivid");
        public static final Style NATURAL = of("natural");

        private Style(JsonValue json) {
            super(json);
        }

        public static Style of(String value) {
            return new Style(JsonValue.from(value));
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
        public Style validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            VIVID,
            NATURAL
        }

        public enum Value {
            VIVID,
            NATURAL,
            _UNKNOWN
        }
    }
}
