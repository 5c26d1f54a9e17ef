package dev.switchboard.local.llama;

import dev.switchboard.backend.BackendErrors;
import de.kherud.llama.InferenceParameters;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A checked chat request on a loaded model, turned into the official answer shapes: a whole
 * {@link ChatCompletion}, or chunks with the remote backend's semantics (the role first, then
 * content deltas, then a chunk with the finish reason for each choice, and a usage chunk last when
 * {@code stream_options.include_usage} asks). The n answers are generated one after another.
 */
final class ChatAnswers {
    private final LoadedModel model;
    private final ChatRequest request;
    private final String deployment;
    private final int queueLimit;
    private final String prompt;
    private final int promptTokens;
    private final int budget;
    private final Optional<String> grammar;
    private final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    private final long created;

    ChatAnswers(LoadedModel model, ChatRequest request, String deployment, int queueLimit, long created) {
        this.model = model;
        this.request = request;
        this.deployment = deployment;
        this.queueLimit = queueLimit;
        this.created = created;
        this.prompt = ChatPrompt.render(model, request.messages);
        this.promptTokens = model.llama.encode(prompt).length + (model.facts.addsBos ? 1 : 0) + (model.facts.addsEos ? 1 : 0);
        int room = model.slotContext - promptTokens;
        if (room <= 0) {
            throw BackendErrors.badRequest("messages", "context_length_exceeded", "This deployment's context holds "
                    + model.slotContext + " tokens per call, but the messages take " + promptTokens
                    + " tokens; shorten them, or raise the deployment's context_size (or lower parallel)");
        }
        if (request.maxTokens.isPresent() && request.maxTokens.get() > room) {
            throw BackendErrors.badRequest("max_tokens", "context_length_exceeded", "This deployment's context holds "
                    + model.slotContext + " tokens per call; the messages take " + promptTokens + " and max_tokens asks for "
                    + request.maxTokens.get() + " more; lower max_tokens to at most " + room);
        }
        this.budget = request.maxTokens.map(Long::intValue).orElse(room);
        request.sampling.tokenBias(model.facts.vocabularySize); // ids checked before any generation
        this.grammar = request.grammarSchema().map(Grammars::of);
    }

    private InferenceParameters parameters(int choice) {
        // The prompt cache stays off: measured on b4916, a model reusing cached prompt state can answer a
        // repeated prompt with other text than it first did, which breaks seeded, temperature-0 determinism.
        InferenceParameters p = new InferenceParameters(prompt).setCachePrompt(false);
        request.sampling.apply(p, model.facts.vocabularySize, choice);
        grammar.ifPresent(p::setGrammar);
        return p;
    }

    private Flowable<Generation.Event> generate(int choice) {
        return Generation.run(model, parameters(choice), budget, request.stops, queueLimit, deployment);
    }

    /** What one choice came to. */
    private static final class Result {
        final StringBuilder text = new StringBuilder();
        String reason = "stop";
        int tokens;
    }

    Single<ChatCompletion> completion() {
        return Flowable.range(0, request.n)
                .concatMapSingle(i -> generate(i).reduce(new Result(), (r, e) -> {
                    if (e instanceof Generation.Text) r.text.append(((Generation.Text) e).text);
                    if (e instanceof Generation.End) {
                        r.reason = ((Generation.End) e).reason;
                        r.tokens = ((Generation.End) e).tokens;
                    }
                    return r;
                }))
                .toList()
                .map(results -> {
                    List<JsonValue> choices = new ArrayList<>();
                    int completionTokens = 0;
                    for (int i = 0; i < results.size(); i++) {
                        Result r = results.get(i);
                        completionTokens += r.tokens;
                        Map<String, JsonValue> message = new LinkedHashMap<>();
                        message.put("role", JsonString.of("assistant"));
                        String reason = r.reason;
                        Optional<JsonObject> call = toolCall(r.text.toString(), reason);
                        if (call.isPresent()) {
                            message.put("content", JsonNull.of());
                            message.put("tool_calls", JsonArray.of(List.of(call.get())));
                            reason = "tool_calls";
                        } else {
                            message.put("content", JsonString.of(r.text.toString()));
                        }
                        message.put("refusal", JsonNull.of());
                        Map<String, JsonValue> choice = new LinkedHashMap<>();
                        choice.put("index", JsonNumber.of(i));
                        choice.put("message", JsonObject.of(message));
                        choice.put("finish_reason", JsonString.of(reason));
                        choice.put("logprobs", JsonNull.of());
                        choices.add(JsonObject.of(choice));
                    }
                    Map<String, JsonValue> out = envelope("chat.completion");
                    out.put("choices", JsonArray.of(choices));
                    out.put("usage", usage(completionTokens));
                    return JsonObject.of(out).convert(ChatCompletion.class);
                });
    }

