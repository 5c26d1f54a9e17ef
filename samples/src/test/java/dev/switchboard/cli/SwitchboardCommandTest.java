package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.models.Model;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.ScriptedBackend;
import dev.switchboard.testing.ScriptedBackendFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwitchboardCommandTest {
    private static final String CONFIG = String.join("\n",
            "pools:",
            "  text-generation:",
            "    deployments:",
            "      - name: cli-chat",
            "        engine: scripted",
            "        model: tiny-chat",
            "        reply: Hello from the CLI",
            "  embeddings:",
            "    deployments:",
            "      - engine: scripted",
            "  transcription:",
            "    deployments:",
            "      - engine: scripted",
            "        reply: You said",
            "  speech:",
            "    deployments:",
            "      - engine: scripted",
            "  images:",
            "    deployments:",
            "      - engine: scripted",
            "  broken:",
            "    deployments:",
            "      - name: cli-broken",
            "        engine: scripted",
            "        fail: down",
            "router:",
            "  health: false",
            "  backoff: 0s",
            "  retry_after_cap: 0s",
            "");

    @TempDir
    Path dir;

    private Path config() throws Exception {
        return config(CONFIG);
    }

    private Path config(String text) throws Exception {
        Path file = dir.resolve("switchboard.yaml");
        Files.writeString(file, text);
        return file;
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), args);
    }

    @Test
    void chatStreamsTheAnswerToStandardOutput() throws Exception {
        CliRun run = run("chat", "--config", config().toString(), "Say", "hello");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("Hello from the CLI\n");
        assertThat(run.err).isEmpty();
    }

    @Test
    void theConfigMayComeFromSwitchboardConfig() throws Exception {
        CliRun run = CliRun.of(Map.of("SWITCHBOARD_CONFIG", config().toString()), "chat", "--no-stream", "Hi");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("Hello from the CLI\n");
    }

    @Test
    void chatWithoutAPromptHoldsAConversationReadFromStandardInput() throws Exception {
        CliRun run = CliRun.of(Map.of(), "Hi\n\nAnd again\n/exit\n", g -> { }, "chat", "-c", config().toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("Chatting with pool text-generation. /reset forgets the conversation, /exit leaves.\n"
                + "> Hello from the CLI\n> > Hello from the CLI\n> ");
        ChatCompletionCreateParams last = (ChatCompletionCreateParams) ScriptedBackendFactory.MADE.get("cli-chat").lastParams.get();
        assertThat(last.messages()).hasSize(3);
    }

    @Test
    void withoutAConfigTheCommandSaysHowToGiveOne() {
        CliRun run = run("chat", "Hi");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).isEqualTo("switchboard: no router config: pass --config FILE or set SWITCHBOARD_CONFIG "
                + "(a YAML file with pools:, see the README)\n");
    }

    @Test
    void aConfigWithMistakesListsEachWithItsPlace() throws Exception {
        Path file = config("pools:\n  text-generation:\n    strategy: fastest\n    deployments:\n      - engine: scripted\n        wieght: 2\n");
        CliRun run = run("chat", "--config", file.toString(), "Hi");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("switchboard: The router config " + file + " has 2 problems:\n")
                .contains(file + ":3:15: pools.text-generation.strategy: unknown strategy 'fastest'")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownPoolIsAUsageErrorNamingThePools() throws Exception {
        CliRun run = run("chat", "--config", config().toString(), "--model", "gpt-9", "Hi");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).isEqualTo("switchboard: no pool 'gpt-9' in " + config() + "; its pools: text-generation, "
                + "embeddings, transcription, speech, images, broken. Pick one with --model.\n");
    }

    @Test
    void aFailedCallExitsWithOneAndTheMessageWithoutAStackTrace() throws Exception {
        CliRun run = run("chat", "--config", config().toString(), "--model", "broken", "Hi");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("switchboard: 500: cli-broken is down\n");
    }

    @Test
    void verbosePrintsTheStackTraceToo() throws Exception {
        CliRun run = run("chat", "--config", config().toString(), "--model", "broken", "--verbose", "Hi");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("dev.switchboard.errors.InternalServerException: 500: cli-broken is down\n\tat ")
                .endsWith("switchboard: 500: cli-broken is down\n");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = run("chat", "--frobnicate");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("Unknown option: '--frobnicate'");
    }

    @Test
    void embedPrintsEachVectorsSize() throws Exception {
        CliRun run = run("embed", "--config", config().toString(), "one", "two");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("[0] 3 dimensions: 0.2500 0.5000 0.7500\n");
    }

    @Test
    void transcribePrintsTheWords() throws Exception {
        Path audio = dir.resolve("hello.wav");
        Files.write(audio, new byte[] {1, 2, 3, 4});
        CliRun run = run("transcribe", "--config", config().toString(), audio.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("You said (4 bytes)\n");
    }

    @Test
    void transcribeOfAMissingFileIsAUsageError() throws Exception {
        CliRun run = run("transcribe", "--config", config().toString(), dir.resolve("nope.wav").toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).isEqualTo("switchboard: no audio file " + dir.resolve("nope.wav") + "\n");
    }

    @Test
    void speakWritesTheAudioToTheFile() throws Exception {
        Path out = dir.resolve("hello.wav");
        CliRun run = run("speak", "--config", config().toString(), "Hello", "there", "-o", out.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(ScriptedBackend.AUDIO);
        assertThat(run.out).isEqualTo("Wrote " + ScriptedBackend.AUDIO.length + " bytes of wav to " + out + "\n");
    }

    @Test
    void imagineWritesTheDecodedImage() throws Exception {
        Path out = dir.resolve("ball.png");
        CliRun run = run("imagine", "--config", config().toString(), "a", "red", "ball", "-o", out.toString(), "--steps", "4");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Base64.getDecoder().decode(ScriptedBackend.IMAGE_B64));
        assertThat(run.out).isEqualTo("Wrote 5 bytes to " + out + "\n");
    }

    @Test
    void imagineHandsTheDiffusionEngineItsProgressListenerAndWritesThePng() throws Exception {
        Path model = dev.switchboard.local.tiny.TinyDiffusion.builder().build().write(dir.resolve("tiny-sd"));
        Path file = config("pools:\n  images:\n    deployments:\n      - engine: diffusion\n        model: " + model
                + "\nrouter:\n  health: false\n");
        Path out = dir.resolve("ball.png");
        CliRun run = run("imagine", "--config", file.toString(), "a red ball", "-o", out.toString(), "--steps", "2",
                "--size", "256x256", "--seed", "1");
        assertThat(run.exitCode).as(run.toString()).isZero();
        byte[] png = Files.readAllBytes(out);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(run.out).isEqualTo("Wrote " + png.length + " bytes to " + out + "\n");
    }

    @Test
    void modelsListsPoolsAndDeploymentsWithHealth() throws Exception {
        CliRun run = run("models", "--config", config().toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("text-generation  (priority, 1 deployment)\n"
                + "  cli-chat               scripted  tiny-chat                                healthy     "
                + "chat,embeddings,speech,transcription,images,streaming\n");
        assertThat(run.out).contains("broken  (priority, 1 deployment)\n");
    }

    @Test
    void modelsExitsWithOneWhenADeploymentIsUnhealthy() throws Exception {
        Path file = config("pools:\n  text-generation:\n    deployments:\n      - name: sick\n        engine: scripted\n"
                + "        healthy: false\nrouter:\n  health: false\n");
        CliRun run = run("models", "--config", file.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains("  sick ").contains("unreachable").contains("      scripted: down\n");
    }

    @Test
    void pullOfALocalFilePrintsItsPath() throws Exception {
        Path model = dir.resolve("tiny.gguf");
        Files.write(model, new byte[] {1});
        CliRun run = run("pull", model.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo(model.toAbsolutePath() + "\n");
    }

    @Test
    void pullOfAnUncachedFileOfflineSaysSoAndExitsWithOne() {
        CliRun run = CliRun.of(Map.of("HF_HUB_OFFLINE", "1", "HF_HOME", dir.toString()),
                "pull", "hf:ggml-org/models/tinyllamas/stories260K.gguf");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.err).startsWith("switchboard: ").contains("stories260K.gguf").doesNotContain("\tat ");
    }

    @Test
    void statsPrintsARunningGatewaysCounters() throws Exception {
        Path file = config();
        CompletableFuture<Gateway> started = new CompletableFuture<>();
        CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(() -> CliRun.of(Map.of(), "", started::complete,
                "serve", "--config", file.toString(), "--port", "0"));
        Gateway gateway = started.get(20, TimeUnit.SECONDS);
        int port = gateway.port();
        try {
            run("chat", "--config", file.toString(), "Hi"); // a separate router: the gateway's counters stay at zero
            OpenAIClient official = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey("x").maxRetries(0).build();
            try {
                official.chat().completions().create(com.openai.models.chat.completions.ChatCompletionCreateParams.builder()
                        .model("text-generation").addUserMessage("Hi").build()).validate();
            } finally {
                official.close();
            }
            CliRun stats = run("stats", "--url", "http://127.0.0.1:" + gateway.port());
            assertThat(stats.exitCode).as(stats.toString()).isZero();
            assertThat(stats.out.lines().collect(Collectors.toList()).get(0)).startsWith("deployment             breaker");
            assertThat(stats.out).containsPattern("\ncli-chat +CLOSED +1 +1 +0 +0 ");
        } finally {
            gateway.close();
        }
        CliRun serve = serving.get(20, TimeUnit.SECONDS);
        assertThat(serve.exitCode).as(serve.toString()).isZero();
        assertThat(serve.out).startsWith("Switchboard gateway on http://127.0.0.1:" + port + "/v1  (pools: "
                + "text-generation, embeddings, transcription, speech, images, broken; no api_keys: any caller is let in)\n");
    }

    @Test
    void serveTakesItsKeysFromTheGatewaySection() throws Exception {
        Path file = config(CONFIG + "gateway:\n  api_keys: [\"${GATEWAY_KEY}\"]\n");
        CompletableFuture<Gateway> started = new CompletableFuture<>();
        CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(() -> CliRun.of(Map.of("GATEWAY_KEY", "sb-test"), "",
                started::complete, "serve", "--config", file.toString(), "--port", "0"));
        Gateway gateway = started.get(20, TimeUnit.SECONDS);
        OpenAIClient official = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey("sb-test").maxRetries(0).build();
        try {
            List<String> ids = official.models().list().data().stream().map(Model::validate).map(Model::id)
                    .collect(Collectors.toList());
            assertThat(ids).contains("text-generation", "tiny-chat");
        } finally {
            official.close();
            gateway.close();
        }
        assertThat(serving.get(20, TimeUnit.SECONDS).out).contains("; bearer keys required)");
    }

    @Test
    void serveWithAnUnsetKeyVariableIsAUsageError() throws Exception {
        Path file = config(CONFIG + "gateway:\n  api_keys: [\"${GATEWAY_KEY}\"]\n");
        CliRun run = run("serve", "--config", file.toString(), "--port", "0");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).isEqualTo("switchboard: The gateway section of " + file + " has problems:\n"
                + "  gateway.api_keys[0]: the environment variable GATEWAY_KEY is not set\n");
    }

    @Test
    void serveOnAPortAlreadyTakenSaysSoAndExitsWithOne() throws Exception {
        Path file = config();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = run("serve", "--config", file.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.err).startsWith("switchboard: The gateway cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .endsWith("(is another server on that port? pick one with --port)\n");
        }
    }

    @Test
    void helpListsEveryCommand() {
        CliRun run = run("--help");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("chat", "embed", "transcribe", "speak", "imagine", "models", "pull", "stats", "serve");
    }
}
