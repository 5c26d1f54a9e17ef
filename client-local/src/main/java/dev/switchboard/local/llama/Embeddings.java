package dev.switchboard.local.llama;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings from a model loaded for them (pooling last or cls, chosen at load: llama.cpp b4916
 * aborts the JVM on mean pooling). Inputs may be strings or token arrays (ids checked against the
 * vocabulary, since llama.cpp does not check them), one or a batch; each vector is L2-normalised,
 * cut to {@code dimensions} when asked and normalised again, as OpenAI's shortened embeddings are.
 */
final class Embeddings {
    /** llama.cpp embeds one input in one physical batch, 512 tokens by default. */
    private static final int MAX_INPUT_TOKENS = 512;
    private static final int MAX_INPUTS = 2048;

    private Embeddings() {}

    static CreateEmbeddingResponse create(LoadedModel model, EmbeddingCreateParams params, String deployment, int queueLimit) {
        JsonObject body = (JsonObject) JsonValue.from(params);
        RequestFields f = new RequestFields(body);
        List<String> inputs = inputs(f.get("input"), model);
        Long dimensions = f.whole("dimensions", 1, Integer.MAX_VALUE).orElse(null);
        String format = f.string("encoding_format").orElse("float");
        if (!format.equals("float") && !format.equals("base64")) {
            throw BackendErrors.badRequest("encoding_format", "encoding_format must be float or base64, was " + format);
        }
        int limit = Math.min(MAX_INPUT_TOKENS, model.slotContext);
        int promptTokens = 0;
        int[] counts = new int[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            counts[i] = model.llama.encode(inputs.get(i)).length + (model.facts.addsBos ? 1 : 0) + (model.facts.addsEos ? 1 : 0);
            if (counts[i] > limit) {
                throw BackendErrors.badRequest("input", "input[" + i + "] is " + counts[i] + " tokens; this deployment embeds at"
                        + " most " + limit + " tokens at a time");
            }
            promptTokens += counts[i];
        }
        List<JsonValue> data = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            float[] vector = embed(model, inputs.get(i), deployment, queueLimit);
            if (dimensions != null) {
                if (dimensions > vector.length) {
                    throw BackendErrors.badRequest("dimensions", "dimensions must be at most " + vector.length
                            + " for this model, was " + dimensions);
                }
                vector = java.util.Arrays.copyOf(vector, dimensions.intValue());
            }
            normalise(vector);
            Map<String, JsonValue> item = new LinkedHashMap<>();
            item.put("object", JsonString.of("embedding"));
            item.put("index", JsonNumber.of(i));
            item.put("embedding", format.equals("base64") ? JsonString.of(base64(vector)) : floats(vector));
            data.add(JsonObject.of(item));
        }
        Map<String, JsonValue> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", JsonNumber.of(promptTokens));
        usage.put("total_tokens", JsonNumber.of(promptTokens));
        Map<String, JsonValue> out = new LinkedHashMap<>();
        out.put("object", JsonString.of("list"));
        out.put("data", JsonArray.of(data));
        out.put("model", f.get("model") == null ? JsonString.of("") : f.get("model"));
        out.put("usage", JsonObject.of(usage));
        return JsonObject.of(out).convert(CreateEmbeddingResponse.class);
    }

    /** The texts to embed: strings as they are, token arrays decoded after their ids are checked. */
    private static List<String> inputs(JsonValue input, LoadedModel model) {
        if (input instanceof JsonString) return List.of(text(((JsonString) input).value(), "input"));
        if (!(input instanceof JsonArray) || ((JsonArray) input).values().isEmpty()) {
            throw BackendErrors.badRequest("input", "input must be a string, a list of strings, a token array or a list of"
                    + " token arrays, and not empty");
        }
        List<JsonValue> items = ((JsonArray) input).values();
        if (items.get(0) instanceof JsonNumber) return List.of(tokens(items, "input", model));
        if (items.size() > MAX_INPUTS) throw BackendErrors.badRequest("input", "input takes at most " + MAX_INPUTS + " items");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonValue item = items.get(i);
            if (item instanceof JsonString) {
                out.add(text(((JsonString) item).value(), "input[" + i + "]"));
            } else if (item instanceof JsonArray && !((JsonArray) item).values().isEmpty()) {
                out.add(tokens(((JsonArray) item).values(), "input[" + i + "]", model));
            } else {
                throw BackendErrors.badRequest("input", "input[" + i + "] must be a non-empty string or token array");
            }
        }
        return out;
    }

    private static String text(String value, String at) {
        if (value.isEmpty()) throw BackendErrors.badRequest("input", at + " is empty; there is nothing to embed");
        return value;
    }

    private static String tokens(List<JsonValue> ids, String at, LoadedModel model) {
        int[] tokens = new int[ids.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = (int) RequestFields.whole(ids.get(i), at + "[" + i + "]", 0, model.facts.vocabularySize - 1);
        }
        return model.llama.decode(tokens);
    }

    private static float[] embed(LoadedModel model, String text, String deployment, int queueLimit) {
        if (!model.slots.acquire(queueLimit, () -> Thread.currentThread().isInterrupted(), deployment)) {
            throw BackendErrors.failed(deployment + ": interrupted while waiting for a slot", null);
        }
        try {
            return model.llama.embed(text);
        } catch (RuntimeException e) { // the binding's LlamaException is not public
            throw BackendErrors.failed(deployment + ": llama.cpp failed to embed: " + e.getMessage(), e);
        } finally {
            model.slots.release();
        }
    }

    static void normalise(float[] v) {
        double sum = 0;
        for (float x : v) sum += (double) x * x;
        double norm = Math.sqrt(sum);
        if (norm == 0) return;
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] / norm);
    }

    private static JsonArray floats(float[] values) {
        List<JsonValue> out = new ArrayList<>(values.length);
        for (float v : values) out.add(JsonNumber.of(v));
        return JsonArray.of(out);
    }

    private static String base64(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) buffer.putFloat(v);
        return Base64.getEncoder().encodeToString(buffer.array());
    }
}
