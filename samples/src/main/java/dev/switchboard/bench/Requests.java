package dev.switchboard.bench;

/** The one request both clients send, written once per SDK with the same builder calls. */
final class Requests {
    private Requests() {}

    static final String API_KEY = "sk-bench-not-a-real-key";
    static final String MODEL = "gpt-4o-mini";
    static final String SYSTEM = "You are a concise assistant. Answer in one sentence.";
    static final String USER = "In one sentence: why would an application route its OpenAI calls through an in-process router?";

    static dev.switchboard.models.chat.completions.ChatCompletionCreateParams switchboard() {
        return switchboard(MODEL);
    }

    static dev.switchboard.models.chat.completions.ChatCompletionCreateParams switchboard(String model) {
        return dev.switchboard.models.chat.completions.ChatCompletionCreateParams.builder()
                .model(model)
                .addSystemMessage(SYSTEM)
                .addUserMessage(USER)
                .maxCompletionTokens(64)
                .temperature(0.2)
                .build();
    }

    static com.openai.models.chat.completions.ChatCompletionCreateParams official() {
        return com.openai.models.chat.completions.ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addSystemMessage(SYSTEM)
                .addUserMessage(USER)
                .maxCompletionTokens(64)
                .temperature(0.2)
                .build();
    }

    /** Fails the benchmark's setup when a client did not get the whole canned answer: no figures for a broken path. */
    static void expect(String client, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(client + " got " + actual + " from the loopback server, expected " + expected
                    + "; the benchmark would measure a broken call");
        }
    }
}
