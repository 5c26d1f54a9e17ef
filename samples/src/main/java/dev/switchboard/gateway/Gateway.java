package dev.switchboard.gateway;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.router.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A router served as an OpenAI-compatible HTTP API: {@code POST /v1/chat/completions} (SSE when
 * {@code stream}), {@code /v1/embeddings}, {@code /v1/audio/speech}, {@code /v1/audio/transcriptions},
 * {@code /v1/images/generations}; {@code GET /v1/models}, {@code /health}, {@code /services},
 * {@code /stats}; each also without {@code /v1}. Errors are OpenAI's error JSON. Closing the gateway
 * stops the server and closes the router.
 */
public final class Gateway implements AutoCloseable {
    private final Router router;
    private final GatewaySettings settings;
    private final OpenAIClient client;
    private final Server server;
    private final ServerConnector connector;

    private Gateway(Router router, GatewaySettings settings) {
        this.router = router;
        this.settings = settings;
        this.client = OpenAIOkHttpClient.builder().router(router).build();
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("switchboard-gateway");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // A local model may think for minutes before its first byte; the router's timeout ends a call, not the socket.
        connector.setIdleTimeout(router.timeout().plusMinutes(1).toMillis());
        server.addConnector(connector);
        server.setHandler(new GatewayHandler(client, new GatewayModels(router, Instant.now().getEpochSecond()),
                new GatewayReports(router, Duration.ofSeconds(5)), settings));
        // Stopping cuts calls in flight at once: a stream's client sees it end with an error, never hangs.
        server.setStopTimeout(0);
    }

    /** A gateway for {@code router}, not yet listening. */
    public static Gateway create(Router router, GatewaySettings settings) {
        return new Gateway(Objects.requireNonNull(router, "router"), Objects.requireNonNull(settings, "settings"));
    }

    /** Starts listening; a port already taken is an IllegalStateException that names it. */
    public Gateway start() {
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The gateway cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage() + (settings.port() != 0 ? " (is another server on that port? pick one with --port)" : ""), e);
        }
        return this;
    }

    /** The port it listens on (the one taken when the settings asked for 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The address to give an OpenAI client: {@code http://host:port/v1}. */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port() + "/v1";
    }

    public GatewaySettings settings() {
        return settings;
    }

    public Router router() {
        return router;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort; the router must be closed regardless.
        } finally {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "Gateway{" + settings + "}";
    }
}