    Flowable<ChatCompletionChunk> chunks() {
        AtomicInteger completionTokens = new AtomicInteger();
        Flowable<ChatCompletionChunk> choices = Flowable.range(0, request.n).concatMap(i -> choiceChunks(i, completionTokens));
        if (!request.includeUsage) return choices;
        return choices.concatWith(Flowable.defer(() -> {
            Map<String, JsonValue> out = envelope("chat.completion.chunk");
            out.put("choices", JsonArray.of(List.of()));
            out.put("usage", usage(completionTokens.get()));
            return Flowable.just(JsonObject.of(out).convert(ChatCompletionChunk.class));
        }));
    }

    /**
     * One choice's chunks. An answer that may be a tool call is held until it is whole (a call is
     * given in one piece); with tool_choice auto that is only an answer that opens with '{'.
     */
    private Flowable<ChatCompletionChunk> choiceChunks(int index, AtomicInteger completionTokens) {
        return Flowable.defer(() -> choiceChunksNow(index, completionTokens));
    }

    private Flowable<ChatCompletionChunk> choiceChunksNow(int index, AtomicInteger completionTokens) {
        boolean mayCall = request.tools.isPresent();
        boolean mustCall = mayCall && request.tools.get().constrained();
        StringBuilder held = new StringBuilder();
        boolean[] holding = {mustCall};
        boolean[] decided = {mustCall || !mayCall};
        Flowable<ChatCompletionChunk> body = generate(index).concatMap(e -> {
            if (e instanceof Generation.Text) {
                String text = ((Generation.Text) e).text;
                if (!decided[0]) {
                    held.append(text);
                    String start = held.toString().stripLeading();
                    if (start.isEmpty()) return Flowable.empty();
                    decided[0] = true;
                    holding[0] = start.startsWith("{");
                    if (holding[0]) return Flowable.empty();
                    text = held.toString();
                    held.setLength(0);
                } else if (holding[0]) {
                    held.append(text);
                    return Flowable.empty();
                }
                return Flowable.just(delta(index, Map.of("content", JsonString.of(text)), null));
            }
            Generation.End end = (Generation.End) e;
            completionTokens.addAndGet(end.tokens);
            List<ChatCompletionChunk> out = new ArrayList<>();
            String reason = end.reason;
            if (held.length() > 0) {
                Optional<JsonObject> call = toolCall(held.toString(), reason);
                if (call.isPresent()) {
                    Map<String, JsonValue> streamed = new LinkedHashMap<>(call.get().values());
                    Map<String, JsonValue> withIndex = new LinkedHashMap<>();
                    withIndex.put("index", JsonNumber.of(0));
                    withIndex.putAll(streamed);
                    out.add(delta(index, Map.of("tool_calls", JsonArray.of(List.of(JsonObject.of(withIndex)))), null));
                    reason = "tool_calls";
                } else {
                    out.add(delta(index, Map.of("content", JsonString.of(held.toString())), null));
                }
            }
            out.add(delta(index, Map.of(), reason));
            return Flowable.fromIterable(out);
        });
        Map<String, JsonValue> role = new LinkedHashMap<>();
        role.put("role", JsonString.of("assistant"));
        role.put("content", JsonString.of(""));
        return Flowable.just(delta(index, role, null)).concatWith(body);
    }

    /** The tool call an answer makes, when tools were offered and the answer is a whole call. */
    private Optional<JsonObject> toolCall(String text, String reason) {
        if (request.tools.isEmpty() || !reason.equals("stop")) return Optional.empty();
        return request.tools.get().call(text);
    }

    private ChatCompletionChunk delta(int index, Map<String, JsonValue> delta, String finishReason) {
        Map<String, JsonValue> choice = new LinkedHashMap<>();
        choice.put("index", JsonNumber.of(index));
        choice.put("delta", JsonObject.of(delta));
        choice.put("finish_reason", finishReason == null ? JsonNull.of() : JsonString.of(finishReason));
        choice.put("logprobs", JsonNull.of());
        Map<String, JsonValue> out = envelope("chat.completion.chunk");
        out.put("choices", JsonArray.of(List.of(JsonObject.of(choice))));
        return JsonObject.of(out).convert(ChatCompletionChunk.class);
    }

    private Map<String, JsonValue> envelope(String object) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        out.put("id", JsonString.of(id));
        out.put("object", JsonString.of(object));
        out.put("created", JsonNumber.of(created));
        out.put("model", JsonString.of(request.model));
        return out;
    }

    private JsonValue usage(int completionTokens) {
        Map<String, JsonValue> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", JsonNumber.of(promptTokens));
        usage.put("completion_tokens", JsonNumber.of(completionTokens));
        usage.put("total_tokens", JsonNumber.of(promptTokens + completionTokens));
        return JsonObject.of(usage);
    }
}
