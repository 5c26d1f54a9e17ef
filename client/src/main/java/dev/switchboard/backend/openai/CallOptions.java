package dev.switchboard.backend.openai;

import dev.switchboard.core.Timeout;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import okhttp3.Call;

/**
 * What one request adds to its deployment's defaults: headers, query parameters and a timeout. It
 * rides along as the request's Retrofit tag and keeps the OkHttp call, so a stream can cancel it
 * from any thread.
 */
final class CallOptions {
    final Headers headers;
    final QueryParams queryParams;
    final Timeout timeout;
    private volatile Call call;
    private volatile boolean cancelled;

    CallOptions(Headers headers, QueryParams queryParams, Timeout timeout) {
        this.headers = headers;
        this.queryParams = queryParams;
        this.timeout = timeout;
    }

    void attach(Call call) {
        this.call = call;
        if (cancelled) call.cancel();
    }

    void cancel() {
        cancelled = true;
        Call c = call;
        if (c != null) c.cancel();
    }

    /** Whether this request's stream was closed by its caller. */
    boolean isCancelled() {
        return cancelled;
    }

    /** Whether the HTTP call was cancelled by someone else: closing the client cancels its calls. */
    boolean isCallCancelledElsewhere() {
        Call c = call;
        return !cancelled && c != null && c.isCanceled();
    }
}
