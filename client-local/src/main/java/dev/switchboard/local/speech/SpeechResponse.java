package dev.switchboard.local.speech;

import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import okio.Okio;
import okio.Pipe;

/**
 * The audio of one call as an HTTP-shaped response whose body is read while the engine still
 * speaks: the synthesis thread writes into an Okio {@link Pipe}, the caller reads the other end.
 * Closing the response closes the pipe's source, so the engine's next write fails and it stops. If
 * the engine fails after the first bytes, reading throws an {@link IOException} that says so:
 * audio is never cut short in silence.
 */
final class SpeechResponse implements HttpResponse {
    private final AudioFormat format;
    private final Pipe pipe;
    private final InputStream body;
    private volatile Throwable failure;

    SpeechResponse(AudioFormat format, Pipe pipe) {
        this.format = format;
        this.pipe = pipe;
        this.body = new Body(Okio.buffer(pipe.source()).inputStream());
    }

    /** The engine failed part-way: the reader's next read throws. */
    void fail(Throwable cause) {
        failure = cause;
        pipe.cancel();
    }

    @Override
    public int statusCode() {
        return 200;
    }

    @Override
    public Headers headers() {
        return Headers.builder().put("Content-Type", format.contentType()).build();
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing a pipe's source does no I/O
        }
    }

    @Override
    public String toString() {
        return "HttpResponse{statusCode=200, " + format.contentType() + ", local speech}";
    }

    private final class Body extends InputStream {
        private final InputStream in;

        Body(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw explained(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw explained(e);
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private IOException explained(IOException e) {
            Throwable cause = failure;
            return cause == null ? e : new IOException("speech synthesis failed part-way: " + cause.getMessage(), cause);
        }
    }
}
