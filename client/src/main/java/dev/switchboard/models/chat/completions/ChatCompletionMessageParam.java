package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.Optional;

/** One message of a conversation, told apart by its role. */
public final class ChatCompletionMessageParam extends JsonUnion {
    private ChatCompletionMessageParam(JsonValue json) {
        super(json);
    }

    public static ChatCompletionMessageParam ofDeveloper(ChatCompletionDeveloperMessageParam developer) {
        return new ChatCompletionMessageParam(JsonValue.from(developer));
    }

    public static ChatCompletionMessageParam ofSystem(ChatCompletionSystemMessageParam system) {
        return new ChatCompletionMessageParam(JsonValue.from(system));
    }

    public static ChatCompletionMessageParam ofUser(ChatCompletionUserMessageParam user) {
        return new ChatCompletionMessageParam(JsonValue.from(user));
    }

    public static ChatCompletionMessageParam ofAssistant(ChatCompletionAssistantMessageParam assistant) {
        return new ChatCompletionMessageParam(JsonValue.from(assistant));
    }

    public static ChatCompletionMessageParam ofTool(ChatCompletionToolMessageParam tool) {
        return new ChatCompletionMessageParam(JsonValue.from(tool));
    }

    public boolean isDeveloper() {
        return holdsObjectWith("role", "developer");
    }

    public boolean isSystem() {
        return holdsObjectWith("role", "system");
    }

    public boolean isUser() {
        return holdsObjectWith("role", "user");
    }

    public boolean isAssistant() {
        return holdsObjectWith("role", "assistant");
    }

    public boolean isTool() {
        return holdsObjectWith("role", "tool");
    }

    public ChatCompletionDeveloperMessageParam asDeveloper() {
        return convert(ChatCompletionDeveloperMessageParam.class, "developer");
    }

    public ChatCompletionSystemMessageParam asSystem() {
        return convert(ChatCompletionSystemMessageParam.class, "system");
    }

    public ChatCompletionUserMessageParam asUser() {
        return convert(ChatCompletionUserMessageParam.class, "user");
    }

    public ChatCompletionAssistantMessageParam asAssistant() {
        return convert(ChatCompletionAssistantMessageParam.class, "assistant");
    }

    public ChatCompletionToolMessageParam asTool() {
        return convert(ChatCompletionToolMessageParam.class, "tool");
    }

    public Optional<ChatCompletionDeveloperMessageParam> developer() {
        return isDeveloper() ? Optional.of(asDeveloper()) : Optional.empty();
    }

    public Optional<ChatCompletionSystemMessageParam> system() {
        return isSystem() ? Optional.of(asSystem()) : Optional.empty();
    }

    public Optional<ChatCompletionUserMessageParam> user() {
        return isUser() ? Optional.of(asUser()) : Optional.empty();
    }

    public Optional<ChatCompletionAssistantMessageParam> assistant() {
        return isAssistant() ? Optional.of(asAssistant()) : Optional.empty();
    }

    public Optional<ChatCompletionToolMessageParam> tool() {
        return isTool() ? Optional.of(asTool()) : Optional.empty();
    }

    public <T> T accept(Visitor<T> visitor) {
        if (isDeveloper()) return visitor.visitDeveloper(asDeveloper());
        if (isSystem()) return visitor.visitSystem(asSystem());
        if (isUser()) return visitor.visitUser(asUser());
        if (isAssistant()) return visitor.visitAssistant(asAssistant());
        if (isTool()) return visitor.visitTool(asTool());
        return visitor.unknown(json());
    }

    /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
    public ChatCompletionMessageParam validate() {
        accept(new Visitor<Void>() {
            @Override
            public Void visitDeveloper(ChatCompletionDeveloperMessageParam developer) {
                Validation.validate(developer);
                return null;
            }
            @Override
            public Void visitSystem(ChatCompletionSystemMessageParam system) {
                Validation.validate(system);
                return null;
            }
            @Override
            public Void visitUser(ChatCompletionUserMessageParam user) {
                Validation.validate(user);
                return null;
            }
            @Override
            public Void visitAssistant(ChatCompletionAssistantMessageParam assistant) {
                Validation.validate(assistant);
                return null;
            }
            @Override
            public Void visitTool(ChatCompletionToolMessageParam tool) {
                Validation.validate(tool);
                return null;
            }
        });
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public interface Visitor<T> {
        T visitDeveloper(ChatCompletionDeveloperMessageParam developer);

        T visitSystem(ChatCompletionSystemMessageParam system);

        T visitUser(ChatCompletionUserMessageParam user);

        T visitAssistant(ChatCompletionAssistantMessageParam assistant);

        T visitTool(ChatCompletionToolMessageParam tool);

        /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
        default T unknown(JsonValue json) {
            throw new OpenAIInvalidDataException("Unknown ChatCompletionMessageParam: " + json);
        }
    }
}
