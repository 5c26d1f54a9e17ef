package dev.switchboard.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible endpoint on loopback that answers every chat completion with canned bytes:
 * {@link CannedAnswers#COMPLETION} for a plain call, {@link CannedAnswers#STREAM} for a streaming one.
 * It does no JSON work, so the clients, not the server, are what the benchmarks measure.
 *
 * <p>It counts the CPU time its own thread spends on each exchange (reading the request, writing the
 * answer), so that CPU figures can leave the server out: see {@link #clientCpuNanos()}.
 */
final class LoopbackServer implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static {
        // The JDK server leaves Nagle on by default: headers and body written apart would then wait for
        // the client's delayed ACK (40 ms), and the benchmark would measure TCP, not the clients.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final AtomicLong serverCpuNanos = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    private LoopbackServer(HttpServer server) {
        this.server = server;
    }

    static LoopbackServer start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        LoopbackServer loopback = new LoopbackServer(server);
        // Exchanges run on the dispatcher thread, timed: the whole exchange, request parsing included.
        server.setExecutor(task -> {
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                task.run();
            } finally {
                loopback.serverCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
            }
        });
        server.createContext("/v1/chat/completions", loopback::answer);
        server.start();
        return loopback;
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] request = exchange.getRequestBody().readAllBytes();
        boolean streaming = CannedAnswers.asksToStream(request);
        byte[] body = streaming ? CannedAnswers.STREAM : CannedAnswers.COMPLETION;
        exchange.getResponseHeaders().set("Content-Type", streaming ? "text/event-stream" : "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    long requests() {
        return requests.get();
    }

    /**
     * CPU time of this process so far, less what this server's exchanges took: the clients' work, plus
     * the JVM's own threads (GC, JIT) and the server's accept loop, which both clients pay alike.
     */
    long clientCpuNanos() {
        return OS.getProcessCpuTime() - serverCpuNanos.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A loopback port where nothing listens (bound, then released), so connecting is refused. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }
}
