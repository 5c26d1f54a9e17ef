package dev.switchboard.demo;

import static dev.switchboard.demo.DemoStep.quote;
import static dev.switchboard.demo.DemoStep.step;
import static dev.switchboard.demo.DemoStep.streamed;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.models.Model;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import dev.switchboard.router.RouterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: real calls through Switchboard's router, each printed with what came back and how
 * long it took. By default five pools run on the local engines inside this JVM, with no key and no
 * network ({@link LocalModels} says which models); {@code --config} names a router config file to use
 * instead; with {@code --base-url} (or OPENAI_BASE_URL / OPENAI_API_KEY) the calls go to that
 * OpenAI-compatible endpoint.
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

    @Option(names = "--model-file", description = "A GGUF model (a path or hf:owner/repo/file) for the llama engine "
            + "(default: shared/models/stories260K.gguf when found, else " + LocalModels.STORIES + " when cached, "
            + "else a tiny random model)")
    String modelFile;

    @Option(names = "--whisper-model", description = "A whisper.cpp ggml model (a path or hf:owner/repo/file) "
            + "(default: " + LocalModels.WHISPER_TINY_EN + " when cached, else a tiny random model)")
    String whisperModel;

    @Option(names = "--image-model", description = "A Stable Diffusion 1.5 ONNX folder (a path or hf:owner/repo) "
            + "(default: a tiny random pipeline)")
    String imageModel;

    @Option(names = "--download", description = "Download the default models that are not cached yet (about 75 MB)")
    boolean download;

    @Option(names = "--config", description = "A router config file (YAML): the demo calls its pools text-generation, "
            + "embeddings, transcription, speech and images")
    Path config;

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
        if (local || config != null || endpoint.isEmpty() && !hasKey) return runLocally();
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
            if (step("chat stream " + chatModel, () -> streamed(client, chat), DemoStep::quote) == null) failures++;
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
     * Five pools on the local engines inside this JVM: {@code text-generation} and {@code embeddings}
     * on llama.cpp, {@code transcription} on whisper.cpp, {@code speech} on flite or FreeTTS,
     * {@code images} on the Stable Diffusion pipeline; or the pools of {@code --config}.
     */
    private int runLocally() {
        if (prompt == null) prompt = "Once upon a time";
        Path scratch = scratchFolder();
        Router router;
        List<String> noise = new ArrayList<>();
        if (config != null) {
            router = RouterConfig.load(config).applyTo(Router.builder()).build();
            System.out.println("Switchboard demo: the pools of " + config);
        } else {
            LocalModels models = new LocalModels(scratch, download, System.out);
            LocalModels.Choice text = models.llama(modelFile);
            LocalModels.Choice whisper = models.whisper(whisperModel);
            LocalModels.Choice diffusion = models.diffusion(imageModel);
            router = localRouter(text, whisper, diffusion, scratch);
            System.out.println("Switchboard demo: five pools on the local engines in this JVM");
            describe("text-generation, embeddings", "llama.cpp", text, noise);
            describe("transcription", "whisper.cpp", whisper, noise);
            System.out.printf("  %-30s %s%n", "speech", "flite when its library loads, else FreeTTS");
            describe("images", "Stable Diffusion 1.5 on ONNX Runtime", diffusion, noise);
            if (!noise.isEmpty()) {
                System.out.println("  Tiny random models stand in for " + String.join(" and ", noise)
                        + ": what they give back is noise, proof of the plumbing, not of a model.");
                System.out.println("  --download, --whisper-model and --image-model bring real ones.");
            }
        }
        System.out.println();
        OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build();
        try {
            int failures = new LocalCalls(client, router.pools().keySet()).run(prompt, noise);
            System.out.println();
            System.out.println("Router statistics:");
            router.stats().deployments().forEach(d -> System.out.println("  " + d));
            return failures == 0 ? 0 : 1;
        } finally {
            client.close();
        }
    }

    private static Router localRouter(LocalModels.Choice text, LocalModels.Choice whisper, LocalModels.Choice diffusion,
            Path scratch) {
        Deployment llama = Deployment.builder().name("llama-local").kind("llama").model(text.model)
                .putOption("context_size", 512).putOption("embeddings", true).build();
        Deployment images = Deployment.builder().name("diffusion-local").kind("diffusion").model(diffusion.model)
                .putOption("output_dir", scratch.toString())
                .putOption("steps", diffusion.noise ? 4 : 20)
                .putOption("size", diffusion.noise ? "64x64" : "512x512").build();
        return Router.builder()
                .addPool(Pool.builder().name("text-generation").addDeployment(llama).build())
                .addPool(Pool.builder().name("embeddings").addDeployment(llama.toBuilder().name("llama-embed").build()).build())
                .addPool(Pool.builder().name("transcription").addDeployment(Deployment.builder().name("whisper-local")
                        .kind("whisper").model(whisper.model).build()).build())
                .addPool(Pool.builder().name("speech").addDeployment(Deployment.builder().name("speech-local")
                        .kind("speech").build()).build())
                .addPool(Pool.builder().name("images").addDeployment(images).build())
                .healthPolicy(HealthPolicy.disabled())
                .build();
    }

    private static void describe(String pools, String engine, LocalModels.Choice choice, List<String> noise) {
        System.out.printf("  %-30s %s: %s (%s)%n", pools, engine, choice.model, choice.origin);
        if (choice.noise) noise.add(pools);
    }

    /** Where tiny models and images go: a fresh temporary folder; the models are removed at exit, images kept. */
    private static Path scratchFolder() {
        try {
            Path scratch = Files.createTempDirectory("switchboard-demo-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteModels(scratch)));
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the demo", e);
        }
    }

    private static void deleteModels(Path scratch) {
        try (Stream<Path> paths = Files.walk(scratch)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.getFileName().toString().endsWith(".png"))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary folder left behind is no reason to fail at exit.
        }
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) value = System.getenv(variable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
