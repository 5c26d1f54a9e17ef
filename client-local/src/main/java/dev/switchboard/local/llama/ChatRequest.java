package dev.switchboard.local.llama;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A chat request read and checked for llama.cpp: the conversation as role and text, the sampling
 * settings, stop sequences, the token budget, how many answers, and what shape the answer must take
 * (free text, JSON under a grammar, or tool calls). Anything this engine cannot honour is a 400 that
 * names the field, before any native call.
 */
final class ChatRequest {
    static final int MAX_CHOICES = 16;
    static final int MAX_STOPS = 16;

    /** One message as the prompt renders it. */
    static final class Message {
        final String role;
        final String text;

        Message(String role, String text) {
            this.role = role;
            this.text = text;
        }
    }

    final String model;
    final List<Message> messages;
    final Sampling sampling;
    final List<String> stops;
    final Optional<Long> maxTokens;
    final int n;
    final boolean includeUsage;
    /** A JSON schema the answer must match (response_format json_schema or json_object), if any. */
    final Optional<JsonObject> answerSchema;
    final Optional<ToolPlan> tools;
    /** Extra body properties this engine does not read, for a warning. */
    final Set<String> ignoredExtras;

    private ChatRequest(ChatCompletionCreateParams params) {
        JsonObject body = (JsonObject) JsonValue.from(params);
        RequestFields f = new RequestFields(body);
        this.model = f.string("model").orElse("");
        this.sampling = Sampling.read(f);
        this.stops = stops(f);
        Optional<Long> maxCompletion = f.whole("max_completion_tokens", 1, Integer.MAX_VALUE);
        Optional<Long> max = f.whole("max_tokens", 1, Integer.MAX_VALUE);
        this.maxTokens = maxCompletion.isPresent() ? maxCompletion : max;
        this.n = (int) (long) f.whole("n", 1, MAX_CHOICES).orElse(1L);
        this.includeUsage = f.object("stream_options")
                .map(o -> o.values().get("include_usage"))
                .map(v -> v instanceof dev.switchboard.core.JsonBoolean && ((dev.switchboard.core.JsonBoolean) v).value())
                .orElse(false);
        if (f.bool("logprobs").orElse(false) || f.whole("top_logprobs", 0, 20).orElse(0L) > 0) {
            throw BackendErrors.badRequest(f.bool("logprobs").orElse(false) ? "logprobs" : "top_logprobs",
                    "logprobs are not available from a llama deployment: llama.cpp b4916 through its Java binding aborts the"
                            + " JVM when asked for token probabilities; leave logprobs and top_logprobs unset");
        }
        if (f.has("functions") || f.has("function_call")) {
            throw BackendErrors.badRequest(f.has("functions") ? "functions" : "function_call",
                    "functions and function_call are the retired form of tools; send tools and tool_choice");
        }
        if (f.has("audio") || f.array("modalities").map(m -> m.values().contains(JsonString.of("audio"))).orElse(false)) {
            throw BackendErrors.badRequest("modalities", "a llama deployment answers in text only; drop audio from modalities");
        }
        this.tools = ToolPlan.read(f);
        this.answerSchema = answerSchema(f);
        this.messages = messages(f, tools);
        Set<String> extras = new java.util.TreeSet<>(params._additionalBodyProperties().keySet());
        extras.removeAll(Sampling.EXTRAS);
        this.ignoredExtras = extras;
    }

    /** Throws BadRequestException naming the first field this engine cannot honour. */
    static ChatRequest read(ChatCompletionCreateParams params) {
        return new ChatRequest(params);
    }

    private static List<String> stops(RequestFields f) {
        JsonValue stop = f.get("stop");
        if (stop == null) return List.of();
        List<String> out = new ArrayList<>();
        if (stop instanceof JsonString) {
            out.add(((JsonString) stop).value());
        } else if (stop instanceof JsonArray) {
            for (JsonValue v : ((JsonArray) stop).values()) {
                if (!(v instanceof JsonString)) throw BackendErrors.badRequest("stop", "stop must be a string or a list of strings");
                out.add(((JsonString) v).value());
            }
        } else {
            throw BackendErrors.badRequest("stop", "stop must be a string or a list of strings, was " + stop);
        }
        if (out.size() > MAX_STOPS) throw BackendErrors.badRequest("stop", "stop takes at most " + MAX_STOPS + " sequences");
        for (String s : out) {
            if (s.isEmpty()) throw BackendErrors.badRequest("stop", "stop sequences must not be empty");
        }
        return List.copyOf(out);
    }

