package dev.switchboard.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.Health;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.router.Deployment;
import dev.switchboard.testing.MockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind's health probe against a scripted server: the route it asks, and how it reads the answer. */
class RemoteHealthProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MockServer server = new MockServer();
    private final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void close() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Backend backend(String kind, String baseUrl) {
        Deployment deployment = Deployment.builder().name(kind + "-1").kind(kind).baseUrl(baseUrl).apiKey("sk-probe-secret").build();
        return new OpenAiBackendFactory().create(deployment, new BackendContext(http, Clock.systemUTC()));
    }

    private Backend backend(String kind) {
        return backend(kind, server.baseUrl());
    }

    @ParameterizedTest(name = "{0} is probed with GET {1}")
    @CsvSource({
        "openai, /v1/models",
        "vllm, /health",
        "ollama, /api/tags",
        "llamacpp, /health",
        "tgi, /health",
        "sglang, /health",
        "localai, /readyz",
        "lmstudio, /v1/models"
    })
    void eachKindIsProbedOnItsOwnRouteAndA200IsHealthy(String kind, String path) {
        server.enqueueJson("{}");

        Health health = backend(kind).health(TIMEOUT).blockingGet();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo(path);
        assertThat(health.status()).isEqualTo(Health.Status.HEALTHY);
        assertThat(health.detail()).isEqualTo("GET " + path + " answered 200");
        assertThat(health.cause()).isEmpty();
    }

    @Test
    void ollamaIsProbedAtTheServerRootEvenThoughItsApiLivesUnderV1() {
        server.enqueueJson("{\"models\":[{\"name\":\"qwen3:0.6b\",\"model\":\"qwen3:0.6b\"}]}");

        Health health = backend("ollama", server.server.url("/v1/").toString()).health(TIMEOUT).blockingGet();

        assertThat(server.takeRequest().getPath()).isEqualTo("/api/tags");
        assertThat(health.isHealthy()).isTrue();
    }

    @Test
    void llamaCppLoadingItsModelIsNotReadyInItsOwnWords() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}"));

        Health health = backend("llamacpp").health(TIMEOUT).blockingGet();

        assertThat(health.status()).isEqualTo(Health.Status.NOT_READY);
        assertThat(health.detail()).isEqualTo("llama.cpp's server is not ready: GET /health answered 503: Loading model");
        assertThat(health.cause()).containsInstanceOf(InternalServerException.class);
    }

    @Test
    void llamaCppIsHealthyOnceItsModelHasLoaded() {
        server.enqueue(new MockResponse().setResponseCode(503)
                .setBody("{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}"));
        server.enqueueJson("{\"status\":\"ok\"}");
        Backend llama = backend("llamacpp");

        assertThat(llama.health(TIMEOUT).blockingGet().status()).isEqualTo(Health.Status.NOT_READY);
        assertThat(llama.health(TIMEOUT).blockingGet().status()).isEqualTo(Health.Status.HEALTHY);
    }

    @Test
    void localAiStartingUpIsNotReady() {
        server.enqueue(new MockResponse().setResponseCode(503));

        Health health = backend("localai").health(TIMEOUT).blockingGet();

        assertThat(health.status()).isEqualTo(Health.Status.NOT_READY);
        assertThat(health.detail()).isEqualTo("LocalAI is not ready: GET /readyz answered 503: Unknown");
    }

    @Test
    void aRefusedKeyIsNotReadyAndSaysWhatToCheckWithoutTheKey() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-probe-secret\",\"type\":\"invalid_request_error\"}}"));

        Health health = backend("lmstudio").health(TIMEOUT).blockingGet();

        assertThat(health.status()).isEqualTo(Health.Status.NOT_READY);
        assertThat(health.detail()).isEqualTo("LM Studio refused the key: GET /v1/models answered 401: Incorrect API key"
                + " provided: ***; check the deployment's api_key");
        assertThat(health.cause()).containsInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aServerWithoutTheRouteIsAskedWhetherItIsReallyThatKind() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("404 page not found"));

        Health health = backend("sglang").health(TIMEOUT).blockingGet();

        assertThat(health.status()).isEqualTo(Health.Status.NOT_READY);
        assertThat(health.detail()).isEqualTo("GET /health answered 404: 404 page not found; is this SGLang?"
                + " Check the deployment's backend kind ('sglang') and base_url");
    }

    @Test
    void aFailingEngineIsNotHealthy() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":\"unhealthy\",\"error_type\":\"healthcheck\"}"));

        Health health = backend("tgi").health(TIMEOUT).blockingGet();

        assertThat(health.status()).isEqualTo(Health.Status.NOT_READY);
        assertThat(health.detail()).isEqualTo("TGI is not healthy: GET /health answered 500: unhealthy");
    }

    @Test
    void aDeadPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Health health = backend("vllm", "http://127.0.0.1:" + port + "/v1").health(TIMEOUT).blockingGet();

        assertThat(health.status()).isEqualTo(Health.Status.UNREACHABLE);
        assertThat(health.detail()).startsWith("GET /health failed: Failed to connect to");
        assertThat(health.cause()).containsInstanceOf(OpenAIIoException.class);
    }

    @Test
    void aProbeWithNoAnswerWithinItsTimeoutIsUnreachable() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        Health health = backend("vllm").health(Duration.ofMillis(200)).blockingGet();

        assertThat(health.status()).isEqualTo(Health.Status.UNREACHABLE);
        assertThat(health.detail()).isEqualTo("GET /health timed out");
    }

    @Test
    void theProbeCarriesTheKeyAsEveryCallDoes() {
        server.enqueueJson("{\"object\":\"list\",\"data\":[]}");

        backend("openai").health(TIMEOUT).blockingGet();

        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer sk-probe-secret");
    }

    @Test
    void aBackendWithoutAProbeIsTakenAsHealthy() {
        Backend bare = new Backend() {
            @Override
            public java.util.Set<dev.switchboard.router.Capability> capabilities() {
                return java.util.Set.of();
            }

            @Override
            public void close() {}
        };

        Health health = bare.health(TIMEOUT).blockingGet();

        assertThat(health.isHealthy()).isTrue();
        assertThat(health.detail()).isEqualTo("no health probe; calls tell");
    }
}
