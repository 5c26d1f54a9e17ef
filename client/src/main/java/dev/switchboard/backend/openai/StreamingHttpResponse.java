package dev.switchboard.backend.openai;

import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.HttpResponse;
import java.io.InputStream;
import okhttp3.ResponseBody;

/** A successful response whose body is read from the connection as it arrives. */
final class StreamingHttpResponse implements HttpResponse {
    private final int statusCode;
    private final Headers headers;
    private final ResponseBody body;

    StreamingHttpResponse(int statusCode, Headers headers, ResponseBody body) {
        this.statusCode = statusCode;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public int statusCode() {
        return statusCode;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public InputStream body() {
        return body.byteStream();
    }

    /** Releases the connection; OkHttp drops it when the body was not read to its end. */
    @Override
    public void close() {
        body.close();
    }

    @Override
    public String toString() {
        return "HttpResponse{statusCode=" + statusCode + "}";
    }
}
