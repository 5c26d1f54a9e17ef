package dev.switchboard.backend;

import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** What the router shares with the backends it makes: one HTTP client (pools and threads), and time. */
public final class BackendContext {
    private final OkHttpClient httpClient;
    private final Clock clock;

    public BackendContext(OkHttpClient httpClient, Clock clock) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Derive per-deployment clients with {@code newBuilder()}, which shares connections and threads. */
    public OkHttpClient httpClient() {
        return httpClient;
    }

    public Clock clock() {
        return clock;
    }
}
