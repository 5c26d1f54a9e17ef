package dev.switchboard.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * How the gateway listens: host, port, the bearer keys it accepts, and how large a request may be.
 * A router config file may hold them in a {@code gateway:} section beside {@code pools:}:
 *
 * <pre>
 * gateway:
 *   host: 127.0.0.1          # loopback unless you mean to expose it
 *   port: 8000
 *   api_keys: [${SWITCHBOARD_GATEWAY_KEY}]   # callers send Authorization: Bearer &lt;key&gt;; none: no check
 *   max_request_size: 25MB   # bodies beyond this are refused with 413
 * </pre>
 */
public final class GatewaySettings {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    /** OpenAI's own limit for an audio upload. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 25L * 1024 * 1024;

    private static final Set<String> KEYS = Set.of("host", "port", "api_keys", "max_request_size");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private final String host;
    private final int port;
    private final Set<String> apiKeys;
    private final long maxRequestBytes;

    private GatewaySettings(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.apiKeys = Set.copyOf(b.apiKeys);
        this.maxRequestBytes = b.maxRequestBytes;
    }

    public static GatewaySettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.apiKeys.addAll(apiKeys);
        b.maxRequestBytes = maxRequestBytes;
        return b;
    }

    /**
     * The {@code gateway:} section of {@code file}, or the defaults when it has none. {@code ${NAME}}
     * and {@code ${NAME:-default}} are filled from {@code env}; an unset key variable is an error,
     * never a silently open gateway.
     */
    public static GatewaySettings read(Path file, Function<String, String> env) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            // The router's reader reports YAML mistakes with their place; it runs first.
            throw new IllegalArgumentException(file + ": not valid YAML");
        }
        Builder b = builder();
        if (!(root instanceof Map) || !((Map<?, ?>) root).containsKey("gateway")) return b.build();
        Object section = ((Map<?, ?>) root).get("gateway");
        if (section == null) return b.build();
        if (!(section instanceof Map)) throw problem(file, "gateway must be a mapping of gateway settings");
        List<String> problems = new ArrayList<>();
        ((Map<?, ?>) section).forEach((key, value) -> {
            String name = String.valueOf(key);
            if (!KEYS.contains(name)) {
                problems.add("gateway." + name + " is not a gateway setting; known: api_keys, host, max_request_size, port");
                return;
            }
            try {
                switch (name) {
                    case "host": b.host(fill(text(name, value), env, name)); break;
                    case "port": b.port(integer(name, fill(text(name, value), env, name))); break;
                    case "max_request_size": b.maxRequestBytes(size(fill(text(name, value), env, name))); break;
                    default:
                        List<?> keys = value instanceof List ? (List<?>) value : List.of(text(name, value));
                        for (int i = 0; i < keys.size(); i++) {
                            String where = "api_keys[" + i + "]";
                            b.addApiKey(fill(text(where, keys.get(i)), env, where));
                        }
                }
            } catch (IllegalArgumentException e) {
                problems.add("gateway." + e.getMessage());
            }
        });
        if (!problems.isEmpty()) throw problem(file, String.join("\n  ", problems));
        return b.build();
    }

    private static IllegalArgumentException problem(Path file, String text) {
        return new IllegalArgumentException("The gateway section of " + file + " has problems:\n  " + text);
    }

    private static String text(String name, Object value) {
        if (value instanceof Map || value instanceof List || value == null) {
            throw new IllegalArgumentException(name + " must be a single value");
        }
        return String.valueOf(value);
    }

    private static String fill(String text, Function<String, String> env, String name) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null || value.isEmpty()) value = m.group(2);
            if (value == null) {
                throw new IllegalArgumentException(name + ": the environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + text);
        }
    }

    private static long size(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException("max_request_size must be like 512KB, 25MB or 1GB, was " + text);
        long unit = m.group(2) == null ? 1 : switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Set<String> apiKeys() {
        return apiKeys;
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    @Override
    public String toString() {
        // Never the keys themselves.
        return "GatewaySettings{host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size()
                + ", maxRequestBytes=" + maxRequestBytes + "}";
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private final Set<String> apiKeys = new LinkedHashSet<>();
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;

        private Builder() {}

        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) throw new IllegalArgumentException("host must not be blank");
            this.host = host;
            return this;
        }

        /** 0 takes a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
            this.port = port;
            return this;
        }

        public Builder addApiKey(String key) {
            Objects.requireNonNull(key, "api key");
            if (key.isBlank()) throw new IllegalArgumentException("api_keys must not hold a blank key");
            apiKeys.add(key);
            return this;
        }

        public Builder maxRequestBytes(long maxRequestBytes) {
            if (maxRequestBytes < 1024) {
                throw new IllegalArgumentException("max_request_size must be at least 1KB, was " + maxRequestBytes + " bytes");
            }
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        public GatewaySettings build() {
            return new GatewaySettings(this);
        }
    }
}
