package dev.switchboard.backend;

import dev.switchboard.core.http.Headers;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.errors.RateLimitException;
import dev.switchboard.models.ErrorObject;

/**
 * The official exceptions a backend that is not an HTTP server (a local engine) answers with,
 * shaped as an OpenAI-compatible server's would be, so callers and the router's failure classifier
 * treat both alike: a 400 is the caller's to fix, a 429 or 500 may fail over.
 */
public final class BackendErrors {
    private BackendErrors() {}

    /** HTTP 400 with the code {@code invalid_value}: {@code param} (nullable) names the field at fault. */
    public static BadRequestException badRequest(String param, String message) {
        return badRequest(param, "invalid_value", message);
    }

    /** HTTP 400: the request cannot be served as it is; {@code param} (nullable) names the field at fault. */
    public static BadRequestException badRequest(String param, String code, String message) {
        ErrorObject.Builder error = ErrorObject.builder().message(message).type("invalid_request_error").code(code);
        if (param != null) error.param(param);
        return BadRequestException.builder().headers(Headers.builder().build()).error(error.build()).build();
    }

    /** HTTP 429: the backend has no room for the call now; the router may try another deployment. */
    public static RateLimitException busy(String message) {
        ErrorObject error = ErrorObject.builder().message(message).type("requests").code("engine_busy").build();
        return RateLimitException.builder().headers(Headers.builder().build()).error(error).build();
    }

    /** HTTP 500: the backend failed on a request it accepted; another deployment may serve it. */
    public static InternalServerException failed(String message) {
        return failed(message, null);
    }

    /** HTTP 500 caused by {@code cause} (nullable). */
    public static InternalServerException failed(String message, Throwable cause) {
        ErrorObject error = ErrorObject.builder().message(message).type("server_error").code("engine_error").build();
        InternalServerException.Builder failure = InternalServerException.builder().statusCode(500)
                .headers(Headers.builder().build()).error(error);
        if (cause != null) failure.cause(cause);
        return failure.build();
    }
}
