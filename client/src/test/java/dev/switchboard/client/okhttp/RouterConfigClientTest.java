package dev.switchboard.client.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.switchboard.backend.openai.OpenAiCompatibleBackend;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.OpenAIClientImpl;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.router.RouterConfigException;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import dev.switchboard.router.RoutingStrategy;
import java.util.ArrayList;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients built with a router config file: its pools answer their names, everything else the default endpoint. */
class RouterConfigClientTest {
    private final MockServer first = new MockServer();
    private final MockServer second = new MockServer();
    private final MockServer endpoint = new MockServer();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        first.close();
        second.close();
        endpoint.close();
    }

    private static ChatCompletionCreateParams ask(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hi").build();
    }

    private static String answer(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElse("");
    }

    private static String body(RecordedRequest request) {
        return request.getBody().readUtf8();
    }

    private Path file(String... lines) {
        Path file = dir.resolve("switchboard.yaml");
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A pool of the two servers, tried in order, with no waits and no probes. */
    private Path twoServerPool(String... extraRouterSettings) {
        String[] head = {
                "pools:",
                "  text-generation:",
                "    strategy: priority",
                "    deployments:",
                "      - backend: vllm",
                "        base_url: " + first.baseUrl(),
                "        model: Qwen/Qwen3-8B",
                "      - backend: openai",
                "        base_url: " + second.baseUrl(),
                "        model: gpt-4o-mini",
                "        api_key: sk-second",
                "router:",
                "  backoff: 0s",
                "  retry_after_cap: 0s",
                "  health: false"};
        String[] all = new String[head.length + extraRouterSettings.length];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < extraRouterSettings.length; i++) all[head.length + i] = "  " + extraRouterSettings[i];
        return file(all);
    }

    private OpenAIOkHttpClient.Builder toEndpoint() {
        return OpenAIOkHttpClient.builder().baseUrl(endpoint.baseUrl()).apiKey("sk-default").putHeader("X-Tenant", "acme");
    }

    @Test
    void aPoolOfTheFileAnswersItsNameWithItsRealModel() {
        first.enqueueJson(ServerPayloads.completion("from the pool"));

        try (OpenAIClient client = toEndpoint().routerConfig(twoServerPool()).build()) {
            assertThat(answer(client.chat().completions().create(ask("text-generation")))).isEqualTo("from the pool");
        }

        RecordedRequest request = first.takeRequest();
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(body(request)).isEqualTo("{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"Qwen/Qwen3-8B\"}");
        assertThat(request.getHeader("Authorization")).as("the default endpoint's key stays its own").isNull();
        assertThat(request.getHeader("X-Tenant")).as("so do its headers").isNull();
        assertThat(endpoint.requestCount()).isZero();
    }

    @Test
    void anyOtherModelGoesToTheDefaultEndpointAsTheOfficialSdkSendsIt() {
        endpoint.enqueueJson(ServerPayloads.completion("from the endpoint"));

        try (OpenAIClient client = toEndpoint().routerConfig(twoServerPool()).build()) {
            assertThat(answer(client.chat().completions().create(ask("gpt-4o-mini")))).isEqualTo("from the endpoint");
        }

        RecordedRequest request = endpoint.takeRequest();
        assertThat(body(request)).isEqualTo("{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\"}");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-default");
        assertThat(request.getHeader("X-Tenant")).isEqualTo("acme");
        assertThat(first.requestCount() + second.requestCount()).isZero();
    }

    @Test
    void aFailingDeploymentOfThePoolFailsOverToTheNext() {
        first.enqueue(new MockResponse().setResponseCode(503).setBody("{\"error\":{\"message\":\"overloaded\"}}"));
        second.enqueueJson(ServerPayloads.completion("from the second"));

        try (OpenAIClient client = toEndpoint().routerConfig(twoServerPool()).build()) {
            assertThat(answer(client.chat().completions().create(ask("text-generation")))).isEqualTo("from the second");
        }

        RecordedRequest request = second.takeRequest();
        assertThat(body(request)).contains("\"model\":\"gpt-4o-mini\"");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-second");
        assertThat(first.requestCount()).isEqualTo(1);
    }

    @Test
    void aDeploymentsKeyComesFromTheEnvironmentTheReaderIsGiven() {
        Path file = file(
                "pools:",
                "  text-generation:",
                "    deployments:",
                "      - backend: openai",
                "        base_url: " + first.baseUrl(),
                "        api_key: ${POOL_KEY}",
                "router:",
                "  health: false");
        first.enqueueJson(ServerPayloads.completion("ok"));

        RouterConfig config = RouterConfig.reader().env(Map.of("POOL_KEY", "sk-from-env")::get).load(file);
        try (OpenAIClient client = toEndpoint().routerConfig(config).build()) {
            client.chat().completions().create(ask("text-generation"));
        }

        assertThat(first.takeRequest().getHeader("Authorization")).isEqualTo("Bearer sk-from-env");
    }

    @Test
    void fromEnvReadsTheFileNamedByTheSwitchboardConfigProperty() {
        Path file = twoServerPool();
        first.enqueueJson(ServerPayloads.completion("ok"));
        System.setProperty("switchboard.config", file.toString());
        try (OpenAIClient client = OpenAIOkHttpClient.fromEnv()) {
            assertThat(answer(client.chat().completions().create(ask("text-generation")))).isEqualTo("ok");
        } finally {
            System.clearProperty("switchboard.config");
        }

        assertThat(body(first.takeRequest())).contains("\"model\":\"Qwen/Qwen3-8B\"");
    }

    @Test
    void theAsyncClientReadsTheFileToo() throws Exception {
        first.enqueueJson(ServerPayloads.completion("ok"));

        try (OpenAIClientAsync client = OpenAIOkHttpClientAsync.builder().routerConfig(twoServerPool()).build()) {
            assertThat(answer(client.chat().completions().create(ask("text-generation")).get(10, TimeUnit.SECONDS)))
                    .isEqualTo("ok");
        }
    }

    @Test
    void aBadFileFailsTheBuildWithEveryProblem() {
        Path file = file(
                "pools:",
                "  text-generation:",
                "    strategy: canary",
                "    deployments:",
                "      - backend: vllm",
                "        weight: 0");

        assertThatThrownBy(() -> toEndpoint().routerConfig(file).build())
                .isInstanceOf(RouterConfigException.class)
                .hasMessage("The router config " + file + " has 3 problems:\n"
                        + "  " + file + ":3:15: pools.text-generation.strategy: unknown strategy 'canary'; known: priority, "
                        + "always_first, round_robin, random, weighted, least_busy, lowest_latency (a strategy of your own "
                        + "is registered by name on the client builder or RouterConfig.reader())\n"
                        + "  " + file + ":5:9: pools.text-generation.deployments[0].base_url must be set for a vllm server "
                        + "(such as http://127.0.0.1:8000/v1)\n"
                        + "  " + file + ":6:17: pools.text-generation.deployments[0].weight must be > 0, was 0");
    }

    @Test
    void aStrategyRegisteredOnTheClientBuilderMayBeNamedByTheFile() {
        Path file = file(
                "pools:",
                "  text-generation:",
                "    strategy: canary",
                "    deployments:",
                "      - backend: openai",
                "        base_url: " + first.baseUrl(),
                "router:",
                "  health: false");
        first.enqueueJson(ServerPayloads.completion("ok"));

        try (OpenAIClient client = toEndpoint().strategy("canary", () -> (candidates, context) -> candidates)
                .routerConfig(file).build()) {
            assertThat(((OpenAIClientImpl) client).core().router().pools().get("text-generation").strategyName())
                    .isEqualTo("canary");
            assertThat(answer(client.chat().completions().create(ask("text-generation")))).isEqualTo("ok");
        }
    }

    @Test
    void aRegisteredStrategyNamedByTheFileOrdersThePool() {
        Path file = twoServerPool().resolveSibling("canary.yaml");
        try {
            Files.writeString(file, Files.readString(twoServerPool()).replace("strategy: priority", "strategy: canary"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        second.enqueueJson(ServerPayloads.completion("from the canary")).enqueueJson(ServerPayloads.completion("again"));
        // The canary strategy sends every call to the last deployment first.
        RoutingStrategy lastFirst = (candidates, context) -> {
            List<Deployment> order = new ArrayList<>(candidates);
            Collections.reverse(order);
            return order;
        };

        try (OpenAIClient client = toEndpoint().strategy("canary", () -> lastFirst).routerConfig(file).build()) {
            assertThat(answer(client.chat().completions().create(ask("text-generation")))).isEqualTo("from the canary");
            assertThat(answer(client.chat().completions().create(ask("text-generation")))).isEqualTo("again");
        }
        assertThat(first.requestCount()).isZero();
        assertThat(second.requestCount()).isEqualTo(2);
    }

    @Test
    void theFilesRetrySettingsApplyUnlessTheBuilderSetsItsOwn() {
        Path file = twoServerPool("max_attempts: 1");

        try (OpenAIClient fromFile = toEndpoint().routerConfig(file).build();
                OpenAIClient fromBuilder = toEndpoint().routerConfig(file).maxRetries(4).build()) {
            assertThat(((OpenAIClientImpl) fromFile).core().router().retryPolicy().maxRetries()).isZero();
            assertThat(((OpenAIClientImpl) fromBuilder).core().router().retryPolicy().maxRetries()).isEqualTo(4);
        }
    }

    @Test
    void theFilesTimeoutIsTheRequestTimeout() {
        first.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        try (OpenAIClient client = toEndpoint().routerConfig(twoServerPool("max_attempts: 1", "timeout: 300ms")).build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                            () -> client.chat().completions().create(ask("text-generation")))
                    .isInstanceOf(OpenAIIoException.class)
                    .hasMessage("POST /v1/chat/completions timed out"));
        }
    }

    @Test
    void theClientsOwnTimeoutWinsOverTheFiles() {
        first.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        try (OpenAIClient client = toEndpoint().timeout(Duration.ofMillis(300))
                .routerConfig(twoServerPool("max_attempts: 1", "timeout: 1h")).build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                            () -> client.chat().completions().create(ask("text-generation")))
                    .isInstanceOf(OpenAIIoException.class)
                    .hasMessage("POST /v1/chat/completions timed out"));
        }
    }

    private Router routerTo(MockServer server) {
        OpenAiCompatibleBackend backend = OpenAiCompatibleBackend.builder().name("openai").baseUrl(server.baseUrl()).build();
        return Router.builder()
                .addPool(Pool.of("text-generation", List.of(Deployment.builder().name("only").backend(backend).model("m").build())))
                .retryPolicy(MockServer.NO_WAIT)
                .healthPolicy(HealthPolicy.disabled())
                .build();
    }

    @Test
    void aGivenRouterAnswersTheCalls() {
        first.enqueueJson(ServerPayloads.completion("from the given router"));

        try (OpenAIClient client = OpenAIOkHttpClient.builder().router(routerTo(first)).build()) {
            assertThat(answer(client.chat().completions().create(ask("text-generation")))).isEqualTo("from the given router");
        }

        assertThat(body(first.takeRequest())).contains("\"model\":\"m\"");
    }

    @Test
    void aGivenRouterWithOptionsThatDescribeAnEndpointIsRefusedNamingThem() {
        Router router = routerTo(first);

        assertThatThrownBy(() -> toEndpoint().maxRetries(1).router(router).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("router(Router) was given, so the client builds no endpoint of its own and would ignore "
                        + "baseUrl, apiKey, headers, maxRetries; configure them on the router (its default deployment, "
                        + "pools, retry policy and HTTP client) instead");
        router.close();
    }

    @Test
    void whatFromEnvReadGivesWayToAGivenRouter() {
        first.enqueueJson(ServerPayloads.completion("ok"));
        System.setProperty("openai.apiKey", "sk-from-env");
        System.setProperty("switchboard.config", dir.resolve("not-read.yaml").toString());
        try (OpenAIClient client = OpenAIOkHttpClient.builder().fromEnv().router(routerTo(first)).build()) {
            assertThat(answer(client.chat().completions().create(ask("text-generation")))).isEqualTo("ok");
        } finally {
            System.clearProperty("openai.apiKey");
            System.clearProperty("switchboard.config");
        }
    }
}
