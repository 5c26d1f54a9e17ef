package dev.switchboard.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a request may take: connecting (default 1 minute), reading and writing (default: the
 * request timeout) and the whole request (default 10 minutes), as in the official SDK.
 */
public final class Timeout {
    private static final Timeout DEFAULT = builder().build();

    private final Duration connect;
    private final Duration read;
    private final Duration write;
    private final Duration request;

    private Timeout(Duration connect, Duration read, Duration write, Duration request) {
        this.connect = connect;
        this.read = read;
        this.write = write;
        this.request = request;
    }

    /** The defaults; the official SDK's {@code default()} cannot be called from Java source. */
    public static Timeout defaultTimeout() {
        return DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Duration connect() {
        return connect != null ? connect : Duration.ofMinutes(1);
    }

    public Duration read() {
        return read != null ? read : request();
    }

    public Duration write() {
        return write != null ? write : request();
    }

    public Duration request() {
        return request != null ? request : Duration.ofMinutes(10);
    }

    public Builder toBuilder() {
        return new Builder().connect(connect).read(read).write(write).request(request);
    }

    /** This timeout with every unset part taken from {@code defaults}. */
    public Timeout withDefaults(Timeout defaults) {
        return new Timeout(
                connect != null ? connect : defaults.connect,
                read != null ? read : defaults.read,
                write != null ? write : defaults.write,
                request != null ? request : defaults.request);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Timeout)) return false;
        Timeout t = (Timeout) o;
        return Objects.equals(connect, t.connect) && Objects.equals(read, t.read)
                && Objects.equals(write, t.write) && Objects.equals(request, t.request);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connect, read, write, request);
    }

    @Override
    public String toString() {
        return "Timeout{connect=" + connect() + ", read=" + read() + ", write=" + write() + ", request=" + request() + "}";
    }

    public static final class Builder {
        private Duration connect;
        private Duration read;
        private Duration write;
        private Duration request;

        private Builder() {}

        public Builder connect(Duration connect) {
            this.connect = check("connect", connect);
            return this;
        }

        public Builder connect(Optional<Duration> connect) {
            return connect(connect.orElse(null));
        }

        public Builder read(Duration read) {
            this.read = check("read", read);
            return this;
        }

        public Builder read(Optional<Duration> read) {
            return read(read.orElse(null));
        }

        public Builder write(Duration write) {
            this.write = check("write", write);
            return this;
        }

        public Builder write(Optional<Duration> write) {
            return write(write.orElse(null));
        }

        public Builder request(Duration request) {
            this.request = check("request", request);
            return this;
        }

        public Builder request(Optional<Duration> request) {
            return request(request.orElse(null));
        }

        public Timeout build() {
            return new Timeout(connect, read, write, request);
        }

        private static Duration check(String name, Duration d) {
            if (d != null && d.isNegative()) {
                throw new IllegalArgumentException("timeout." + name + " must be >= 0, was " + d);
            }
            return d;
        }
    }
}
