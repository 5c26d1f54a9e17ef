package dev.switchboard.router;

import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.OpenAIRetryableException;
import dev.switchboard.errors.OpenAIServiceException;
import dev.switchboard.errors.SseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides whether a failure is worth another attempt. Retryable: the connection
 * (refused, reset, timed out, cut off), 408, 409, 429, 5xx, an error event inside a stream, a local
 * model that cannot load, and a malformed answer. Final: everything else, 400, 401, 403, 404 and
 * 422 among them. A server's {@code x-should-retry} header overrides the status, as the official SDK
 * honours it.
 */
public final class FailureClassifier {
    private FailureClassifier() {}

    public static boolean isRetryable(Throwable failure) {
        if (failure instanceof SseException) return true;
        if (failure instanceof OpenAIServiceException) {
            OpenAIServiceException e = (OpenAIServiceException) failure;
            List<String> shouldRetry = e.headers().values("x-should-retry");
            // Only a clear yes or no overrides the status; anything else leaves the decision to it.
            if (!shouldRetry.isEmpty() && "true".equalsIgnoreCase(shouldRetry.get(0))) return true;
            if (!shouldRetry.isEmpty() && "false".equalsIgnoreCase(shouldRetry.get(0))) return false;
            int status = e.statusCode();
            return status == 408 || status == 409 || status == 429 || status >= 500;
        }
        return failure instanceof OpenAIIoException
                || failure instanceof ModelLoadException // this deployment's model is unusable: another's may do
                || failure instanceof OpenAIInvalidDataException
                || failure instanceof OpenAIRetryableException
                || failure instanceof IOException
                || failure instanceof TimeoutException;
    }

    /** Whether {@code failure} is a timeout (of a read, a connection, a whole call), however wrapped. */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof TimeoutException) return true;
        }
        return false;
    }
}
