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
import dev.switchboard.router.Deployment;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: real calls through Switchboard's router, each printed with what came back and how
 * long it took. By default the router's pools run on the local llama.cpp engine inside this JVM,
 * with the tiny real model in {@code shared/models/stories260K.gguf} (or {@code --model-file});
 * with {@code --base-url} (or OPENAI_BASE_URL / OPENAI_API_KEY) the calls go to that
 * OpenAI-compatible endpoint instead.
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

    @Option(names = "--prompt", description = "What to ask (default: a greeting for an endpoint, a story opening for the local model)")
    String prompt;

    @Option(names = "--model-file", description = "A GGUF model (a path or hf:owner/repo/file) for the local engine "
            + "(default: the first of " + "../shared/models/stories260K.gguf, shared/models/stories260K.gguf that exists)")
    String modelFile;

    @Option(names = "--local", description = "Use the local engine even when an endpoint is configured")
    boolean local;

    public static void main(String[] args) {
        int status = new CommandLine(new Demo()).execute(args);
        if (status != 0) System.exit(status);
    }

    @Override
    public Integer call() {
        Optional<String> endpoint = Optional.ofNullable(baseUrl).or(() -> setting("openai.baseUrl", "OPENAI_BASE_URL"));
        boolean hasKey = setting("openai.apiKey", "OPENAI_API_KEY").isPresent();
        if (local || endpoint.isEmpty() && !hasKey) return runLocally();
        if (prompt == null) prompt = "Say hello to a new Switchboard user in one sentence.";
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

    /**
     * Two pools on the local llama engine, one model shared by both: {@code text-generation} and
     * {@code embeddings}, each call made through the official-shaped API.
     */
    private int runLocally() {
        Optional<String> model = Optional.ofNullable(modelFile).or(Demo::sharedModel);
        if (model.isEmpty()) {
            System.out.println("Switchboard demo: no model for the local engine and no endpoint to route to.");
            System.out.println("Pass --model-file (a GGUF path or hf:owner/repo/file), or run from the project folder next to");
            System.out.println("shared/models/stories260K.gguf, or set OPENAI_BASE_URL / OPENAI_API_KEY (or --base-url).");
            return 2;
        }
        if (prompt == null) prompt = "Once upon a time";
        Deployment llama = Deployment.builder().name("llama-local").kind("llama").model(model.get())
                .putOption("context_size", 512).putOption("embeddings", true).build();
        Router router = Router.builder()
                .addPool(Pool.builder().name("text-generation").addDeployment(llama).build())
                .addPool(Pool.builder().name("embeddings").addDeployment(llama.toBuilder().name("llama-embed").build()).build())
                .healthPolicy(HealthPolicy.disabled())
                .build();
        System.out.println("Switchboard demo: pools text-generation and embeddings on the local llama.cpp engine, model "
                + model.get());
        OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build();
        try {
            int failures = 0;
            ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder().model("text-generation")
                    .addUserMessage(prompt).temperature(0.0).maxCompletionTokens(48).build();
            if (step("chat text-generation", () -> client.chat().completions().create(chat),
                    (ChatCompletion c) -> quote(prompt + c.choices().get(0).message().content().orElse(""))) == null) failures++;
            if (step("chat stream text-generation", () -> streamed(client, chat), text -> quote(prompt + text)) == null) failures++;
            if (step("embeddings embeddings", () -> client.embeddings().create(EmbeddingCreateParams.builder()
                            .model("embeddings").input("Switchboard routes every call.").build()),
                    (CreateEmbeddingResponse e) -> e.data().get(0).embedding().size() + " dimensions") == null) failures++;
            System.out.println();
            System.out.println("Router statistics:");
            router.stats().deployments().forEach(d -> System.out.println("  " + d));
            return failures == 3 ? 1 : 0;
        } finally {
            client.close();
        }
    }

    private static Optional<String> sharedModel() {
        for (String candidate : new String[] {"../shared/models/stories260K.gguf", "shared/models/stories260K.gguf",
                "../../shared/models/stories260K.gguf"}) {
            if (Files.isRegularFile(Path.of(candidate))) return Optional.of(candidate);
        }
        return Optional.empty();
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
            System.out.printf("  %-30s %-76s %6d ms%n", name, describe.apply(result), (System.nanoTime() - start) / 1_000_000);
            return result;
        } catch (RuntimeException e) {
            System.out.printf("  %-30s failed: %s%n", name, e.getMessage());
            return null;
        }
    }

    private static String quote(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > 72 ? oneLine.substring(0, 71) + "…" : oneLine) + "\"";
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) value = System.getenv(variable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
