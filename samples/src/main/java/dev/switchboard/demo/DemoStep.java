package dev.switchboard.demo;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.util.function.Function;
import java.util.function.Supplier;

/** How the demo runs and prints one call: its name, what came back (one line) and how long it took. */
final class DemoStep {
    private DemoStep() {}

    /** The text of a streamed chat completion, read to its end. */
    static String streamed(OpenAIClient client, ChatCompletionCreateParams params) {
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
        }
        return text.toString();
    }

    /** Runs one call, printing its result or its error and the time it took; null when it failed. */
    static <T> T step(String name, Supplier<T> call, Function<T, String> describe) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            System.out.printf("  %-30s %-76s %6d ms%n", name, describe.apply(result), (System.nanoTime() - start) / 1_000_000);
            return result;
        } catch (RuntimeException e) {
            System.out.printf("  %-30s failed: %s%n", name, e.getMessage());
            return null;
        }
    }

    /** {@code text} on one line, quoted, cut at 72 characters. */
    static String quote(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > 72 ? oneLine.substring(0, 71) + "…" : oneLine) + "\"";
    }
}
