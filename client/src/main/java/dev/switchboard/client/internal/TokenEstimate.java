package dev.switchboard.client.internal;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A request's size in tokens, estimated from the text it sends at about four characters a token:
 * close enough to skip deployments whose context window cannot hold it, without a tokenizer.
 */
final class TokenEstimate {
    private static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {}

    /**
     * The tokens of every string in {@code body} (a params object, a model, any JSON). Walked with a
     * queue of its own rather than by recursion: a request nested thousands of levels deep (a JSON
     * schema, say) must reach the backend that refuses it, not overflow the caller's stack here.
     */
    static int of(Object body) {
        long chars = 0;
        Deque<JsonValue> pending = new ArrayDeque<>();
        pending.push(JsonValue.from(body));
        while (!pending.isEmpty()) {
            JsonValue value = pending.pop();
            if (value instanceof JsonString) {
                String s = ((JsonString) value).value();
                // An inline image or file (a data URL) is not text: its base64 says nothing of its tokens.
                if (!s.startsWith("data:")) chars += s.length();
            } else if (value instanceof JsonArray) {
                ((JsonArray) value).values().forEach(pending::push);
            } else if (value instanceof JsonObject) {
                ((JsonObject) value).values().values().forEach(pending::push);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }
}
