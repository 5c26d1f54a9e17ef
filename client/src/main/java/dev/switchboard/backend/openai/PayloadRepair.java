package dev.switchboard.backend.openai;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.models.embeddings.EmbeddingValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fills in what real servers leave out, so callers get the official shapes: llama.cpp and Ollama
 * skip ids, creation times, choice indexes or the object name now and then. Only absent (or null)
 * identity fields are filled; what a server did send is kept as it is, unknown fields included.
 */
final class PayloadRepair {
    private PayloadRepair() {}

    static JsonObject chatCompletion(JsonValue json, String model) {
        JsonObject completion = object(json, "chat completion");
        if (needsNoRepair(completion, "message")) return completion; // as for chunks: nothing to fill, nothing to copy
        Map<String, JsonValue> m = identity(completion, "chatcmpl-", "chat.completion", model);
        // An answer without choices stays without: reading them says so, rather than finding none.
        if (m.get("choices") instanceof JsonArray) m.put("choices", choices(m.get("choices"), "message"));
        return JsonObject.of(m);
    }

    /** A streamed chunk; {@code id} and {@code created} are the stream's, so chunks agree. */
    static JsonObject chunk(JsonObject json, String id, long created, String model) {
        // Most servers send every field: such a chunk is kept as parsed. Copying its maps to fill
        // nothing was a third of what reading a stream allocated (measured on 1,000-chunk streams).
        if (needsNoRepair(json, "delta")) return json;
        Map<String, JsonValue> m = new LinkedHashMap<>(json.values());
        fill(m, "id", JsonString.of(id));
        fill(m, "object", JsonString.of("chat.completion.chunk"));
        fill(m, "created", JsonNumber.of(created));
        fill(m, "model", JsonString.of(model));
        JsonValue choices = m.get("choices");
        m.put("choices", choices == null || choices instanceof JsonNull ? JsonArray.of(List.of()) : choices(choices, "delta"));
        return JsonObject.of(m);
    }

    /**
     * Base64 vectors are decoded here, so a corrupt one fails the call inside the router's retry loop.
     * A missing {@code usage} is left missing: {@code usage()} then throws, naming the field, rather
     * than report token counts the server never gave (zeros would read as real counts).
     */
    static JsonObject embeddings(JsonValue json, String model) {
        Map<String, JsonValue> m = new LinkedHashMap<>(object(json, "embeddings").values());
        fill(m, "object", JsonString.of("list"));
        fill(m, "model", JsonString.of(model));
        JsonValue data = m.get("data");
        if (data instanceof JsonArray) {
            List<JsonValue> out = new ArrayList<>();
            List<JsonValue> items = ((JsonArray) data).values();
            for (int i = 0; i < items.size(); i++) {
                Map<String, JsonValue> e = new LinkedHashMap<>(object(items.get(i), "embedding").values());
                fill(e, "object", JsonString.of("embedding"));
                fill(e, "index", JsonNumber.of(i));
                JsonValue vector = e.get("embedding");
                if (vector instanceof JsonString) e.put("embedding", floats(((JsonString) vector).value()));
                out.add(JsonObject.of(e));
            }
            m.put("data", JsonArray.of(out));
        }
        return JsonObject.of(m);
    }

    static JsonObject images(JsonValue json) {
        Map<String, JsonValue> m = new LinkedHashMap<>(object(json, "images").values());
        fill(m, "created", JsonNumber.of(System.currentTimeMillis() / 1000));
        return JsonObject.of(m);
    }

