package dev.switchboard.router;

import dev.switchboard.backend.Backend;
import dev.switchboard.core.http.Headers;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.errors.RateLimitException;
import io.reactivex.rxjava3.core.Single;

/** Deployments on scripted backends, failures as backends give them, and calls that run on them. */
final class Fixtures {
    private Fixtures() {}

    static Deployment deployment(ScriptedBackend backend) {
        return Deployment.builder().name(backend.name).backend(backend).build();
    }

    static Deployment.Builder deploymentBuilder(ScriptedBackend backend) {
        return Deployment.builder().name(backend.name).backend(backend);
    }

    static InternalServerException serverError() {
        return InternalServerException.builder().statusCode(503).headers(Headers.builder().build()).build();
    }

    static BadRequestException badRequest() {
        return BadRequestException.builder().headers(Headers.builder().build()).build();
    }

    static RateLimitException rateLimited(String retryAfterSeconds) {
        return RateLimitException.builder().headers(Headers.builder().put("retry-after", retryAfterSeconds).build()).build();
    }

    /** A chat call on {@code model}: the answer is the name of the scripted backend that gave it. */
    static Single<String> chat(Router router, String model) {
        return chat(router, RouteRequest.builder(Capability.CHAT, model).build());
    }

    static Single<String> chat(Router router, RouteRequest request) {
        return router.single(request, (Backend backend, String real) -> ((ScriptedBackend) backend).call());
    }
}
