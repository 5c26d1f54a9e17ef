package dev.switchboard.client.internal;

import dev.switchboard.core.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * A request's size in tokens, estimated from the text it sends at about four characters a token:
 * close enough to skip deployments whose context window cannot hold it, without a tokenizer.
 */
final class TokenEstimate {
    private static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {}

    /** The tokens of every string in {@code body} (a params object, a model, any JSON). */
    static int of(Object body) {
        long chars = JsonValue.from(body).accept(new Characters());
        return (int) Math.min(Integer.MAX_VALUE, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    private static final class Characters implements JsonValue.Visitor<Long> {
        @Override
        public Long visitString(String value) {
            // An inline image or file (a data URL) is not text: its base64 says nothing of its tokens.
            return value.startsWith("data:") ? 0L : (long) value.length();
        }

        @Override
        public Long visitArray(List<JsonValue> values) {
            long n = 0;
            for (JsonValue v : values) n += v.accept(this);
            return n;
        }

        @Override
        public Long visitObject(Map<String, JsonValue> values) {
            long n = 0;
            for (JsonValue v : values.values()) n += v.accept(this);
            return n;
        }

        @Override
        public Long visitDefault() {
            return 0L;
        }
    }
}
