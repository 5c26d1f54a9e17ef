package dev.switchboard.router;

import java.time.Instant;

/** One call as listeners see it: a number unique within the router, what it asked for, where it went, when. */
public final class RouterCall {
    private final long id;
    private final RouteRequest request;
    private final Pool pool;
    private final Instant startedAt;

    RouterCall(long id, RouteRequest request, Pool pool, Instant startedAt) {
        this.id = id;
        this.request = request;
        this.pool = pool;
        this.startedAt = startedAt;
    }

    public long id() {
        return id;
    }

    public RouteRequest request() {
        return request;
    }

    /** The pool the call was routed to; the implicit pool of the default endpoint is named {@code default}. */
    public Pool pool() {
        return pool;
    }

    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String toString() {
        return "call#" + id + "(" + request.capability() + " " + request.model() + " -> " + pool.name() + ")";
    }
}
