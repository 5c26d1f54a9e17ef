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

    /** What the model answers to a {@code json_schema} response format, by the schema's name. */
    private static final Map<String, String> STRUCTURED_ANSWERS = Map.of(
            "employee-list", "{\"employees\":[\"Ada\",\"Grace\",\"Linus\"]}",
            "json-schema-from-ExchangeList", "{\"exchanges\":["
                    + "{\"city\":\"New Haven\",\"opened\":1878,\"switching\":\"MANUAL\","
                    + "\"chiefOperator\":{\"name\":\"George W. Coy\",\"yearsOfService\":null},"
                    + "\"note\":\"The first commercial telephone exchange.\"},"
                    + "{\"city\":\"Boston\",\"opened\":1878,\"switching\":\"MANUAL\","
                    + "\"chiefOperator\":{\"name\":\"Emma Nutt\",\"yearsOfService\":33},\"note\":null},"
                    + "{\"city\":\"La Porte\",\"opened\":1892,\"switching\":\"STEP_BY_STEP\","
                    + "\"chiefOperator\":{\"name\":\"Almon Strowger\",\"yearsOfService\":null},"
                    + "\"note\":\"An automatic exchange: callers dialled without an operator.\"}]}",
            "json-schema-from-InventionList", "{\"inventions\":["
                    + "{\"name\":\"Electric telegraph\",\"year\":1837,\"inventors\":["
                    + "{\"name\":\"William Cooke\",\"born\":1806},{\"name\":\"Charles Wheatstone\",\"born\":1802}]},"
                    + "{\"name\":\"Telephone\",\"year\":1876,\"inventors\":[{\"name\":\"Alexander Graham Bell\",\"born\":1847}]}]}",
            "json-schema-from-Recipe", "{\"title\":\"Simple pancakes\",\"servings\":4,"
                    + "\"ingredients\":[\"200 g flour\",\"2 eggs\",\"300 ml milk\",\"a pinch of salt\"],"
                    + "\"steps\":[{\"instruction\":\"Whisk everything into a smooth batter.\",\"minutes\":5},"
                    + "{\"instruction\":\"Let the batter rest.\",\"minutes\":15},"
                    + "{\"instruction\":\"Fry thin pancakes in a hot buttered pan.\",\"minutes\":20}]}");

    /** One call the model makes to a function it was offered. */
    private record ScriptedCall(String id, String arguments) {}

    /** The calls the model makes to each function it is offered, by the function's name. */
    private static final Map<String, List<ScriptedCall>> TOOL_CALLS = Map.of(
            "get_weather", List.of(
                    new ScriptedCall("call_paris", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
                    new ScriptedCall("call_oslo", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}")),
            "GetWeather", List.of(
                    new ScriptedCall("call_weather_paris", "{\"city\":\"Paris\",\"unit\":\"CELSIUS\"}"),
                    new ScriptedCall("call_weather_oslo", "{\"city\":\"Oslo\",\"unit\":\"CELSIUS\"}")),
            "GetSunset", List.of(
                    new ScriptedCall("call_sunset_oslo", "{\"city\":\"Oslo\"}")));

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
                String unscripted = unscripted(body);
                if (unscripted != null) return error(400, unscripted, "invalid_request_error", null);
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
            List<Map<String, Object>> calls = new ArrayList<>();
            for (String function : functionNames(body)) {
                for (ScriptedCall call : TOOL_CALLS.get(function)) calls.add(toolCall(call.id(), function, call.arguments()));
            }
            message.put("tool_calls", calls);
            finishReason = "tool_calls";
        } else if ("tool".equals(last.get("role"))) {
            List<String> results = new ArrayList<>();
            for (Map<String, Object> m : messages) {
                if ("tool".equals(m.get("role"))) results.add(m.get("tool_call_id") + "=" + m.get("content"));
            }
            message.put("content", "From " + String.join(", ", results) + ": take an umbrella to Oslo.");
        } else if (schemaName(body) != null) {
            message.put("content", STRUCTURED_ANSWERS.get(schemaName(body)));
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

    private static Map<String, Object> toolCall(String id, String function, String arguments) {
        return Map.of("id", id, "type", "function", "function", Map.of("name", function, "arguments", arguments));
    }

    /** Why the request asks for what this server has no answer to, or null when it has one. */
    private static String unscripted(Map<String, Object> body) {
        String schema = schemaName(body);
        if (schema != null && !STRUCTURED_ANSWERS.containsKey(schema)) {
            return "No scripted answer for the json_schema response format `" + schema
                    + "`; add one to ScriptedOpenAi.STRUCTURED_ANSWERS";
        }
        for (String function : functionNames(body)) {
            if (!TOOL_CALLS.containsKey(function)) {
                return "No scripted calls to the function `" + function + "`; add them to ScriptedOpenAi.TOOL_CALLS";
            }
        }
        return null;
    }

    /** The name of the request's json_schema response format, or null when it asks for none. */
    private static String schemaName(Map<String, Object> body) {
        if (!(body.get("response_format") instanceof Map)) return null;
        Map<String, Object> format = map(body.get("response_format"));
        if (!"json_schema".equals(format.get("type"))) return null;
        return String.valueOf(map(format.get("json_schema")).get("name"));
    }

    /** The names of the function tools the request offers, in order. */
    private static List<String> functionNames(Map<String, Object> body) {
        List<String> names = new ArrayList<>();
        if (!(body.get("tools") instanceof List)) return names;
        for (Map<String, Object> tool : ScriptedOpenAi.<Map<String, Object>>list(body.get("tools"))) {
            if ("function".equals(tool.get("type"))) names.add(String.valueOf(map(tool.get("function")).get("name")));
        }
        return names;
    }

    private static MockResponse chatStream(Map<String, Object> body) {
        StringBuilder events = new StringBuilder();
        events.append(event(chunk(Map.of("role", "assistant", "content", ""), null)));
        List<String> pieces = pieces(schemaName(body));
        for (String piece : pieces) events.append(event(chunk(Map.of("content", piece), null)));
        events.append(event(chunk(Map.of(), "stop")));
        if (body.get("stream_options") instanceof Map && Boolean.TRUE.equals(map(body.get("stream_options")).get("include_usage"))) {
            // As OpenAI does: one last chunk without choices, carrying the usage of the whole stream.
            events.append(event(Map.of("id", "chatcmpl-stream", "object", "chat.completion.chunk", "created", CREATED,
                    "model", MODEL, "choices", List.of(),
                    "usage", Map.of("prompt_tokens", 20, "completion_tokens", pieces.size(), "total_tokens", 20 + pieces.size()))));
        }
        events.append("data: [DONE]\n\n");
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(events.toString());
    }

    /** What a stream says, in pieces: the story, or a structured answer cut every 24 characters. */
    private static List<String> pieces(String schemaName) {
        if (schemaName == null) return STORY;
        String answer = STRUCTURED_ANSWERS.get(schemaName);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < answer.length(); i += 24) pieces.add(answer.substring(i, Math.min(answer.length(), i + 24)));
        return pieces;
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
