package dev.switchboard.samples;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * An OpenAI endpoint scripted by path. Each answer depends only on its request, never on what came
 * before, so two runs of a sample against it see the same answers when they send the same requests.
 */
final class ScriptedOpenAi extends Dispatcher {
    static final String MODEL = "gpt-4o-mini";
    static final long CREATED = 1_700_000_000L;
    static final List<String> STORY = List.of("Once", " upon", " a", " time", ",", " an", " SDK", " shipped", " on", " Friday", ".");

    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

    /** The bytes the speech endpoint answers with: an ID3 tag, then a deterministic pattern. */
    static byte[] speechBytes() {
        byte[] bytes = new byte[3_000];
        bytes[0] = 'I';
        bytes[1] = 'D';
        bytes[2] = '3';
        for (int i = 3; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        return bytes;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String route = request.getMethod() + " " + request.getRequestUrl().encodedPath();
        switch (route) {
            case "POST /v1/chat/completions": {
                Map<String, Object> body = jsonBody(request);
                if (!MODEL.equals(body.get("model"))) {
                    return error(404, "The model `" + body.get("model") + "` does not exist or you do not have access to it.",
                            "invalid_request_error", "model_not_found");
                }
                return Boolean.TRUE.equals(body.get("stream")) ? chatStream(body) : json(chat(body));
            }
            case "POST /v1/embeddings":
                return json(embeddings(jsonBody(request)));
            case "POST /v1/audio/transcriptions":
                return transcription(request);
            case "POST /v1/audio/speech":
                return new MockResponse().setHeader("Content-Type", "audio/mpeg").setBody(new Buffer().write(speechBytes()));
            case "POST /v1/images/generations":
                return json(images(jsonBody(request)));
            case "GET /v1/models":
                return json(models());
            default:
                return error(404, "No scripted answer for " + route, "invalid_request_error", null);
        }
    }

    private static Map<String, Object> chat(Map<String, Object> body) {
        List<Map<String, Object>> messages = list(body.get("messages"));
        Map<String, Object> last = messages.get(messages.size() - 1);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        String finishReason = "stop";
        if (body.containsKey("tools") && "user".equals(last.get("role"))) {
            message.put("content", null);
            message.put("tool_calls", List.of(
                    toolCall("call_paris", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
                    toolCall("call_oslo", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}")));
            finishReason = "tool_calls";
        } else if ("tool".equals(last.get("role"))) {
            List<String> results = new ArrayList<>();
            for (Map<String, Object> m : messages) {
                if ("tool".equals(m.get("role"))) results.add(m.get("tool_call_id") + "=" + m.get("content"));
            }
            message.put("content", "From " + String.join(", ", results) + ": take an umbrella to Oslo.");
        } else if (body.get("response_format") instanceof Map
                && "json_schema".equals(map(body.get("response_format")).get("type"))) {
            message.put("content", JSON.toJson(Map.of("employees", List.of("Ada", "Grace", "Linus"))));
        } else {
            long answered = messages.stream().filter(m -> "assistant".equals(m.get("role"))).count();
            message.put("content", "Answer " + (answered + 1) + " to " + describe(last.get("content")) + ".");
        }
        message.put("refusal", null);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        return Map.of(
                "id", "chatcmpl-" + messages.size(),
                "object", "chat.completion",
                "created", CREATED,
                "model", MODEL,
                "choices", List.of(choice),
                "usage", Map.of("prompt_tokens", 10 * messages.size(), "completion_tokens", 7, "total_tokens", 10 * messages.size() + 7));
    }

    /** A message's content in words that do not depend on the order of keys in the request. */
    private static String describe(Object content) {
        if (!(content instanceof List)) return "\"" + content + "\"";
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> part : ScriptedOpenAi.<Map<String, Object>>list(content)) {
            Object type = part.get("type");
            if ("text".equals(type)) {
                parts.add("text \"" + part.get("text") + "\"");
            } else if ("image_url".equals(type)) {
                Map<String, Object> image = map(part.get("image_url"));
                parts.add("an image at " + image.get("url") + " in " + image.get("detail") + " detail");
            } else {
                parts.add("a part of type " + type);
            }
        }
        return String.join(" and ", parts);
    }

    private static MockResponse transcription(RecordedRequest request) {
        Object format = null;
        for (RecordedCall.Part part : RecordedCall.<RecordedCall.Part>list(RecordedCall.of(request).body())) {
            if (part.name().equals("response_format")) format = part.content().utf8();
        }
        if ("vtt".equals(format)) {
            return new MockResponse().setHeader("Content-Type", "text/vtt; charset=utf-8")
                    .setBody("WEBVTT\n\n00:00:00.000 --> 00:00:00.500\nHello from the scripted transcription server.\n");
        }
        return json(Map.of("text", "Hello from the scripted transcription server."));
    }

    private static Map<String, Object> toolCall(String id, String arguments) {
        return Map.of("id", id, "type", "function", "function", Map.of("name", "get_weather", "arguments", arguments));
    }

    private static MockResponse chatStream(Map<String, Object> body) {
        StringBuilder events = new StringBuilder();
        events.append(event(chunk(Map.of("role", "assistant", "content", ""), null)));
        for (String piece : STORY) events.append(event(chunk(Map.of("content", piece), null)));
        events.append(event(chunk(Map.of(), "stop")));
        if (body.get("stream_options") instanceof Map && Boolean.TRUE.equals(map(body.get("stream_options")).get("include_usage"))) {
            // As OpenAI does: one last chunk without choices, carrying the usage of the whole stream.
            events.append(event(Map.of("id", "chatcmpl-stream", "object", "chat.completion.chunk", "created", CREATED,
                    "model", MODEL, "choices", List.of(),
                    "usage", Map.of("prompt_tokens", 20, "completion_tokens", STORY.size(), "total_tokens", 20 + STORY.size()))));
        }
        events.append("data: [DONE]\n\n");
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(events.toString());
    }

    private static Map<String, Object> chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        return Map.of("id", "chatcmpl-stream", "object", "chat.completion.chunk", "created", CREATED, "model", MODEL,
                "choices", List.of(choice));
    }

    private static String event(Object data) {
        return "data: " + JSON.toJson(data) + "\n\n";
    }

    private static Map<String, Object> embeddings(Map<String, Object> body) {
        Object input = body.get("input");
        List<Object> texts = input instanceof List ? list(input) : List.of(input);
        int dimensions = body.get("dimensions") instanceof Number ? ((Number) body.get("dimensions")).intValue() : 8;
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = String.valueOf(texts.get(i));
            float[] vector = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                // Texts that share their first letters point in similar directions.
                vector[d] = ((text.charAt(d % text.length()) * (d + 3)) % 200 - 100) / 128f;
            }
            Object encoded = "base64".equals(body.get("encoding_format")) ? base64(vector) : floats(vector);
            data.add(Map.of("object", "embedding", "index", i, "embedding", encoded));
        }
        return Map.of("object", "list", "data", data, "model", body.get("model"),
                "usage", Map.of("prompt_tokens", 5 * texts.size(), "total_tokens", 5 * texts.size()));
    }

