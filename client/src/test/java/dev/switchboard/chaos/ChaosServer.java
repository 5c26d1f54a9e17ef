package dev.switchboard.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A loopback OpenAI-compatible deployment that answers every chaos call right, except for a share
 * of requests it spoils with one {@link Fault}. Which requests are spoiled, and how, follows from the
 * seed, the call and how often this server has seen the call, so a run's faults do not depend on
 * how its threads interleave. It counts what it saw, for comparing with the router's statistics.
 */
final class ChaosServer implements AutoCloseable {
    private static final Fault[] FAULTS = Fault.values();

    private final String name;
    private final double faultRate;
    private final long seed;
    private final MockWebServer server = new MockWebServer();

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong intact = new AtomicLong();
    private final Map<Fault, AtomicLong> faults = new EnumMap<>(Fault.class);
    private final Map<Integer, AtomicInteger> requestsByCall = new ConcurrentHashMap<>();

    ChaosServer(String name, double faultRate, long seed) {
        this.name = name;
        this.faultRate = faultRate;
        this.seed = seed;
        for (Fault f : FAULTS) faults.put(f, new AtomicLong());
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    private MockResponse answer(RecordedRequest request) {
        requests.incrementAndGet();
        String body = request.getBody().readUtf8();
        int call = Answers.callOf(body);
        if (call < 0) {
            return new MockResponse().setResponseCode(400).setBody(
                    "{\"error\":{\"message\":\"" + name + ": not a chaos call\",\"type\":\"invalid_request_error\"}}");
        }
        int seen = requestsByCall.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
        boolean stream = body.contains("\"stream\":true");
        Fault fault = faultFor(call, seen, stream);
        if (fault == null) {
            intact.incrementAndGet();
            return stream ? sse(Answers.stream(call)) : json(200, Answers.completion(call));
        }
        faults.get(fault).incrementAndGet();
        SplittableRandom random = random(call, seen).split();
        switch (fault) {
            case SERVER_ERROR:
                return json(500, error("The server had an error while processing your request.", "server_error"));
            case RATE_LIMITED:
                return json(429, error("Rate limit reached; try again shortly.", "rate_limit_exceeded"))
                        .setHeader("retry-after-ms", "50").setHeader("Retry-After", "1");
            case DISCONNECT_AT_START:
                return whole(call, stream).setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
            case DISCONNECT_MID_BODY:
                return whole(call, stream).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
            case STALL:
                // Nothing at all until the client gives up and closes the connection: past any timeout.
                return whole(call, stream).setSocketPolicy(SocketPolicy.NO_RESPONSE);
            case MALFORMED_JSON:
                if (stream) {
                    int before = random.nextInt(Answers.CHUNKS);
                    return sse(Answers.events(call, before) + "data: {\"id\":\"chatcmpl-" + call + "\",\"choices\":[{\"delta\":\n\n"
                            + "data: [DONE]\n\n");
                }
                String whole = Answers.completion(call);
                return json(200, whole.substring(0, 1 + random.nextInt(whole.length() - 1)));
            case SSE_CUT_SHORT:
                return sse(Answers.events(call, random.nextInt(Answers.CHUNKS)));
            default:
                throw new AssertionError(fault);
        }
    }

    /** The fault for the {@code seen}-th request of {@code call} here, or null to answer it well. */
    private Fault faultFor(int call, int seen, boolean stream) {
        SplittableRandom random = random(call, seen);
        if (random.nextDouble() >= faultRate) return null;
        while (true) {
            Fault f = FAULTS[random.nextInt(FAULTS.length)];
            if (f.appliesTo(stream)) return f;
        }
    }

    private SplittableRandom random(int call, int seen) {
        return new SplittableRandom(seed ^ (call * 0x9E3779B97F4A7C15L) ^ ((long) seen << 48) ^ name.hashCode());
    }

    private static MockResponse whole(int call, boolean stream) {
        return stream ? sse(Answers.stream(call)) : json(200, Answers.completion(call));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse sse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
    }

    private static String error(String message, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + code + "\",\"param\":null,\"code\":\"" + code + "\"}}";
    }

    /** Every request that reached this server. */
    long requests() {
        return requests.get();
    }

    /** Requests answered whole and right. */
    long intact() {
        return intact.get();
    }

    long faults(Fault fault) {
        return faults.get(fault).get();
    }

    long faults() {
        return faults.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** How many requests of {@code call} reached this server. */
    int requestsOf(int call) {
        AtomicInteger n = requestsByCall.get(call);
        return n == null ? 0 : n.get();
    }

    /**
     * MockWebServer flushes an answer's headers before its body; with Nagle's algorithm on, the body
     * then waits for the client's delayed ACK, some 40 ms a call on loopback. Real servers set
     * TCP_NODELAY; so do these sockets.
     */
    private static final class NoDelayServerSockets extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException();
        }
    }

    @Override
    public String toString() {
        return name + "{requests=" + requests + ", intact=" + intact + ", faults=" + faults + "}";
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