    /**
     * The models of a list. LocalAI sends only ids: {@code created} becomes 0, the epoch, which no
     * listing can take for a real date, and {@code owned_by} the name of the backend that listed it.
     */
    static List<JsonObject> models(JsonValue json, String ownedBy) {
        JsonValue data = object(json, "model list").values().get("data");
        if (!(data instanceof JsonArray)) {
            throw new OpenAIInvalidDataException("The model list has no data array: " + JsonValueAdapter.toJsonString(json));
        }
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue item : ((JsonArray) data).values()) {
            Map<String, JsonValue> m = new LinkedHashMap<>(object(item, "model").values());
            fill(m, "object", JsonString.of("model"));
            fill(m, "created", JsonNumber.of(0));
            fill(m, "owned_by", JsonString.of(ownedBy));
            out.add(JsonObject.of(m));
        }
        return out;
    }

    /** A vector sent as base64 (encoding_format=base64), as JSON floats; corrupt base64 is invalid data. */
    private static JsonArray floats(String base64) {
        List<Float> floats = EmbeddingValue.ofBase64(base64).asFloats();
        List<JsonValue> values = new ArrayList<>(floats.size());
        for (Float f : floats) values.add(JsonNumber.of(f));
        return JsonArray.of(values);
    }

    static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, JsonValue> identity(JsonObject json, String idPrefix, String object, String model) {
        Map<String, JsonValue> m = new LinkedHashMap<>(json.values());
        fill(m, "id", JsonString.of(newId(idPrefix)));
        fill(m, "object", JsonString.of(object));
        fill(m, "created", JsonNumber.of(System.currentTimeMillis() / 1000));
        fill(m, "model", JsonString.of(model));
        return m;
    }

    private static JsonValue choices(JsonValue choices, String body) {
        if (!(choices instanceof JsonArray)) return choices == null ? JsonArray.of(List.of()) : choices;
        List<JsonValue> items = ((JsonArray) choices).values();
        List<JsonValue> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonValue item = items.get(i);
            if (!(item instanceof JsonObject)) {
                out.add(item);
                continue;
            }
            Map<String, JsonValue> c = new LinkedHashMap<>(((JsonObject) item).values());
            fill(c, "index", JsonNumber.of(i));
            JsonValue message = c.get(body);
            if (message == null || message instanceof JsonNull) {
                c.put(body, JsonObject.of(Map.of()));
            } else if (body.equals("message") && message instanceof JsonObject) {
                Map<String, JsonValue> msg = new LinkedHashMap<>(((JsonObject) message).values());
                fill(msg, "role", JsonString.of("assistant"));
                c.put(body, JsonObject.of(msg));
            }
            out.add(JsonObject.of(c));
        }
        return JsonArray.of(out);
    }

    /**
     * Whether repairing would fill nothing in: the identity fields present, choices an array (a
     * completion may also have none), each choice with its index and its {@code body} ({@code message}
     * or {@code delta}), and each message with its role.
     */
    private static boolean needsNoRepair(JsonObject json, String body) {
        Map<String, JsonValue> m = json.values();
        if (absent(m, "id") || absent(m, "object") || absent(m, "created") || absent(m, "model")) return false;
        JsonValue choices = m.get("choices");
        if (!(choices instanceof JsonArray)) return body.equals("message") && !m.containsKey("choices");
        for (JsonValue item : ((JsonArray) choices).values()) {
            if (!(item instanceof JsonObject)) continue;
            Map<String, JsonValue> c = ((JsonObject) item).values();
            if (absent(c, "index") || absent(c, body)) return false;
            JsonValue message = c.get(body);
            if (body.equals("message") && message instanceof JsonObject && absent(((JsonObject) message).values(), "role")) {
                return false;
            }
        }
        return true;
    }

    private static boolean absent(Map<String, JsonValue> m, String name) {
        JsonValue value = m.get(name);
        return value == null || value instanceof JsonNull;
    }

    private static void fill(Map<String, JsonValue> m, String name, JsonValue value) {
        JsonValue current = m.get(name);
        if (current == null || current instanceof JsonNull) m.put(name, value);
    }

    private static JsonObject object(JsonValue json, String what) {
        if (json instanceof JsonObject) return (JsonObject) json;
        throw new OpenAIInvalidDataException("Expected a " + what + " object, got: " + JsonValueAdapter.toJsonString(json));
    }
}
