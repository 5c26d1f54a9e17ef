package dev.switchboard.local.whisper;

import dev.switchboard.core.http.Headers;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.errors.RateLimitException;
import dev.switchboard.models.ErrorObject;

/** The official exceptions the whisper engine answers with, shaped as the OpenAI API's would be. */
final class Failures {
    private Failures() {}

    /** HTTP 400: the request cannot be served as it is; {@code param} names the field at fault. */
    static BadRequestException badRequest(String param, String code, String message) {
        ErrorObject.Builder error = ErrorObject.builder().message(message).type("invalid_request_error").code(code);
        if (param != null) error.param(param);
        return BadRequestException.builder().headers(Headers.builder().build()).error(error.build()).build();
    }

    /** HTTP 429: every state is busy and the queue is full; the router may try another deployment. */
    static RateLimitException busy(String message) {
        ErrorObject error = ErrorObject.builder().message(message).type("requests").code("slots_busy").build();
        return RateLimitException.builder().headers(Headers.builder().build()).error(error).build();
    }

    /** HTTP 500: whisper.cpp failed on a request it accepted; another deployment may serve it. */
    static InternalServerException engineFailed(String message) {
        ErrorObject error = ErrorObject.builder().message(message).type("server_error").code("engine_error").build();
        return InternalServerException.builder().statusCode(500).headers(Headers.builder().build()).error(error).build();
    }
}
