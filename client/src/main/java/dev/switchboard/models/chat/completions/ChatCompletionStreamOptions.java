package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Options of a streamed answer; include_usage adds a final chunk with the token counts. */
public final class ChatCompletionStreamOptions extends JsonModel {
    private static final List<String> FIELDS = List.of("include_obfuscation", "include_usage");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private ChatCompletionStreamOptions(Struct struct) {
        super(struct);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public Optional<Boolean> includeObfuscation() {
        return struct().optionalBool("include_obfuscation");
    }

    public Optional<Boolean> includeUsage() {
        return struct().optionalBool("include_usage");
    }

    public Map<String, JsonValue> _additionalProperties() {
        return additionalProperties(KNOWN);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public ChatCompletionStreamOptions validate() {
        includeObfuscation();
        includeUsage();
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

        public Builder includeObfuscation(boolean includeObfuscation) {
            fields.put("include_obfuscation", includeObfuscation);
            return this;
        }

        public Builder includeObfuscation(Boolean includeObfuscation) {
            fields.put("include_obfuscation", includeObfuscation);
            return this;
        }

        public Builder includeObfuscation(Optional<Boolean> includeObfuscation) {
            return includeObfuscation(includeObfuscation.orElse(null));
        }

        public Builder includeUsage(boolean includeUsage) {
            fields.put("include_usage", includeUsage);
            return this;
        }

        public Builder includeUsage(Boolean includeUsage) {
            fields.put("include_usage", includeUsage);
            return this;
        }

        public Builder includeUsage(Optional<Boolean> includeUsage) {
            return includeUsage(includeUsage.orElse(null));
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public ChatCompletionStreamOptions build() {
            return new ChatCompletionStreamOptions(fields.build(FIELDS));
        }
    }
}
