package dev.switchboard.backend.openai;

import dev.switchboard.core.Timeout;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Turns Retrofit's requests into calls of one deployment: its authentication and headers, the
 * request's own headers and query parameters, and the request's timeout. Clients with other
 * timeouts are derived with {@code newBuilder()}, so they share the connection pool and threads.
 */
final class DeploymentCallFactory implements Call.Factory {
    private final OkHttpClient client;
    private final Headers defaultHeaders;
    private final QueryParams defaultQueryParams;
    /** Enough for a client's default and a few per-call timeouts; beyond it clients are derived per call. */
    private static final int MAX_CACHED_TIMEOUTS = 16;

    private final Map<Timeout, OkHttpClient> clientsByTimeout = new ConcurrentHashMap<>();
    // The calls made here, so closing the deployment can cancel those still running (a stream's
    // call has left OkHttp's dispatcher once its headers came). Weak: finished calls cost nothing.
    private final Set<Call> started = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    DeploymentCallFactory(OkHttpClient client, Headers defaultHeaders, QueryParams defaultQueryParams) {
        this.client = client;
        this.defaultHeaders = defaultHeaders;
        this.defaultQueryParams = defaultQueryParams;
    }

    @Override
    public Call newCall(Request request) {
        CallOptions options = request.tag(CallOptions.class);
        Request.Builder out = request.newBuilder();
        HttpUrl.Builder url = request.url().newBuilder();
        apply(out, url, defaultHeaders, defaultQueryParams);
        OkHttpClient timed = client;
        if (options != null) {
            apply(out, url, options.headers, options.queryParams);
            if (options.timeout != null) timed = clientFor(options.timeout);
        }
        Call call = timed.newCall(out.url(url.build()).build());
        started.add(call);
        if (options != null) options.attach(call);
        return call;
    }

    /** Cancels every call made here that may still be running. */
    void cancelAll() {
        List<Call> calls;
        synchronized (started) {
            calls = new ArrayList<>(started);
            started.clear();
        }
        for (Call call : calls) call.cancel();
    }

    private static void apply(Request.Builder out, HttpUrl.Builder url, Headers headers, QueryParams queryParams) {
        for (String name : headers.names()) {
            out.removeHeader(name);
            for (String value : headers.values(name)) out.addHeader(name, value);
        }
        for (String key : queryParams.keys()) {
            url.removeAllQueryParameters(key);
            for (String value : queryParams.values(key)) url.addQueryParameter(key, value);
        }
    }

    private OkHttpClient clientFor(Timeout timeout) {
        OkHttpClient cached = clientsByTimeout.get(timeout);
        if (cached != null) return cached;
        if (clientsByTimeout.size() >= MAX_CACHED_TIMEOUTS) return withTimeout(timeout);
        return clientsByTimeout.computeIfAbsent(timeout, this::withTimeout);
    }

    private OkHttpClient withTimeout(Timeout timeout) {
        return client.newBuilder()
                .connectTimeout(timeout.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.read().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(timeout.write().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(timeout.request().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }
}
