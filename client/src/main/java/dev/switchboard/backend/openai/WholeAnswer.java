package dev.switchboard.backend.openai;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.SseException;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.ResponseBody;

/**
 * A streaming request answered with one whole JSON completion, as servers that ignore
 * {@code "stream": true} do: the answer becomes a single chunk whose deltas carry each choice's whole
 * message, finish reason and the usage, so the caller's stream is the same answer, complete.
 */
final class WholeAnswer {
    private WholeAnswer() {}

    /** Reads the whole body: the answer as one chunk, or the error it holds. */
    static ChatCompletionChunk chunk(ResponseBody body, Headers headers, int status, String route, String model)
            throws IOException {
        String text = body.string();
        JsonValue json;
        try {
            json = JsonValueAdapter.parse(text);
        } catch (OpenAIInvalidDataException e) {
            throw new OpenAIInvalidDataException(route + " answered a stream request with malformed JSON: " + text, e);
        }
        if (json instanceof JsonObject && ((JsonObject) json).values().containsKey("error")) {
            throw SseException.builder().statusCode(status).headers(headers)
                    .error(ErrorResponses.errorObject((JsonObject) json)).build();
        }
        return chunk(PayloadRepair.chatCompletion(json, model)).convert(ChatCompletionChunk.class);
    }

    private static JsonObject chunk(JsonObject completion) {
        Map<String, JsonValue> c = completion.values();
        Map<String, JsonValue> chunk = new LinkedHashMap<>();
        chunk.put("id", c.get("id"));
        chunk.put("object", JsonString.of("chat.completion.chunk"));
        chunk.put("created", c.get("created"));
        chunk.put("model", c.get("model"));
        if (c.containsKey("system_fingerprint")) chunk.put("system_fingerprint", c.get("system_fingerprint"));
        List<JsonValue> choices = new ArrayList<>();
        JsonValue whole = c.get("choices");
        if (whole instanceof JsonArray) {
            for (JsonValue choice : ((JsonArray) whole).values()) {
                if (!(choice instanceof JsonObject)) continue;
                Map<String, JsonValue> out = new LinkedHashMap<>(((JsonObject) choice).values());
                JsonValue message = out.remove("message");
                out.put("delta", message instanceof JsonObject ? delta((JsonObject) message) : JsonObject.of(Map.of()));
                choices.add(JsonObject.of(out));
            }
        }
        chunk.put("choices", JsonArray.of(choices));
        if (c.containsKey("usage")) chunk.put("usage", c.get("usage"));
        return JsonObject.of(chunk);
    }

    /** The message as a delta: tool calls need the index a delta's tool-call pieces carry. */
    private static JsonObject delta(JsonObject message) {
        Map<String, JsonValue> delta = new LinkedHashMap<>(message.values());
        JsonValue toolCalls = delta.get("tool_calls");
        if (toolCalls instanceof JsonArray) {
            List<JsonValue> indexed = new ArrayList<>();
            List<JsonValue> calls = ((JsonArray) toolCalls).values();
            for (int i = 0; i < calls.size(); i++) {
                if (!(calls.get(i) instanceof JsonObject)) {
                    indexed.add(calls.get(i));
                    continue;
                }
                Map<String, JsonValue> call = new LinkedHashMap<>();
                call.put("index", JsonNumber.of(i));
                call.putAll(((JsonObject) calls.get(i)).values());
                indexed.add(JsonObject.of(call));
            }
            delta.put("tool_calls", JsonArray.of(indexed));
        }
        return JsonObject.of(delta);
    }
}
