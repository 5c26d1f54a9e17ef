package dev.switchboard.backend.openai;

import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.HttpResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
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
        return new ZeroLengthReadsReturn(body.byteStream());
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

    /**
     * Okio's stream waits for more data even when asked for no bytes, which InputStream's contract
     * forbids; {@code readNBytes(n)} ends with such a read, so it would stall until the server sent
     * more than the n bytes already there.
     */
    private static final class ZeroLengthReadsReturn extends FilterInputStream {
        ZeroLengthReadsReturn(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            return len == 0 ? 0 : in.read(b, off, len);
        }
    }
}
