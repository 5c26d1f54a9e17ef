package dev.switchboard.backend.openai;

import com.squareup.moshi.JsonDataException;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.errors.NotFoundException;
import dev.switchboard.errors.OpenAIException;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.OpenAIServiceException;
import dev.switchboard.errors.PermissionDeniedException;
import dev.switchboard.errors.RateLimitException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.errors.UnexpectedStatusCodeException;
import dev.switchboard.errors.UnprocessableEntityException;
import dev.switchboard.models.ErrorObject;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.HttpException;
import retrofit2.Response;

/**
 * Turns whatever went wrong on the wire into the official exceptions. Error bodies come in several
 * dialects and all give message, type, param and code:
 * OpenAI and llama.cpp {@code {"error": {"message", "type", "param", "code"}}} (llama.cpp and vLLM
 * with an integer code), older vLLM the same fields at the top level, TGI
 * {@code {"error": "…", "error_type": "…"}}, Ollama {@code {"error": "…"}}, and plain text.
 */
final class ErrorResponses {
    private static final long MAX_ERROR_BODY = 64 * 1024;
    /** How Moshi's reader starts its message when a document ends before its value does. */
    private static final String MOSHI_END_OF_INPUT = "End of input";

    private ErrorResponses() {}

    /** The official exception for {@code failure} of a request to {@code route} (method and URL path). */
    static Throwable translate(Throwable failure, String route) {
        if (failure instanceof OpenAIException) return failure;
        if (failure instanceof HttpException) return fromResponse(((HttpException) failure).response());
        if (failure instanceof JsonDataException || failure instanceof com.squareup.moshi.JsonEncodingException) {
            return new OpenAIInvalidDataException(route + " answered malformed JSON: " + failure.getMessage(), failure);
        }
        if (failure instanceof EOFException && String.valueOf(failure.getMessage()).startsWith(MOSHI_END_OF_INPUT)) {
            // Moshi ran out of JSON in a body that ended cleanly: the server sent too little, the wire is fine.
            return new OpenAIInvalidDataException(route + " answered incomplete JSON: the body ended before its value did"
                    + " (an empty body, or one cut short)", failure);
        }
        if (failure instanceof InterruptedIOException) {
            return new OpenAIIoException(route + " timed out", failure);
        }
        if (failure instanceof IOException) {
            return new OpenAIIoException(route + " failed: " + failure.getMessage(), failure);
        }
        return failure;
    }

    static OpenAIServiceException fromResponse(Response<?> response) {
        String body = "";
        ResponseBody errorBody = response.errorBody();
        if (errorBody != null) {
            try (ResponseBody b = errorBody) {
                body = b.source().request(MAX_ERROR_BODY) ? b.source().readUtf8(MAX_ERROR_BODY) : b.source().readUtf8();
            } catch (IOException e) {
                body = "";
            }
        }
        return of(response.code(), headers(response.headers()), body);
    }

    /** The exception for an error answer with this status, headers and body text. */
    static OpenAIServiceException of(int status, Headers headers, String body) {
        ErrorObject error = errorObject(body);
        switch (status) {
            case 400:
                return BadRequestException.builder().headers(headers).error(error).build();
            case 401:
                return UnauthorizedException.builder().headers(headers).error(error).build();
            case 403:
                return PermissionDeniedException.builder().headers(headers).error(error).build();
            case 404:
                return NotFoundException.builder().headers(headers).error(error).build();
            case 422:
                return UnprocessableEntityException.builder().headers(headers).error(error).build();
            case 429:
                return RateLimitException.builder().headers(headers).error(error).build();
            default:
                if (status >= 500 && status <= 599) {
                    return InternalServerException.builder().statusCode(status).headers(headers).error(error).build();
                }
                return UnexpectedStatusCodeException.builder().statusCode(status).headers(headers).error(error).build();
        }
    }

    /** The error object of a body in any dialect; null when the body says nothing. */
    static ErrorObject errorObject(String body) {
        if (body == null || body.isBlank()) return null;
        JsonValue json;
        try {
            json = JsonValueAdapter.parse(body);
        } catch (OpenAIInvalidDataException notJson) {
            return ErrorObject.builder().message(body.strip()).type("error").build();
        }
        if (!(json instanceof JsonObject)) return ErrorObject.builder().message(body.strip()).type("error").build();
        return errorObject((JsonObject) json);
    }

    static ErrorObject errorObject(JsonObject json) {
        Map<String, JsonValue> fields = json.values();
        JsonValue error = fields.get("error");
        if (error instanceof JsonObject) return normalized(((JsonObject) error).values());
        if (error instanceof JsonString) {
            Map<String, JsonValue> flat = new LinkedHashMap<>();
            flat.put("message", error);
            JsonValue type = fields.get("error_type");
            flat.put("type", type instanceof JsonString ? type : JsonString.of("error"));
            return normalized(flat);
        }
        if (fields.get("message") instanceof JsonString) return normalized(fields);
        return ErrorObject.builder().message(JsonValueAdapter.toJsonString(json)).type("error").build();
    }

    /** Codes become strings (vLLM and llama.cpp send numbers); message and type are always there. */
    private static ErrorObject normalized(Map<String, JsonValue> fields) {
        ErrorObject.Builder out = ErrorObject.builder();
        fields.forEach((k, v) -> {
            if (!k.equals("object")) out.putAdditionalProperty(k, v);
        });
        JsonValue code = fields.get("code");
        if (code instanceof JsonNumber) out.code(code.toString());
        JsonValue message = fields.get("message");
        if (!(message instanceof JsonString)) out.message(message == null ? "Unknown" : JsonValueAdapter.toJsonString(message));
        JsonValue type = fields.get("type");
        if (!(type instanceof JsonString)) out.type("error");
        JsonValue param = fields.get("param");
        if (param != null && !(param instanceof JsonString)) out.param((String) null);
        return out.build();
    }

    static Headers headers(okhttp3.Headers headers) {
        Headers.Builder out = Headers.builder();
        for (int i = 0; i < headers.size(); i++) out.put(headers.name(i), headers.value(i));
        return out.build();
    }
}
