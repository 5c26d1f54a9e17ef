package dev.switchboard.helpers;

import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionMessage;
import dev.switchboard.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionMessageToolCall;
import dev.switchboard.models.chat.completions.ChatCompletionTokenLogprob;
import dev.switchboard.models.chat.completions.StructuredChatCompletion;
import dev.switchboard.models.completions.CompletionUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rebuilds, from the chunks of one streamed chat completion, the {@link ChatCompletion} the request
 * would have answered unstreamed: each choice's content, refusal, role, tool calls (assembled by
 * index from their id, name and argument pieces), finish reason and logprobs; the usage of the final
 * usage chunk; the id, creation time, model, system fingerprint and service tier. The reasoning some
 * servers stream beside the answer ({@code reasoning_content}, {@code reasoning}) is concatenated into
 * the message's additional properties, so {@link ChatCompletionMessage#reasoningContent()} gives all of it.
 *
 * <p>Pass every chunk to {@link #accumulate}, then call {@link #chatCompletion()}. One accumulator
 * serves one stream. Its methods are synchronized, so an async stream's handler may feed it while
 * another thread reads the result once the stream has completed.
 */
public final class ChatCompletionAccumulator {
    /** Extra delta fields that stream text in pieces, to be joined rather than replaced. */
    private static final Set<String> CONCATENATED = Set.of("reasoning_content", "reasoning");

    private String id;
    private long created;
    private String model;
    private String systemFingerprint;
    private ChatCompletion.ServiceTier serviceTier;
    private CompletionUsage usage;
    private final Map<String, JsonValue> additionalProperties = new LinkedHashMap<>();
    private final SortedMap<Long, ChoiceState> choices = new TreeMap<>();
    private ChatCompletion built;

    private ChatCompletionAccumulator() {}

    public static ChatCompletionAccumulator create() {
        return new ChatCompletionAccumulator();
    }

    /**
     * Adds a chunk to the completion.
     *
     * @return the chunk, for chaining (as in {@code stream.map(accumulator::accumulate)})
     * @throws IllegalArgumentException when the chunk belongs to another completion (another id)
     */
    public synchronized ChatCompletionChunk accumulate(ChatCompletionChunk chunk) {
        Objects.requireNonNull(chunk, "chunk");
        String chunkId = chunk.id();
        if (id == null) {
            id = chunkId;
            created = chunk.created();
            model = chunk.model();
        } else if (!id.equals(chunkId)) {
            throw new IllegalArgumentException("Chunk " + chunkId + " belongs to another chat completion than " + id
                    + "; use one ChatCompletionAccumulator per stream");
        }
        chunk.systemFingerprint().ifPresent(fingerprint -> systemFingerprint = fingerprint);
        chunk.serviceTier().ifPresent(tier -> serviceTier = ChatCompletion.ServiceTier.of(tier.asString()));
        // The usage chunk comes last (stream_options.include_usage); some servers repeat it on every chunk.
        chunk.usage().ifPresent(u -> usage = u);
        additionalProperties.putAll(chunk._additionalProperties());
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
            choices.computeIfAbsent(choice.index(), ChoiceState::new).accumulate(choice);
        }
        built = null;
        return chunk;
    }

    /**
     * The completion accumulated so far, once every choice seen has its finish reason.
     *
     * @throws IllegalStateException before that: when no chunk (or no choice) was accumulated yet, or
     *     a choice has no finish reason yet
     * @throws OpenAIInvalidDataException when a streamed tool call never got an id or a name
     */
    public synchronized ChatCompletion chatCompletion() {
        if (built != null) return built;
        if (id == null) {
            throw new IllegalStateException("No chat completion yet: no chunk was accumulated;"
                    + " pass every chunk of the stream to accumulate(…) first");
        }
        if (choices.isEmpty()) {
            throw new IllegalStateException("No chat completion yet: no chunk of " + id + " had a choice;"
                    + " pass every chunk of the stream to accumulate(…) first");
        }
        List<Long> unfinished = new ArrayList<>();
        choices.forEach((index, choice) -> {
            if (choice.finishReason == null) unfinished.add(index);
        });
        if (!unfinished.isEmpty()) {
            throw new IllegalStateException("No chat completion yet: " + (unfinished.size() == 1
                    ? "choice " + unfinished.get(0) + " has" : "choices " + unfinished + " have")
                    + " no finish_reason; accumulate every chunk of the stream before calling chatCompletion()");
        }
        ChatCompletion.Builder completion = ChatCompletion.builder().id(id).created(created).model(model);
        List<ChatCompletion.Choice> out = new ArrayList<>();
        for (ChoiceState choice : choices.values()) out.add(choice.build());
        completion.choices(out);
        if (serviceTier != null) completion.serviceTier(serviceTier);
        if (systemFingerprint != null) completion.systemFingerprint(systemFingerprint);
        if (usage != null) completion.usage(usage);
        completion.putAllAdditionalProperties(additionalProperties);
        built = completion.build();
        return built;
    }

    /**
     * The completion with its messages' content read as a {@code T}: the class a structured request
     * derived its schema from.
     *
     * @throws IllegalStateException as {@link #chatCompletion()} does
     */
    public <T> StructuredChatCompletion<T> chatCompletion(Class<T> responseType) {
        return new StructuredChatCompletion<>(responseType, chatCompletion());
    }

    @Override
    public synchronized String toString() {
        return "ChatCompletionAccumulator{id=" + id + ", choices=" + choices.keySet() + "}";
    }

    /** What the chunks told of one choice so far. */
    private static final class ChoiceState {
        private final long index;
        private StringBuilder content;
        private StringBuilder refusal;
        private JsonValue role;
        private final Map<String, JsonValue> messageProperties = new LinkedHashMap<>();
        private final Map<String, JsonValue> choiceProperties = new LinkedHashMap<>();
        private final SortedMap<Long, ToolCallState> toolCalls = new TreeMap<>();
        private List<ChatCompletionTokenLogprob> contentLogprobs;
        private List<ChatCompletionTokenLogprob> refusalLogprobs;
        private final Map<String, JsonValue> logprobsProperties = new LinkedHashMap<>();
        private String finishReason;

        ChoiceState(long index) {
            this.index = index;
        }

        void accumulate(ChatCompletionChunk.Choice choice) {
            ChatCompletionChunk.Choice.Delta delta = choice.delta();
            delta.content().ifPresent(text -> content = append(content, text));
            delta.refusal().ifPresent(text -> refusal = append(refusal, text));
            delta.role().ifPresent(r -> role = JsonString.of(r.asString()));
            delta._additionalProperties().forEach(this::accumulateProperty);
            delta.toolCalls().ifPresent(calls -> {
                for (int i = 0; i < calls.size(); i++) accumulateToolCall(calls.get(i), i);
            });
            choice.logprobs().ifPresent(logprobs -> {
                if (contentLogprobs == null) {
                    contentLogprobs = new ArrayList<>();
                    refusalLogprobs = new ArrayList<>();
                }
                logprobs.content().ifPresent(contentLogprobs::addAll);
                logprobs.refusal().ifPresent(refusalLogprobs::addAll);
                logprobsProperties.putAll(logprobs._additionalProperties());
            });
            choiceProperties.putAll(choice._additionalProperties());
            choice.finishReason().ifPresent(reason -> finishReason = reason.asString());
        }

        private void accumulateProperty(String name, JsonValue value) {
            if (!CONCATENATED.contains(name)) {
                messageProperties.put(name, value);
            } else if (value instanceof JsonString) {
                JsonValue before = messageProperties.get(name);
                String text = before instanceof JsonString ? ((JsonString) before).value() : "";
                messageProperties.put(name, JsonString.of(text + ((JsonString) value).value()));
            } else if (!messageProperties.containsKey(name)) {
                // vLLM sends "reasoning_content": null on chunks without reasoning; it never erases text.
                messageProperties.put(name, value);
            }
        }

        /** A piece of a tool call: its index says which call (servers that send whole calls may omit it). */
        private void accumulateToolCall(ChatCompletionChunk.Choice.Delta.ToolCall piece, int position) {
            boolean indexed = ((JsonObject) JsonValue.from(piece)).values().containsKey("index");
            ToolCallState call = toolCalls.computeIfAbsent(indexed ? piece.index() : position, ToolCallState::new);
            piece.id().filter(s -> !s.isEmpty()).ifPresent(s -> {
                if (call.id == null) call.id = s;
            });
            piece.type().ifPresent(t -> call.type = JsonString.of(t.asString()));
            call.properties.putAll(piece._additionalProperties());
            piece.function().ifPresent(function -> {
                function.name().filter(s -> !s.isEmpty()).ifPresent(s -> {
                    if (call.name == null) call.name = s;
                });
                function.arguments().ifPresent(call.arguments::append);
                call.functionProperties.putAll(function._additionalProperties());
            });
        }

        ChatCompletion.Choice build() {
            ChatCompletionMessage.Builder message = ChatCompletionMessage.builder()
                    .content(content == null ? null : content.toString())
                    .refusal(refusal == null ? null : refusal.toString());
            if (role != null) message.role(role);
            if (!toolCalls.isEmpty()) {
                List<ChatCompletionMessageToolCall> calls = new ArrayList<>();
                for (ToolCallState call : toolCalls.values()) calls.add(call.build(index));
                message.toolCalls(calls);
            }
            message.putAllAdditionalProperties(messageProperties);
            ChatCompletion.Choice.Logprobs logprobs = null;
            if (contentLogprobs != null) {
                logprobs = ChatCompletion.Choice.Logprobs.builder()
                        .content(contentLogprobs)
                        .refusal(refusalLogprobs)
                        .putAllAdditionalProperties(logprobsProperties)
                        .build();
            }
            return ChatCompletion.Choice.builder()
                    .finishReason(ChatCompletion.Choice.FinishReason.of(finishReason))
                    .index(index)
                    .logprobs(logprobs)
                    .message(message.build())
                    .putAllAdditionalProperties(choiceProperties)
                    .build();
        }

        private static StringBuilder append(StringBuilder to, String text) {
            return (to == null ? new StringBuilder() : to).append(text);
        }
    }

    /** The pieces of one tool call. */
    private static final class ToolCallState {
        private final long index;
        private String id;
        private String name;
        private JsonValue type;
        private final StringBuilder arguments = new StringBuilder();
        private final Map<String, JsonValue> properties = new LinkedHashMap<>();
        private final Map<String, JsonValue> functionProperties = new LinkedHashMap<>();

        ToolCallState(long index) {
            this.index = index;
        }

        ChatCompletionMessageToolCall build(long choice) {
            if (id == null) {
                throw new OpenAIInvalidDataException("Tool call " + index + " of choice " + choice + " was streamed without an id");
            }
            if (name == null) {
                throw new OpenAIInvalidDataException("Tool call " + id + " of choice " + choice + " was streamed without a function name");
            }
            ChatCompletionMessageFunctionToolCall.Builder call = ChatCompletionMessageFunctionToolCall.builder()
                    .id(id)
                    .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                            .arguments(arguments.toString())
                            .name(name)
                            .putAllAdditionalProperties(functionProperties)
                            .build());
            if (type != null) call.type(type);
            return ChatCompletionMessageToolCall.ofFunction(call.putAllAdditionalProperties(properties).build());
        }
    }
}