    private static Optional<JsonObject> answerSchema(RequestFields f) {
        Optional<JsonObject> format = f.object("response_format");
        if (format.isEmpty()) return Optional.empty();
        JsonValue type = format.get().values().get("type");
        String kind = type instanceof JsonString ? ((JsonString) type).value() : "";
        switch (kind) {
            case "text":
                return Optional.empty();
            case "json_object":
                return Optional.of(JsonObject.of(Map.of("type", JsonString.of("object"))));
            case "json_schema":
                JsonValue spec = format.get().values().get("json_schema");
                JsonValue schema = spec instanceof JsonObject ? ((JsonObject) spec).values().get("schema") : null;
                if (schema == null) {
                    throw BackendErrors.badRequest("response_format", "response_format.json_schema.schema must be set");
                }
                return Optional.of(SchemaCheck.check(schema, "response_format.json_schema.schema"));
            default:
                throw BackendErrors.badRequest("response_format", "response_format.type must be text, json_object or"
                        + " json_schema, was " + type);
        }
    }

    private static List<Message> messages(RequestFields f, Optional<ToolPlan> tools) {
        List<JsonValue> list = f.array("messages").map(JsonArray::values).orElse(List.of());
        if (list.isEmpty()) throw BackendErrors.badRequest("messages", "messages must hold at least one message");
        List<Message> out = new ArrayList<>();
        tools.ifPresent(t -> out.add(new Message("system", t.instructions())));
        for (int i = 0; i < list.size(); i++) {
            String at = "messages[" + i + "]";
            if (!(list.get(i) instanceof JsonObject)) throw BackendErrors.badRequest("messages", at + " must be an object");
            Map<String, JsonValue> m = ((JsonObject) list.get(i)).values();
            JsonValue roleValue = m.get("role");
            String role = roleValue instanceof JsonString ? ((JsonString) roleValue).value() : "";
            String text = content(m.get("content"), at);
            switch (role) {
                case "system":
                case "developer":
                    out.add(new Message("system", text));
                    break;
                case "user":
                    out.add(new Message("user", text));
                    break;
                case "assistant":
                    out.add(new Message("assistant", text + toolCallsText(m.get("tool_calls"))));
                    break;
                case "tool":
                case "function":
                    out.add(new Message("tool", text));
                    break;
                default:
                    throw BackendErrors.badRequest("messages", at + ".role must be system, developer, user, assistant or tool,"
                            + " was " + roleValue);
            }
        }
        return out;
    }

    /** A message's text: a string, or the text parts of a list; other parts (images, audio, files) are refused. */
    private static String content(JsonValue content, String at) {
        if (content == null || content instanceof dev.switchboard.core.JsonNull || content instanceof dev.switchboard.core.JsonMissing) {
            return "";
        }
        if (content instanceof JsonString) return ((JsonString) content).value();
        if (!(content instanceof JsonArray)) throw BackendErrors.badRequest("messages", at + ".content must be a string or a list of parts");
        StringBuilder text = new StringBuilder();
        List<JsonValue> parts = ((JsonArray) content).values();
        for (int j = 0; j < parts.size(); j++) {
            Map<String, JsonValue> part = parts.get(j) instanceof JsonObject ? ((JsonObject) parts.get(j)).values() : Map.of();
            JsonValue type = part.get("type");
            JsonValue partText = part.get("text");
            if (type instanceof JsonString && ((JsonString) type).value().equals("text") && partText instanceof JsonString) {
                text.append(((JsonString) partText).value());
            } else {
                throw BackendErrors.badRequest("messages", at + ".content[" + j + "] is a " + type + " part; a llama deployment"
                        + " reads text only");
            }
        }
        return text.toString();
    }

    /** An earlier answer's tool calls, written as the call objects this engine asks models for. */
    private static String toolCallsText(JsonValue toolCalls) {
        if (!(toolCalls instanceof JsonArray)) return "";
        StringBuilder out = new StringBuilder();
        for (JsonValue call : ((JsonArray) toolCalls).values()) {
            if (!(call instanceof JsonObject)) continue;
            JsonValue function = ((JsonObject) call).values().get("function");
            if (!(function instanceof JsonObject)) continue;
            Map<String, JsonValue> fn = ((JsonObject) function).values();
            JsonValue arguments = fn.get("arguments");
            JsonValue parsed = arguments;
            if (arguments instanceof JsonString) {
                try {
                    parsed = JsonValueAdapter.parse(((JsonString) arguments).value());
                } catch (RuntimeException notJson) {
                    parsed = arguments;
                }
            }
            Map<String, JsonValue> shown = new LinkedHashMap<>();
            shown.put("name", fn.getOrDefault("name", JsonString.of("")));
            shown.put("arguments", parsed == null ? JsonObject.of(Map.of()) : parsed);
            if (out.length() > 0) out.append('\n');
            out.append(JsonValueAdapter.toJsonString(JsonObject.of(shown)));
        }
        return out.toString();
    }

    /** The schema the answer's grammar is made from: a tool call when one is required, else the response format's. */
    Optional<JsonObject> grammarSchema() {
        if (tools.isPresent() && tools.get().constrained()) return Optional.of(tools.get().callSchema());
        return answerSchema;
    }
}
