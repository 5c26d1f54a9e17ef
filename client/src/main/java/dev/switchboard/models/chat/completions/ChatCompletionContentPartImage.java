package dev.switchboard.models.chat.completions;

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

/** An image part of a message, by URL or data: URL. */
public final class ChatCompletionContentPartImage extends JsonModel {
    private static final List<String> FIELDS = List.of("image_url", "type");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionContentPartImage(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public ImageUrl imageUrl() {
        return struct().model("image_url", ImageUrl.class);
    }

    public JsonValue _type() {
        return struct().get("type");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ChatCompletionContentPartImage validate() {
        Validation.validate(imageUrl());
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
            if (!fields.has("type")) fields.put("type", JsonValue.from("image_url"));
        }

        public Builder imageUrl(ImageUrl imageUrl) {
            fields.put("image_url", imageUrl);
            return this;
        }

        public Builder type(JsonValue value) {
            fields.put("type", value);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionContentPartImage build() {
            return new ChatCompletionContentPartImage(fields.build(FIELDS, "image_url"));
        }
    }

    public static final class ImageUrl extends JsonModel {
        private static final List<String> FIELDS = List.of("url", "detail");
        private static final Set<String> KNOWN = Set.copyOf(FIELDS);

        private ImageUrl(Struct struct) {
            super(struct);
        }

        public static Builder builder() {
            return new Builder(Struct.builder());
        }

        public String url() {
            return struct().string("url");
        }

        public Optional<Detail> detail() {
            return struct().optionalModel("detail", Detail.class);
        }

        public Map<String, JsonValue> _additionalProperties() {
            return additionalProperties(KNOWN);
        }

        /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
        public ImageUrl validate() {
            url();
            detail().ifPresent(Validation::validate);
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

            public Builder url(String url) {
                fields.put("url", url);
                return this;
            }

            public Builder detail(Detail detail) {
                fields.put("detail", detail);
                return this;
            }

            /** Throws IllegalStateException naming the first required field not set. */
            public ImageUrl build() {
                return new ImageUrl(fields.build(FIELDS, "url"));
            }
        }

        public static final class Detail extends StringEnum {
            public static final Detail AUTO = of("auto");
            public static final Detail LOW = of("low");
            public static final Detail HIGH = of("high");

            private Detail(JsonValue json) {
                super(json);
            }

            public static Detail of(String value) {
                return new Detail(JsonValue.from(value));
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
            public Detail validate() {
                known();
                return this;
            }

            public boolean isValid() {
                return Validation.isValid(this::validate);
            }

            public enum Known {
                AUTO,
                LOW,
                HIGH
            }

            public enum Value {
                AUTO,
                LOW,
                HIGH,
                _UNKNOWN
            }
        }
    }
}
