package dev.switchboard.demo;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.models.Model;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: real calls through Switchboard's router, each printed with what came back and how
 * long it took. Until the local engines land (switchboard-client-local), the router's only
 * deployment is an OpenAI-compatible endpoint: OpenAI, or a local server such as Ollama or
 * llama.cpp's llama-server.
 */
@Command(name = "switchboard-demo", mixinStandardHelpOptions = true,
        description = "Routes real calls through Switchboard's router and prints what came back and how long it took.")
public final class Demo implements Callable<Integer> {

    @Option(names = "--base-url", description = "An OpenAI-compatible API root, e.g. http://localhost:11434/v1 "
            + "(default: OPENAI_BASE_URL or openai.baseUrl)")
    String baseUrl;

    @Option(names = "--model", description = "The chat model (default: the first model the endpoint lists)")
    String model;

    @Option(names = "--embedding-model", description = "The embedding model (default: text-embedding-3-small on OpenAI, else the chat model)")
    String embeddingModel;

    @Option(names = "--prompt", defaultValue = "Say hello to a new Switchboard user in one sentence.",
            description = "What to ask (default: ${DEFAULT-VALUE})")
    String prompt;

    public static void main(String[] args) {
        int status = new CommandLine(new Demo()).execute(args);
        if (status != 0) System.exit(status);
    }

    @Override
    public Integer call() {
        Optional<String> endpoint = Optional.ofNullable(baseUrl).or(() -> setting("openai.baseUrl", "OPENAI_BASE_URL"));
        boolean hasKey = setting("openai.apiKey", "OPENAI_API_KEY").isPresent();
        if (endpoint.isEmpty() && !hasKey) {
            System.out.println("Switchboard demo: no endpoint to route to.");
            System.out.println("The local engines (switchboard-client-local) have not landed yet, so the router needs an");
            System.out.println("OpenAI-compatible endpoint: set OPENAI_BASE_URL (for example http://localhost:11434/v1 for");
            System.out.println("Ollama, http://localhost:8080/v1 for llama-server) or OPENAI_API_KEY for OpenAI, or pass --base-url.");
            return 0;
        }
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder().fromEnv();
        endpoint.ifPresent(builder::baseUrl);
        OpenAIClient client = builder.build();
        try {
            System.out.println("Switchboard demo: routing to " + endpoint.orElse("https://api.openai.com/v1"));
            int failures = 0;
            List<Model> models = step("models", () -> client.models().list().data(),
                    list -> list.size() + " models" + (list.isEmpty() ? "" : ", first " + list.get(0).id()));
            if (models == null) failures++;
            String chatModel = model != null ? model
                    : models != null && !models.isEmpty() ? models.get(0).id() : "gpt-4o-mini";
            ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder()
                    .model(chatModel).addUserMessage(prompt).maxCompletionTokens(64).build();
            if (step("chat " + chatModel, () -> client.chat().completions().create(chat),
                    (ChatCompletion c) -> quote(c.choices().get(0).message().content().orElse(""))) == null) failures++;
            if (step("chat stream " + chatModel, () -> streamed(client, chat), Demo::quote) == null) failures++;
            String embedding = embeddingModel != null ? embeddingModel
                    : endpoint.isEmpty() ? "text-embedding-3-small" : chatModel;
            if (step("embeddings " + embedding, () -> client.embeddings().create(EmbeddingCreateParams.builder()
                            .model(embedding).input("Switchboard routes every call.").build()),
                    (CreateEmbeddingResponse e) -> e.data().get(0).embedding().size() + " dimensions") == null) failures++;
            return failures == 4 ? 1 : 0;
        } finally {
            client.close();
        }
    }

    private static String streamed(OpenAIClient client, ChatCompletionCreateParams params) {
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
        }
        return text.toString();
    }

    /** Runs one call, printing its result or its error and the time it took; null when it failed. */
    private static <T> T step(String name, Supplier<T> call, java.util.function.Function<T, String> describe) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            System.out.printf("  %-40s %-60s %6d ms%n", name, describe.apply(result), (System.nanoTime() - start) / 1_000_000);
            return result;
        } catch (RuntimeException e) {
            System.out.printf("  %-40s failed: %s%n", name, e.getMessage());
            return null;
        }
    }

    private static String quote(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > 56 ? oneLine.substring(0, 55) + "…" : oneLine) + "\"";
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) value = System.getenv(variable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
