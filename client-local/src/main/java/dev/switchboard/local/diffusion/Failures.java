package dev.switchboard.local.diffusion;

import dev.switchboard.core.http.Headers;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.models.ErrorObject;

/** The official exceptions the diffusion engine answers with, shaped as a server's would be. */
final class Failures {
    private Failures() {}

    /** HTTP 400: the request cannot be served as it is; {@code param} names the field at fault. */
    static BadRequestException badRequest(String param, String message) {
        ErrorObject.Builder error = ErrorObject.builder().message(message).type("invalid_request_error")
                .code("invalid_value");
        if (param != null) error.param(param);
        return BadRequestException.builder().headers(Headers.builder().build()).error(error.build()).build();
    }

    /** HTTP 500: the engine failed on a request it accepted; another deployment may serve it. */
    static InternalServerException engineFailed(String message, Throwable cause) {
        ErrorObject error = ErrorObject.builder().message(message).type("server_error").code("engine_error").build();
        return InternalServerException.builder().statusCode(500).headers(Headers.builder().build()).error(error)
                .cause(cause).build();
    }
}
