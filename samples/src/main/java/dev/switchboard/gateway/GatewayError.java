package dev.switchboard.gateway;

import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.errors.NoDeploymentAvailableException;
import dev.switchboard.errors.OpenAIServiceException;
import dev.switchboard.errors.UnsupportedCapabilityException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A failed request as the gateway answers it: an HTTP status and OpenAI's error body
 * ({@code {"error": {"message", "type", "param", "code"}}}), so official clients raise their usual
 * exception (400 BadRequestException, 401 UnauthorizedException, 404 NotFoundException, 5xx
 * InternalServerException) with our message.
 */
final class GatewayError extends RuntimeException {
    final int status;
    final String type;
    final String code;
    final String param;

    GatewayError(int status, String type, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static GatewayError badRequest(String message) {
        return new GatewayError(400, "invalid_request_error", null, null, message);
    }

    static GatewayError badRequest(String param, String message) {
        return new GatewayError(400, "invalid_request_error", null, param, message);
    }

    static GatewayError unknownModel(String model, Iterable<String> known) {
        return new GatewayError(404, "invalid_request_error", "model_not_found", "model",
                "The model `" + model + "` does not exist on this gateway; known models: " + String.join(", ", known));
    }

    /** What the router's failure {@code failure} means to a caller of the gateway. */
    static GatewayError of(Throwable failure) {
        if (failure instanceof GatewayError) return (GatewayError) failure;
        if (failure instanceof UnsupportedCapabilityException) {
            return new GatewayError(501, "invalid_request_error", "unsupported_capability", "model", failure.getMessage());
        }
        if (isTimeout(failure)) {
            return new GatewayError(504, "api_error", "timeout", null, failure.getMessage());
        }
        if (failure instanceof NoDeploymentAvailableException) {
            NoDeploymentAvailableException none = (NoDeploymentAvailableException) failure;
            // Every deployment answered the request itself was bad: the caller's mistake, not the pool's health.
            OpenAIServiceException rejected = rejection(none);
            if (rejected != null) return passThrough(rejected);
            return new GatewayError(503, "api_error", "no_deployment_available", null, failure.getMessage());
        }
        if (failure instanceof OpenAIServiceException) return passThrough((OpenAIServiceException) failure);
        if (failure instanceof ModelLoadException) {
            return new GatewayError(502, "api_error", "model_load_failed", null, failure.getMessage());
        }
        return new GatewayError(502, "api_error", "backend_failure", null,
                failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName());
    }

    /** The caller's own mistakes keep their status (400, 413, 422, 429); a backend's other refusals are 502. */
    private static GatewayError passThrough(OpenAIServiceException e) {
        int status = e.statusCode();
        String message = e.getMessage();
        if (status == 400 || status == 413 || status == 422 || status == 429) {
            return new GatewayError(status, status == 429 ? "rate_limit_exceeded" : "invalid_request_error",
                    e.code().orElse(null), e.param().orElse(null), message);
        }
        return new GatewayError(502, "api_error", "backend_failure", null, message);
    }

    private static OpenAIServiceException rejection(NoDeploymentAvailableException none) {
        OpenAIServiceException first = null;
        for (Throwable t : none.failures().values()) {
            if (!(t instanceof OpenAIServiceException)) return null;
            int status = ((OpenAIServiceException) t).statusCode();
            if (status != 400 && status != 422) return null;
            if (first == null) first = (OpenAIServiceException) t;
        }
        return first;
    }

    private static boolean isTimeout(Throwable failure) {
        if (failure instanceof NoDeploymentAvailableException) {
            Map<String, Throwable> failures = ((NoDeploymentAvailableException) failure).failures();
            return !failures.isEmpty() && failures.values().stream().allMatch(GatewayError::isTimeout);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof InterruptedIOException) return true;
        }
        return false;
    }

    JsonValue body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", getMessage());
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return JsonValue.from(Map.of("error", error));
    }
}
