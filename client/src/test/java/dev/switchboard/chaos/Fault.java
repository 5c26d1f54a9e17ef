package dev.switchboard.chaos;

/** What the faulty deployment does to one request instead of answering it well. */
enum Fault {
    /** A 500 with an OpenAI error body. */
    SERVER_ERROR,
    /** A 429 asking, by {@code retry-after-ms} and {@code Retry-After}, for a short wait. */
    RATE_LIMITED,
    /** The request is read, then the connection is closed before a byte of the answer. */
    DISCONNECT_AT_START,
    /** Half the body is written, then the connection is closed. */
    DISCONNECT_MID_BODY,
    /** No answer at all, until the client gives up on the deployment's timeout. */
    STALL,
    /** A 200 whose JSON breaks off (a whole answer) or whose next event is not JSON (a stream). */
    MALFORMED_JSON,
    /** A stream that ends cleanly, but without its finish reason and without [DONE]. */
    SSE_CUT_SHORT;

    boolean appliesTo(boolean stream) {
        return stream || this != SSE_CUT_SHORT;
    }
}
