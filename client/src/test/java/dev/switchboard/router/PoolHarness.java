package dev.switchboard.router;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.MockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * A pool named {@code text-generation} of real HTTP deployments on MockWebServers (and dead ports),
 * called the way the client's services call the router: through {@link ClientCore}.
 */
final class PoolHarness implements AutoCloseable {
    static final String POOL = "text-generation";

    final List<MockServer> servers = new ArrayList<>();
    private final List<Deployment> deployments = new ArrayList<>();
    private final Router.Builder router = Router.builder().retryPolicy(MockServer.NO_WAIT)
            .healthPolicy(HealthPolicy.disabled()) // probes would take the servers' scripted answers
            // Each deployment's read timeout: short, so a server that never answers fails the attempt quickly.
            .httpClient(new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(Duration.ofMillis(500)).build());
    private ClientCore core;

    /** A deployment named {@code name} on a new MockWebServer, serving model {@code model-<name>}. */
    MockServer server(String name) {
        MockServer server = bareServer();
        deployments.add(Deployment.builder().name(name).kind("vllm").baseUrl(server.baseUrl()).model("model-" + name).build());
        return server;
    }

    /** A MockWebServer closed with the harness, for a deployment the test describes itself. */
    MockServer bareServer() {
        MockServer server = new MockServer();
        servers.add(server);
        return server;
    }

    /** A deployment whose port nothing listens on: connections are refused. */
    void deadPort(String name) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        deployments.add(Deployment.builder().name(name).kind("vllm").baseUrl("http://127.0.0.1:" + port + "/v1")
                .model("model-" + name).build());
    }

    /** A deployment as the test describes it (limits, a ready backend, …). */
    void add(Deployment deployment) {
        deployments.add(deployment);
    }

    Router.Builder routerBuilder() {
        return router;
    }

    ClientCore core() {
        if (core == null) {
            Router built = router.addPool(Pool.builder().name(POOL).deployments(deployments).build()).build();
            core = new ClientCore(built, RequestOptions.none(), Runnable::run, () -> {});
        }
        return core;
    }

    Router router() {
        return core().router();
    }

    static ChatCompletionCreateParams params(String prompt) {
        return ChatCompletionCreateParams.builder().model(POOL).addUserMessage(prompt).build();
    }

    /** The answer's text. */
    String chat(String prompt) {
        ChatCompletion answer = core().chatCompletion(params(prompt), RequestOptions.none()).blockingGet();
        return answer.choices().get(0).message().content().orElse("");
    }

    /** The streamed answer's text, chunk by chunk. */
    static String text(List<ChatCompletionChunk> chunks) {
        return chunks.stream()
                .flatMap(c -> c.choices().stream())
                .map(choice -> choice.delta().content().orElse(""))
                .collect(Collectors.joining());
    }

    @Override
    public void close() {
        if (core != null) core.close();
        servers.forEach(MockServer::close);
    }
}
