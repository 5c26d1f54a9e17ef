package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.Optional;

/** A tool the model may call. */
public final class ChatCompletionTool extends JsonUnion {
    private ChatCompletionTool(JsonValue json) {
        super(json);
    }

    public static ChatCompletionTool ofFunction(ChatCompletionFunctionTool function) {
        return new ChatCompletionTool(JsonValue.from(function));
    }

    public boolean isFunction() {
        return holdsObjectWith("type", "function");
    }

    public ChatCompletionFunctionTool asFunction() {
        return convert(ChatCompletionFunctionTool.class, "function");
    }

    public Optional<ChatCompletionFunctionTool> function() {
        return isFunction() ? Optional.of(asFunction()) : Optional.empty();
    }

    public <T> T accept(Visitor<T> visitor) {
        if (isFunction()) return visitor.visitFunction(asFunction());
        return visitor.unknown(json());
    }

    /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
    public ChatCompletionTool validate() {
        accept(new Visitor<Void>() {
            @Override
            public Void visitFunction(ChatCompletionFunctionTool function) {
                Validation.validate(function);
                return null;
            }
        });
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public interface Visitor<T> {
        T visitFunction(ChatCompletionFunctionTool function);

        /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
        default T unknown(JsonValue json) {
            throw new OpenAIInvalidDataException("Unknown ChatCompletionTool: " + json);
        }
    }
}
