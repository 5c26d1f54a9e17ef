package dev.switchboard.chaos;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one right answer to each chaos call, as both servers give it: call {@code n} is asked
 * "chaos call n" and answers {@link #CHUNKS} words naming the call and their place, whole or streamed.
 */
final class Answers {
    static final int CHUNKS = 8;
    private static final Pattern CALL = Pattern.compile("chaos call (\\d+)");

    private Answers() {}

    static String prompt(int call) {
        return "chaos call " + call;
    }

    /** The call a request body asks for, or -1 when it names none. */
    static int callOf(String requestBody) {
        Matcher m = CALL.matcher(requestBody);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String word(int call, int index) {
        return "c" + call + "w" + index + " ";
    }

    /** The text the caller must end up with, whole or streamed. */
    static String text(int call) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < CHUNKS; i++) out.append(word(call, i));
        return out.toString();
    }

    static String completion(int call) {
        return """
                {"id":"chatcmpl-%d","object":"chat.completion","created":1700000000,"model":"chaos",\
                "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":4,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(call, text(call), CHUNKS, CHUNKS + 4);
    }

    /** The first {@code count} events of the stream, each a whole {@code data:} event. */
    static String events(int call, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("data: ").append("""
                    {"id":"chatcmpl-%d","object":"chat.completion.chunk","created":1700000000,"model":"chaos",\
                    "choices":[{"index":0,"delta":{"content":"%s"},"finish_reason":null}]}"""
                    .formatted(call, word(call, i))).append("\n\n");
        }
        return out.toString();
    }

    /** The whole stream: every word, the finish reason, then [DONE]. */
    static String stream(int call) {
        return events(call, CHUNKS) + "data: " + """
                {"id":"chatcmpl-%d","object":"chat.completion.chunk","created":1700000000,"model":"chaos",\
                "choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"""
                .formatted(call) + "\n\ndata: [DONE]\n\n";
    }
}
