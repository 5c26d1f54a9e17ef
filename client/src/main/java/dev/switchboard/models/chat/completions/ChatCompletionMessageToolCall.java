package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.Optional;

/** A tool call of an answer. */
public final class ChatCompletionMessageToolCall extends JsonUnion {
    private ChatCompletionMessageToolCall(JsonValue json) {
        super(json);
    }

    public static ChatCompletionMessageToolCall ofFunction(ChatCompletionMessageFunctionToolCall function) {
        return new ChatCompletionMessageToolCall(JsonValue.from(function));
    }

    public boolean isFunction() {
        return holdsObjectWith("type", "function");
    }

    public ChatCompletionMessageFunctionToolCall asFunction() {
        return convert(ChatCompletionMessageFunctionToolCall.class, "function");
    }

    public Optional<ChatCompletionMessageFunctionToolCall> function() {
        return isFunction() ? Optional.of(asFunction()) : Optional.empty();
    }

    public <T> T accept(Visitor<T> visitor) {
        if (isFunction()) return visitor.visitFunction(asFunction());
        return visitor.unknown(json());
    }

    /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
    public ChatCompletionMessageToolCall validate() {
        accept(new Visitor<Void>() {
            @Override
            public Void visitFunction(ChatCompletionMessageFunctionToolCall function) {
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
        T visitFunction(ChatCompletionMessageFunctionToolCall function);

        /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
        default T unknown(JsonValue json) {
            throw new OpenAIInvalidDataException("Unknown ChatCompletionMessageToolCall: " + json);
        }
    }
}
