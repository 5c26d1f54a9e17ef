package dev.switchboard.models.images;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A generated image: base64 data or a URL, and the prompt as the model revised it. */
public final class Image extends JsonModel {
    private static final List<String> FIELDS = List.of("b64_json", "revised_prompt", "url");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private Image(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public Optional<String> b64Json() {
        return struct().optionalString("b64_json");
    }

    public Optional<String> revisedPrompt() {
        return struct().optionalString("revised_prompt");
    }

    public Optional<String> url() {
        return struct().optionalString("url");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public Image validate() {
        b64Json();
        revisedPrompt();
        url();
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

        public Builder b64Json(String b64Json) {
            fields.put("b64_json", b64Json);
            return this;
        }

        public Builder revisedPrompt(String revisedPrompt) {
            fields.put("revised_prompt", revisedPrompt);
            return this;
        }

        public Builder url(String url) {
            fields.put("url", url);
            return this;
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public Image build() {
            return new Image(fields.build(FIELDS));
        }
    }
}
