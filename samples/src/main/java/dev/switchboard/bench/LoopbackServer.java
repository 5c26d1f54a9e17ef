package dev.switchboard.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible endpoint on loopback that answers every chat completion with canned bytes:
 * {@link CannedAnswers#COMPLETION} for a plain call, {@link CannedAnswers#STREAM} for a streaming one.
 * It does no JSON work, so the clients, not the server, are what the benchmarks measure.
 *
 * <p>It runs in a JVM of its own, a child of the benchmark's: the benchmark JVM's CPU time and
 * allocation (the gc profiler counts every thread) are then the client's alone. The child exits when
 * {@link #close()} closes its standard input, or when the benchmark JVM dies.
 */
final class LoopbackServer implements AutoCloseable {
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final String READY = "listening on port ";

    private final Process process;
    private final int port;

    private LoopbackServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server in a child JVM on this JVM's class path and waits until it listens. */
    static LoopbackServer start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LoopbackServer.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback server's JVM (" + java + ")", e);
        }
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith(READY)) {
                process.destroyForcibly();
                throw new IllegalStateException("the loopback server's JVM did not start: it said " + line);
            }
            return new LoopbackServer(process, Integer.parseInt(line.substring(READY.length()).trim()));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("cannot read the loopback server's port", e);
        }
    }

    /** The child JVM: serves until its standard input ends. */
    public static void main(String[] args) throws IOException {
        // The JDK server leaves Nagle on by default: headers and body written apart would then wait for
        // the client's delayed ACK (40 ms), and the benchmark would measure TCP, not the clients.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/v1/chat/completions", LoopbackServer::answer);
        server.start();
        System.out.println(READY + server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Nothing is sent; end of input means the benchmark is done (or gone).
        }
        server.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
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
        return "http://127.0.0.1:" + port + "/v1";
    }

    /**
     * CPU time of this (the client's) JVM so far, every thread: the client's work and the JVM's own
     * (GC, and the JIT, which is quiet after warm-up). The server's work is in its own process.
     */
    long clientCpuNanos() {
        return OS.getProcessCpuTime();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
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
