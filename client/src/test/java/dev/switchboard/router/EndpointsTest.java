package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.errors.NotFoundException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.models.models.Model;
import dev.switchboard.testing.MockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Router's endpoint questions against good, unauthorized, broken and dead servers. */
class EndpointsTest {
    private static final String KEY = "sk-endpoint-secret-7";
    private static final String MODELS = """
            {"object":"list","data":[
              {"id":"Qwen/Qwen3-8B","object":"model","created":1750000000,"owned_by":"vllm"},
              {"id":"Qwen/Qwen3-0.6B","object":"model","created":1750000001,"owned_by":"vllm"}]}""";
    private static final String UNAUTHORIZED = """
            {"error":{"message":"Incorrect API key provided: sk-endpoint-secret-7.","type":"invalid_request_error",\
            "param":null,"code":"invalid_api_key"}}""";

    private final MockServer server = new MockServer();

    @AfterEach
    void close() {
        server.close();
    }

    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }

    @Test
    void theModelListIsAskedWithTheKeyAndGivenAsModels() {
        server.enqueueJson(MODELS);

        List<Model> models = Router.listEndpointModels(server.baseUrl(), KEY);

        assertThat(models).extracting(Model::id).containsExactly("Qwen/Qwen3-8B", "Qwen/Qwen3-0.6B");
        assertThat(models.get(0).ownedBy()).isEqualTo("vllm");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod() + " " + request.getPath()).isEqualTo("GET /v1/models");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void modelIdsAreTheIdsInTheServersOrder() {
        server.enqueueJson(MODELS);

        assertThat(Router.modelIds(server.baseUrl(), KEY)).containsExactly("Qwen/Qwen3-8B", "Qwen/Qwen3-0.6B");
    }

    @Test
    void aServerWithoutKeysIsAskedWithoutAuthorization() {
        server.enqueueJson("{\"object\":\"list\",\"data\":[{\"id\":\"qwen3:0.6b\",\"object\":\"model\",\"created\":1,\"owned_by\":\"library\"}]}");

        assertThat(Router.modelIds(server.baseUrl(), null)).containsExactly("qwen3:0.6b");
        assertThat(server.takeRequest().getHeader("Authorization")).isNull();
    }

    @Test
    void listingFailsWithTheOfficialExceptionAndNeverTheKey() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json").setBody(UNAUTHORIZED));

        assertThatThrownBy(() -> Router.listEndpointModels(server.baseUrl(), KEY))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessage("401: Incorrect API key provided: ***.");
    }

    @Test
    void listingIsAskedOnceWithoutRetrying() {
        server.enqueue(new MockResponse().setResponseCode(503).setBody("busy"));
        server.enqueueJson(MODELS);

        assertThatThrownBy(() -> Router.modelIds(server.baseUrl(), KEY)).hasMessage("503: busy");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void listingADeadServerFailsAsTheConnectionDid() throws IOException {
        String dead = deadUrl();

        assertThatThrownBy(() -> Router.listEndpointModels(dead, KEY))
                .isInstanceOf(OpenAIIoException.class)
                .hasMessageStartingWith("GET /v1/models failed: Failed to connect to");
    }

    @Test
    void aGoodServerChecksOkWithItsModels() {
        server.enqueueJson(MODELS);

        EndpointCheck check = Router.checkEndpoint(server.baseUrl(), KEY);

        assertThat(check.status()).isEqualTo(EndpointCheck.Status.OK);
        assertThat(check.isReachable()).isTrue();
        assertThat(check.isAuthorized()).isTrue();
        assertThat(check.statusCode()).hasValue(200);
        assertThat(check.modelIds()).containsExactly("Qwen/Qwen3-8B", "Qwen/Qwen3-0.6B");
        assertThat(check.message()).isEqualTo("listed 2 models: Qwen/Qwen3-8B, Qwen/Qwen3-0.6B");
        assertThat(check.error()).isEmpty();
        assertThat(check.baseUrl()).isEqualTo(server.baseUrl());
    }

    @Test
    void aRefusedKeyChecksUnauthorizedButReachable() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json").setBody(UNAUTHORIZED));

        EndpointCheck check = Router.checkEndpoint(server.baseUrl(), KEY);

        assertThat(check.status()).isEqualTo(EndpointCheck.Status.UNAUTHORIZED);
        assertThat(check.isReachable()).isTrue();
        assertThat(check.isAuthorized()).isFalse();
        assertThat(check.statusCode()).hasValue(401);
        assertThat(check.modelIds()).isEmpty();
        assertThat(check.message()).isEqualTo("the key was refused (401: Incorrect API key provided: ***.)");
        assertThat(check.error()).containsInstanceOf(UnauthorizedException.class);
        assertThat(check.toString()).doesNotContain(KEY);
    }

    @Test
    void aMissingKeyIsSaidToBeMissing() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":\"unauthorized\"}"));

        EndpointCheck check = Router.checkEndpoint(server.baseUrl(), null);

        assertThat(check.message()).isEqualTo("the key was refused (401: unauthorized); no key was sent");
    }

    @Test
    void aDeadServerChecksUnreachableWithoutThrowing() throws IOException {
        String dead = deadUrl();

        EndpointCheck check = Router.checkEndpoint(dead, KEY);

        assertThat(check.status()).isEqualTo(EndpointCheck.Status.UNREACHABLE);
        assertThat(check.isReachable()).isFalse();
        assertThat(check.isAuthorized()).isFalse();
        assertThat(check.statusCode()).isEmpty();
        assertThat(check.message()).startsWith("GET /v1/models failed: Failed to connect to");
        assertThat(check.error()).containsInstanceOf(OpenAIIoException.class);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeChecksUnreachable() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        EndpointCheck check = Router.checkEndpoint(server.baseUrl(), KEY, Duration.ofMillis(200));

        assertThat(check.status()).isEqualTo(EndpointCheck.Status.UNREACHABLE);
        assertThat(check.message()).isEqualTo("GET /v1/models timed out");
    }

    @Test
    void aServerWithoutAModelRouteChecksAsAnErrorSayingWhatItAnswered() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("404 page not found"));

        EndpointCheck check = Router.checkEndpoint(server.baseUrl(), KEY);

        assertThat(check.status()).isEqualTo(EndpointCheck.Status.ERROR);
        assertThat(check.isReachable()).isTrue();
        assertThat(check.statusCode()).hasValue(404);
        assertThat(check.message()).isEqualTo("GET models answered 404: 404 page not found");
        assertThat(check.error()).containsInstanceOf(NotFoundException.class);
    }

    @Test
    void anAnswerThatIsNoModelListChecksAsAnError() {
        server.enqueueJson("{\"status\":\"ok\"}");

        EndpointCheck check = Router.checkEndpoint(server.baseUrl(), KEY);

        assertThat(check.status()).isEqualTo(EndpointCheck.Status.ERROR);
        assertThat(check.message()).isEqualTo("the answer is no model list: The model list has no data array: {\"status\":\"ok\"}");
    }

    @Test
    void aBadUrlIsTheCallersMistakeAndThrows() {
        assertThatThrownBy(() -> Router.checkEndpoint("localhost:8000", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUrl is not an http(s) URL: localhost:8000");
    }
}
