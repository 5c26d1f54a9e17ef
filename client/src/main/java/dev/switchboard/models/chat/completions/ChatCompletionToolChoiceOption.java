package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.Optional;

/** Whether and which tool the model must call: none, auto, required, or a named function. */
public final class ChatCompletionToolChoiceOption extends JsonUnion {
    private ChatCompletionToolChoiceOption(JsonValue json) {
        super(json);
    }

    public static ChatCompletionToolChoiceOption ofAuto(Auto auto) {
        return new ChatCompletionToolChoiceOption(JsonValue.from(auto));
    }

    public static ChatCompletionToolChoiceOption ofNamedToolChoice(ChatCompletionNamedToolChoice namedToolChoice) {
        return new ChatCompletionToolChoiceOption(JsonValue.from(namedToolChoice));
    }

    public boolean isAuto() {
        return holdsString();
    }

    public boolean isNamedToolChoice() {
        return holdsObjectWith("type", "function");
    }

    public Auto asAuto() {
        return convert(Auto.class, "auto");
    }

    public ChatCompletionNamedToolChoice asNamedToolChoice() {
        return convert(ChatCompletionNamedToolChoice.class, "namedToolChoice");
    }

    public Optional<Auto> auto() {
        return isAuto() ? Optional.of(asAuto()) : Optional.empty();
    }

    public Optional<ChatCompletionNamedToolChoice> namedToolChoice() {
        return isNamedToolChoice() ? Optional.of(asNamedToolChoice()) : Optional.empty();
    }

    public <T> T accept(Visitor<T> visitor) {
        if (isAuto()) return visitor.visitAuto(asAuto());
        if (isNamedToolChoice()) return visitor.visitNamedToolChoice(asNamedToolChoice());
        return visitor.unknown(json());
    }

    /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
    public ChatCompletionToolChoiceOption validate() {
        accept(new Visitor<Void>() {
            @Override
            public Void visitAuto(Auto auto) {
                Validation.validate(auto);
                return null;
            }
            @Override
            public Void visitNamedToolChoice(ChatCompletionNamedToolChoice namedToolChoice) {
                Validation.validate(namedToolChoice);
                return null;
            }
        });
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public interface Visitor<T> {
        T visitAuto(Auto auto);

        T visitNamedToolChoice(ChatCompletionNamedToolChoice namedToolChoice);

        /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
        default T unknown(JsonValue json) {
            throw new OpenAIInvalidDataException("Unknown ChatCompletionToolChoiceOption: " + json);
        }
    }

    public static final class Auto extends StringEnum {
        public static final Auto NONE = of("none");
        public static final Auto AUTO = of("auto");
        public static final Auto REQUIRED = of("required");

        private Auto(JsonValue json) {
            super(json);
        }

        public static Auto of(String value) {
            return new Auto(JsonValue.from(value));
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
        public Auto validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            NONE,
            AUTO,
            REQUIRED
        }

        public enum Value {
            NONE,
            AUTO,
            REQUIRED,
            _UNKNOWN
        }
    }
}
