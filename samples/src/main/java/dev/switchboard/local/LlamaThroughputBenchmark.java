package dev.switchboard.local;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;

/**
 * Generation speed through Switchboard (client, router, llama backend, streamed chunks) against
 * de.kherud:llama called directly, on the same model file with the same settings, in the same run:
 * greedy decoding of the same prompt, alternating rounds so neither side gets a warmer machine.
 * Prints tokens per second for each and their ratio.
 *
 * <pre>mvn -q -pl samples exec:java -Dexec.mainClass=dev.switchboard.local.LlamaThroughputBenchmark [-Dexec.args="model.gguf rounds tokens"]</pre>
 */
public final class LlamaThroughputBenchmark {
    public static void main(String[] args) {
        String model = args.length > 0 ? args[0] : "../shared/models/stories260K.gguf";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int tokens = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int threads = Runtime.getRuntime().availableProcessors();

        Deployment deployment = Deployment.builder().name("bench").kind("llama").model(model)
                .putOption("context_size", 512).putOption("threads", threads).build();
        Router router = Router.builder().addPool(Pool.builder().name("bench").addDeployment(deployment).build()).build();
        try (OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build()) {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("bench")
                    .addUserMessage("Once upon a time").temperature(0.0).maxCompletionTokens(tokens).build();
            streamSwitchboard(client, params); // warm-up, and the load (Switchboard's, which prints nothing)
            // The direct side loads its own copy with the settings Switchboard uses (logging off, prompt cache off).
            LlamaModel direct = new LlamaModel(new ModelParameters().setModel(model).setCtxSize(512).setThreads(threads)
                    .setThreadsBatch(threads).setParallel(1).disableLog());
            streamDirect(direct, tokens);
            long switchboardNanos = 0;
            long directNanos = 0;
            long switchboardTokens = 0;
            long directTokens = 0;
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                switchboardTokens += streamSwitchboard(client, params);
                switchboardNanos += System.nanoTime() - start;
                start = System.nanoTime();
                directTokens += streamDirect(direct, tokens);
                directNanos += System.nanoTime() - start;
            }
            double viaSwitchboard = switchboardTokens / (switchboardNanos / 1e9);
            double viaDirect = directTokens / (directNanos / 1e9);
            System.out.printf("model %s, %d rounds of %d tokens, %d threads%n", model, rounds, tokens, threads);
            System.out.printf("switchboard: %.0f tokens/s%n", viaSwitchboard);
            System.out.printf("de.kherud  : %.0f tokens/s%n", viaDirect);
            System.out.printf("ratio      : %.3f%n", viaSwitchboard / viaDirect);
        }
        System.exit(0); // the direct model's native thread would keep the JVM alive (Switchboard's guard adopts only its own)
    }

    /** Streams one answer; returns the tokens it took (from the usage chunk). */
    private static long streamSwitchboard(OpenAIClient client, ChatCompletionCreateParams params) {
        ChatCompletionCreateParams withUsage = params.toBuilder().streamOptions(
                dev.switchboard.models.chat.completions.ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(withUsage)) {
            return stream.stream().filter(c -> c.usage().isPresent()).mapToLong(c -> c.usage().get().completionTokens())
                    .sum();
        }
    }

    private static long streamDirect(LlamaModel model, int tokens) {
        long n = 0;
        InferenceParameters p = new InferenceParameters("Once upon a time").setNPredict(tokens).setTemperature(0f)
                .setCachePrompt(false);
        for (LlamaOutput ignored : model.generate(p)) n++;
        return n - 1; // the closing result carries no token
    }
}
