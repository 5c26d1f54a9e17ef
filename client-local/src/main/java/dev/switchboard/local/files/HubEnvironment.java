package dev.switchboard.local.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Where the Hugging Face cache is, which hub to ask, with what token, and whether the network may be
 * used: read from the same environment variables as {@code huggingface_hub}, so both share one cache.
 *
 * <ul>
 *   <li>cache: {@code HF_HUB_CACHE}, else {@code HUGGINGFACE_HUB_CACHE}, else {@code $HF_HOME/hub}, else
 *       {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub};
 *   <li>hub: {@code HF_ENDPOINT}, else {@code https://huggingface.co};
 *   <li>token: {@code HF_TOKEN}, else {@code HUGGING_FACE_HUB_TOKEN}, else the file {@code HF_TOKEN_PATH}
 *       or {@code $HF_HOME/token} that {@code huggingface-cli login} writes;
 *   <li>offline: {@code HF_HUB_OFFLINE} (or {@code TRANSFORMERS_OFFLINE}) set to 1, true, yes or on.
 * </ul>
 *
 * The token is sent to the hub only; it never appears in {@link #toString()}, logs or exception messages.
 */
public final class HubEnvironment {
    /** The public hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private static final Set<String> TRUE_VALUES = Set.of("1", "ON", "YES", "TRUE");

    private final Path cacheDir;
    private final HttpUrl endpoint;
    private final String token;
    private final String tokenSource;
    private final boolean offline;

    private HubEnvironment(Builder b) {
        this.cacheDir = b.cacheDir.toAbsolutePath().normalize();
        this.endpoint = b.endpoint;
        this.token = b.token;
        this.tokenSource = b.tokenSource;
        this.offline = b.offline;
    }

    /** Read from this process's environment variables, with {@code ~} the {@code user.home} directory. */
    public static HubEnvironment fromSystem() {
        return from(System::getenv, Path.of(System.getProperty("user.home")));
    }

    /**
     * Read from {@code env} (a variable's value by name, or null), with {@code ~} meaning {@code home}.
     *
     * @throws IllegalArgumentException when {@code HF_ENDPOINT} is not an http or https URL
     */
    public static HubEnvironment from(Function<String, String> env, Path home) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(home, "home");
        Function<String, String> value = name -> {
            String v = env.apply(name);
            return v == null || v.isBlank() ? null : v.strip();
        };
        Function<String, Path> path = name -> {
            String v = value.apply(name);
            if (v == null) return null;
            if (v.equals("~")) return home;
            if (v.startsWith("~/")) return home.resolve(v.substring(2));
            return Path.of(v);
        };
        Path hfHome = path.apply("HF_HOME");
        if (hfHome == null) {
            Path xdg = path.apply("XDG_CACHE_HOME");
            hfHome = (xdg != null ? xdg : home.resolve(".cache")).resolve("huggingface");
        }
        Path cache = path.apply("HF_HUB_CACHE");
        if (cache == null) cache = path.apply("HUGGINGFACE_HUB_CACHE");
        if (cache == null) cache = hfHome.resolve("hub");

        Builder b = builder().cacheDir(cache);
        String endpoint = value.apply("HF_ENDPOINT");
        if (endpoint != null) b.endpoint("HF_ENDPOINT", endpoint);

        if (value.apply("HF_TOKEN") != null) {
            b.token(value.apply("HF_TOKEN"), "HF_TOKEN");
        } else if (value.apply("HUGGING_FACE_HUB_TOKEN") != null) {
            b.token(value.apply("HUGGING_FACE_HUB_TOKEN"), "HUGGING_FACE_HUB_TOKEN");
        } else {
            Path tokenFile = path.apply("HF_TOKEN_PATH");
            if (tokenFile == null) tokenFile = hfHome.resolve("token");
            Path file = tokenFile;
            readToken(file).ifPresent(t -> b.token(t, "the token file " + file));
        }

        String offline = value.apply("HF_HUB_OFFLINE");
        if (offline == null) offline = value.apply("TRANSFORMERS_OFFLINE");
        b.offline(offline != null && TRUE_VALUES.contains(offline.toUpperCase(Locale.ROOT)));
        return b.build();
    }

    private static Optional<String> readToken(Path file) {
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            String t = Files.readString(file, StandardCharsets.UTF_8).strip();
            return t.isEmpty() ? Optional.empty() : Optional.of(t);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable token file is as good as none: the hub will say 401 if it matters
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.cacheDir = cacheDir;
        b.endpoint = endpoint;
        b.token = token;
        b.tokenSource = tokenSource;
        b.offline = offline;
        return b;
    }

    /** The hub cache: the folder holding {@code models--owner--repo} folders. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** The hub's base URL, without a trailing {@code /}. */
    public String endpoint() {
        String s = endpoint.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    HttpUrl endpointUrl() {
        return endpoint;
    }

    /** Whether a token will be sent to the hub. */
    public boolean hasToken() {
        return token != null;
    }

    Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** Where the token came from, for messages: a variable's name, a file, or "the builder". */
    Optional<String> tokenSource() {
        return Optional.ofNullable(tokenSource);
    }

    /** Whether the network is never used: files come from the cache or not at all. */
    public boolean offline() {
        return offline;
    }

    @Override
    public String toString() {
        return "HubEnvironment{cacheDir=" + cacheDir + ", endpoint=" + endpoint() + ", token="
                + (token == null ? "none" : "set") + ", offline=" + offline + "}";
    }

    public static final class Builder {
        private Path cacheDir = Path.of(System.getProperty("user.home"), ".cache", "huggingface", "hub");
        private HttpUrl endpoint = HttpUrl.get(DEFAULT_ENDPOINT);
        private String token;
        private String tokenSource;
        private boolean offline;

        private Builder() {}

        /** The hub cache folder; made when the first file is downloaded. */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
            return this;
        }

        /**
         * The hub's base URL, such as {@code https://huggingface.co} or a mirror's.
         *
         * @throws IllegalArgumentException when it is not an http or https URL
         */
        public Builder endpoint(String endpoint) {
            return endpoint("endpoint", endpoint);
        }

        private Builder endpoint(String name, String endpoint) {
            Objects.requireNonNull(endpoint, name);
            HttpUrl url = HttpUrl.parse(endpoint.strip());
            if (url == null || url.query() != null || url.fragment() != null) {
                throw new IllegalArgumentException(name + " must be an http or https URL such as " + DEFAULT_ENDPOINT
                        + ", was '" + endpoint + "'");
            }
            if (!url.username().isEmpty() || !url.password().isEmpty()) {
                // Credentials in the URL would show in every message that names the hub; the token goes in HF_TOKEN.
                throw new IllegalArgumentException(name + " must not hold a user name or password: give a token with"
                        + " HF_TOKEN instead");
            }
            this.endpoint = url;
            return this;
        }

        /** The access token sent to the hub as {@code Authorization: Bearer}; null for none. */
        public Builder token(String token) {
            return token(token, "the token given to HubEnvironment.Builder");
        }

        private Builder token(String token, String source) {
            this.token = token == null || token.isBlank() ? null : token.strip();
            this.tokenSource = this.token == null ? null : source;
            return this;
        }

        /** Never use the network: resolve hub files from the cache only. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        public HubEnvironment build() {
            return new HubEnvironment(this);
        }

        @Override
        public String toString() {
            return "HubEnvironment.Builder{cacheDir=" + cacheDir + ", endpoint=" + endpoint + ", token="
                    + (token == null ? "none" : "set") + ", offline=" + offline + "}";
        }
    }
}
