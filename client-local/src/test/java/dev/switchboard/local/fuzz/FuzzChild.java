package dev.switchboard.local.fuzz;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.local.testing.TestAudio;
import dev.switchboard.local.tiny.TinyLlama;
import dev.switchboard.models.ResponseFormatJsonSchema;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.RetryPolicy;
import dev.switchboard.router.Router;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The child JVM of a fuzz run: runs cases {@code from} to {@code to} (exclusive) of one kind through
 * the local engines (llama, whisper) and writes to stdout, for each, a line {@code start <i>} before it and a line
 * {@code end <i> <outcome>} after it, so that a crash pins down its case. Outcomes are
 * {@code answer <what>} or {@code exception <class> <message>}. Run by {@link ForkedFuzz}; alone:
 * {@code java -cp <test class path> dev.switchboard.local.fuzz.FuzzChild gguf <seed> <from> <to> <dir>}.
 */
public final class FuzzChild {
    private static final String POOL = "fuzz";

    private FuzzChild() {}

    public static void main(String[] args) throws Exception {
        FuzzKind kind = FuzzKind.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        long seed = Long.parseLong(args[1]);
        int from = Integer.parseInt(args[2]);
        int to = Integer.parseInt(args[3]);
        Path dir = Path.of(args[4]);
        // Our lines only: whatever else writes to stdout goes to stderr.
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Path schemaModel = kind == FuzzKind.SCHEMA ? TinyLlama.builder().seed(3).contextLength(256).build().write(dir.resolve("schema-model.gguf")) : null;
        for (int i = from; i < to; i++) {
            String outcome;
            long started = System.nanoTime();
            try {
                Case c = prepare(kind, kind.caseSeed(seed, i), i, dir, schemaModel);
                out.println("start " + i + " " + oneLine(c.description));
                outcome = "answer " + oneLine(c.run.call());
            } catch (Throwable e) {
                outcome = "exception " + e.getClass().getName() + " " + oneLine(String.valueOf(e.getMessage()));
                if (!(e instanceof dev.switchboard.errors.OpenAIException)) {
                    // Not one of ours: where it came from, for whoever reads the child's stderr.
                    System.err.println("case " + i + ":");
                    StackTraceElement[] frames = e.getStackTrace();
                    System.err.println(e);
                    for (int f = 0; f < Math.min(40, frames.length); f++) System.err.println("\tat " + frames[f]);
                }
            }
            out.println("end " + i + " " + outcome + " [" + (System.nanoTime() - started) / 1_000_000 + " ms]");
        }
        out.flush();
        System.exit(0);
    }

    /** One case: what was mutated, and the call that tries it. */
    private static final class Case {
        final String description;
        final Callable<String> run;

        Case(String description, Callable<String> run) {
            this.description = description;
            this.run = run;
        }
    }

    private static Case prepare(FuzzKind kind, long caseSeed, int index, Path dir, Path schemaModel) throws Exception {
        switch (kind) {
            case GGUF: {
                GgufMutations.Mutant mutant = GgufMutations.of(caseSeed);
                Path file = Files.write(dir.resolve("case-" + index + ".gguf"), mutant.bytes());
                return new Case(mutant.description(), () -> {
                    try {
                        return chat(Deployment.builder().name("mutant").kind("llama").model(file.toString())
                                .putOption("context_size", 64).putOption("threads", 1).putOption("parallel", 1).build(),
                                ask().build());
                    } finally {
                        Files.deleteIfExists(file);
                    }
                });
            }
            case SCHEMA: {
                SchemaMutations.Mutant mutant = generated(() -> SchemaMutations.of(caseSeed));
                ChatCompletionCreateParams.Builder params = ask();
                boolean tool = index % 4 == 3;
                if (tool) {
                    // The same schema as a tool's parameters: the tool path compiles it into a grammar too.
                    JsonValue function = JsonObject.of(Map.of("name", JsonString.of("act"), "parameters", mutant.schema()));
                    JsonValue toolJson = JsonObject.of(Map.of("type", JsonString.of("function"), "function", function));
                    params.putAdditionalBodyProperty("tools", JsonArray.of(List.of(toolJson)))
                            .putAdditionalBodyProperty("tool_choice", JsonString.of("required"));
                } else {
                    params.responseFormat(ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                            .name("fuzz").schema(generated(() -> mutant.schema().convert(ResponseFormatJsonSchema.JsonSchema.Schema.class)))
                            .build()).build());
                }
                Deployment deployment = Deployment.builder().name("schema").kind("llama").model(schemaModel.toString())
                        .putOption("context_size", 256).putOption("threads", 1).putOption("parallel", 1).build();
                return new Case((tool ? "tool parameters: " : "response_format: ") + mutant.description(),
                        () -> chat(deployment, params.build()));
            }
            case WHISPER: {
                WhisperMutations.Mutant mutant = WhisperMutations.of(caseSeed);
                Path file = Files.write(dir.resolve("case-" + index + ".bin"), mutant.bytes());
                return new Case(mutant.description(), () -> {
                    try {
                        return transcribe(Deployment.builder().name("mutant").kind("whisper").model(file.toString())
                                .putOption("threads", 1).build());
                    } finally {
                        Files.deleteIfExists(file);
                    }
                });
            }
            default:
                throw new AssertionError(kind);
        }
    }

    /** One second of speech-like sound, as a 16 kHz WAV. */
    private static final byte[] SPEECH = TestAudio.wav(TestAudio.babble(1.0, 16_000, 7), 1, 16_000, TestAudio.WavEncoding.PCM_16);

    private static String transcribe(Deployment deployment) {
        Router router = Router.builder().addPool(Pool.builder().name(POOL).addDeployment(deployment).build())
                .retryPolicy(RetryPolicy.builder().maxRetries(0).build()).healthPolicy(HealthPolicy.disabled()).build();
        try (OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build()) {
            String text = client.audio().transcriptions().create(TranscriptionCreateParams.builder().model(POOL).file(SPEECH)
                    .temperature(0.0).build()).asTranscription().text();
            return "text " + text.substring(0, Math.min(40, text.length()));
        }
    }

    private static ChatCompletionCreateParams.Builder ask() {
        return ChatCompletionCreateParams.builder().model(POOL).addUserMessage("Hello").maxCompletionTokens(6).temperature(0.0);
    }

    /** One call through the official-shaped client, on a router with nothing but the deployment, tried once. */
    private static String chat(Deployment deployment, ChatCompletionCreateParams params) {
        Router router = Router.builder().addPool(Pool.builder().name(POOL).addDeployment(deployment).build())
                .retryPolicy(RetryPolicy.builder().maxRetries(0).build()).healthPolicy(HealthPolicy.disabled()).build();
        try (OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build()) {
            ChatCompletion completion = client.chat().completions().create(params);
            String text = completion.choices().get(0).message().content().orElse("");
            return completion.choices().get(0).finishReason().asString() + " "
                    + text.substring(0, Math.min(40, text.length())) + (completion.choices().get(0).message().toolCalls().isPresent() ? " (tool call)" : "");
        }
    }

    /** Builds a case on a thread with a deep stack: the generator recurses as deep as its schemas nest. */
    private static <T> T generated(java.util.function.Supplier<T> generator) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(generator.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fuzz-generator", 256L << 20);
        thread.start();
        thread.join();
        if (failure.get() != null) throw new IllegalStateException("the fuzz generator failed", failure.get());
        return result.get();
    }

    private static String oneLine(String s) {
        String line = s.replace('\n', ' ').replace('\r', ' ');
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
