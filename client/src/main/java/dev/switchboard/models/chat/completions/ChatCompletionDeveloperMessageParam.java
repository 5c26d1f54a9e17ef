package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Instructions from the developer, which newer models follow over the user's. */
public final class ChatCompletionDeveloperMessageParam extends JsonModel {
    private static final List<String> FIELDS = List.of("content", "role", "name");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionDeveloperMessageParam(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public Content content() {
        return struct().model("content", Content.class);
    }

    public JsonValue _role() {
        return struct().get("role");
    }

    public Optional<String> name() {
        return struct().optionalString("name");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ChatCompletionDeveloperMessageParam validate() {
        Validation.validate(content());
        name();
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
            if (!fields.has("role")) fields.put("role", JsonValue.from("developer"));
        }

        public Builder content(Content content) {
            fields.put("content", content);
            return this;
        }

        public Builder role(JsonValue value) {
            fields.put("role", value);
            return this;
        }

        public Builder name(String name) {
            fields.put("name", name);
            return this;
        }

        public Builder content(String text) {
            return content(Content.ofText(text));
        }

        public Builder contentOfArrayOfContentParts(List<ChatCompletionContentPartText> arrayOfContentParts) {
            return content(Content.ofArrayOfContentParts(arrayOfContentParts));
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionDeveloperMessageParam build() {
            return new ChatCompletionDeveloperMessageParam(fields.build(FIELDS, "content"));
        }
    }

    /** Text, or a list of content parts. */
    public static final class Content extends JsonUnion {
        private Content(JsonValue json) {
            super(json);
        }

        public static Content ofText(String text) {
            return new Content(JsonValue.from(text));
        }

        public static Content ofArrayOfContentParts(List<ChatCompletionContentPartText> arrayOfContentParts) {
            return new Content(JsonValue.from(arrayOfContentParts));
        }

        public boolean isText() {
            return holdsString();
        }

        public boolean isArrayOfContentParts() {
            return holdsArray();
        }

        public String asText() {
            return jsonString("text");
        }

        public List<ChatCompletionContentPartText> asArrayOfContentParts() {
            return convertList(ChatCompletionContentPartText.class, "arrayOfContentParts");
        }

        public Optional<String> text() {
            return isText() ? Optional.of(asText()) : Optional.empty();
        }

        public Optional<List<ChatCompletionContentPartText>> arrayOfContentParts() {
            return isArrayOfContentParts() ? Optional.of(asArrayOfContentParts()) : Optional.empty();
        }

        public <T> T accept(Visitor<T> visitor) {
            if (isText()) return visitor.visitText(asText());
            if (isArrayOfContentParts()) return visitor.visitArrayOfContentParts(asArrayOfContentParts());
            return visitor.unknown(json());
        }

        /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
        public Content validate() {
            accept(new Visitor<Void>() {
                @Override
                public Void visitText(String text) {
                    return null;
                }
                @Override
                public Void visitArrayOfContentParts(List<ChatCompletionContentPartText> arrayOfContentParts) {
                    arrayOfContentParts.forEach(Validation::validate);
                    return null;
                }
            });
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public interface Visitor<T> {
            T visitText(String text);

            T visitArrayOfContentParts(List<ChatCompletionContentPartText> arrayOfContentParts);

            /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
            default T unknown(JsonValue json) {
                throw new OpenAIInvalidDataException("Unknown Content: " + json);
            }
        }
    }
}