    /** Little-endian float32, base64-encoded, as the OpenAI API sends vectors when asked for base64. */
    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) bytes.putFloat(v);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static List<Double> floats(float[] vector) {
        List<Double> values = new ArrayList<>();
        for (float v : vector) values.add((double) v);
        return values;
    }

    private static Map<String, Object> images(Map<String, Object> body) {
        int n = body.get("n") instanceof Number ? ((Number) body.get("n")).intValue() : 1;
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            data.add(Map.of("url", "https://images.example/generated-" + i + ".png", "revised_prompt", body.get("prompt") + " (take " + i + ")"));
        }
        return Map.of("created", CREATED, "data", data);
    }

    private static Map<String, Object> models() {
        return Map.of("object", "list", "data", List.of(
                model("gpt-4o-mini", "system"),
                model("text-embedding-3-small", "system"),
                model("whisper-1", "openai-internal")));
    }

    private static Map<String, Object> model(String id, String owner) {
        return Map.of("id", id, "object", "model", "created", CREATED, "owned_by", owner);
    }

    /** An error as OpenAI sends it: message, type, param and code, the last two possibly null. */
    private static MockResponse error(int status, String message, String type, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", null);
        error.put("code", code);
        return json(Map.of("error", error)).setResponseCode(status);
    }

    private static MockResponse json(Object body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(JSON.toJson(body));
    }

    private static Map<String, Object> jsonBody(RecordedRequest request) {
        try {
            return map(JSON.fromJson(request.getBody().clone().readUtf8()));
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return (List<T>) o;
    }
}
