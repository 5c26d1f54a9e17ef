package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonBinding;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ChatCompletionMessage} whose content is read as a {@code T}: the JSON a structured-output
 * request asked for. Everything else is the raw message's.
 *
 * @param <T> the class the content is read into
 */
public final class StructuredChatCompletionMessage<T> {
    private final Class<T> responseType;
    private final ChatCompletionMessage rawMessage;
    private volatile T content;

    StructuredChatCompletionMessage(Class<T> responseType, ChatCompletionMessage rawMessage) {
        this.responseType = Objects.requireNonNull(responseType, "responseType");
        this.rawMessage = Objects.requireNonNull(rawMessage, "rawMessage");
    }

    public Class<T> responseType() {
        return responseType;
    }

    public ChatCompletionMessage rawMessage() {
        return rawMessage;
    }

    /**
     * The content read as a {@code T}, read once and kept; empty when the message has no content (a
     * refusal, or tool calls with blank content).
     *
     * @throws OpenAIInvalidDataException when the content is not JSON, or does not fit {@code T};
     *     the message gives the JSON path
     */
    public Optional<T> content() {
        T known = content;
        if (known != null) return Optional.of(known);
        Optional<String> text = rawMessage.content();
        if (text.isEmpty() || text.get().isBlank()) return Optional.empty();
        T read = read(text.get());
        content = read;
        return Optional.ofNullable(read);
    }

    private T read(String text) {
        try {
            return JsonBinding.fromJson(JsonValueAdapter.parse(text), responseType);
        } catch (OpenAIInvalidDataException e) {
            throw new OpenAIInvalidDataException("The message content is not a valid "
                    + responseType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> refusal() {
        return rawMessage.refusal();
    }

    public JsonValue _role() {
        return rawMessage._role();
    }

    public Optional<List<ChatCompletionMessageToolCall>> toolCalls() {
        return rawMessage.toolCalls();
    }

    /** See {@link ChatCompletionMessage#reasoningContent()}; a Switchboard addition. */
    public Optional<String> reasoningContent() {
        return rawMessage.reasoningContent();
    }

    public Map<String, JsonValue> _additionalProperties() {
        return rawMessage._additionalProperties();
    }

    /** Validates the raw message; the content is checked when {@link #content()} reads it. */
    public ChatCompletionMessage validate() {
        return rawMessage.validate();
    }

    public boolean isValid() {
        return rawMessage.isValid();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructuredChatCompletionMessage
                && ((StructuredChatCompletionMessage<?>) o).responseType.equals(responseType)
                && ((StructuredChatCompletionMessage<?>) o).rawMessage.equals(rawMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(responseType, rawMessage);
    }

    @Override
    public String toString() {
        return "StructuredChatCompletionMessage{responseType=" + responseType + ", rawMessage=" + rawMessage + "}";
    }
}
