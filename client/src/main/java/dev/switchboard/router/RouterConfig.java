package dev.switchboard.router;

import dev.switchboard.backend.BackendFactory;
import dev.switchboard.backend.openai.OpenAiBackendFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pools and router settings read from a YAML file (or a JSON one: JSON is YAML):
 *
 * <pre>{@code
 * pools:
 *   text-generation:                   # the virtual model name callers use
 *     strategy: priority               # priority (= always_first) | round_robin | random | weighted
 *                                      # | least_busy | lowest_latency | a name registered in code
 *     deployments:
 *       - backend: vllm                # openai, vllm, ollama, llamacpp, tgi, sglang, localai, lmstudio
 *         base_url: http://127.0.0.1:8001/v1
 *         model: Qwen/Qwen3-8B         # the real model sent; unset: the caller's model as it is
 *         weight: 3                    # also: name, max_concurrency, rpm, tpm, context_window,
 *                                      #   timeout, tags: [..], options: {..}
 *       - engine: llama                # a local engine (switchboard-client-local)
 *         model: ./models/qwen3-0.6b-q8_0.gguf
 *         context_size: 4096           # any other key of an engine deployment is an engine option
 *       - backend: openai
 *         model: gpt-4o-mini
 *         api_key: ${OPENAI_API_KEY}   # ${NAME} and ${NAME:-default} come from the environment
 * router:
 *   max_attempts: 3                    # tries per call, the first included
 *   backoff: 500ms                     # first wait between tries, doubling up to max_backoff (8s)
 *   retry_after_cap: 8s                # the longest wait a Retry-After may ask
 *   cooldown: 30s                      # how long a failing deployment stays out
 *   allowed_fails: 3                   # failures within cooldown_window (60s) that cool a deployment
 *   failure_rate_threshold: 50         # or this failure rate, in percent, once minimum_requests (20) were seen
 *   health_interval: 30s               # probes (health: false turns them off; health_timeout: 10s)
 *   timeout: 60s                       # a call's request timeout unless it sets its own
 * }</pre>
 *
 * <p>Durations are written {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} (or {@code 1m30s}, or
 * ISO-8601). A deployment's name defaults to {@code <pool>[<index>]}, as in {@code text-generation[0]}.
 * A file with problems gives one {@link RouterConfigException} that lists each with its line and
 * column, typos in keys and unknown strategy or backend names included; no secret is ever shown.
 *
 * <p>{@link #applyTo(Router.Builder)} adds the pools to a router builder, and the retry, cooldown and
 * health settings the file has (settings it leaves out keep the builder's), and {@code router.timeout}
 * as the router's timeout for a whole call ({@link #requestTimeout()}); the client builder also applies
 * it as the client's request timeout unless the client sets its own.
 */
public final class RouterConfig {
    private final String source;
    private final List<Pool> pools;
    private final RetryPolicy retryPolicy;
    private final CooldownPolicy cooldownPolicy;
    private final HealthPolicy healthPolicy;
    private final Duration requestTimeout;
    private final Map<String, Supplier<RoutingStrategy>> strategies;
    private final List<BackendFactory> backendFactories;

    private RouterConfig(String source, RouterConfigParser parsed, Reader reader) {
        this.source = source;
        this.pools = List.copyOf(parsed.pools);
        this.retryPolicy = parsed.retryPolicy;
        this.cooldownPolicy = parsed.cooldownPolicy;
        this.healthPolicy = parsed.healthPolicy;
        this.requestTimeout = parsed.requestTimeout;
        this.strategies = new LinkedHashMap<>(reader.strategies);
        this.backendFactories = List.copyOf(reader.backendFactories);
    }

    /** Reads {@code file} with the process environment and the built-in strategies; see {@link #reader()} for more. */
    public static RouterConfig load(Path file) {
        return reader().load(file);
    }

    /** Reads {@code yaml}; {@code sourceName} names it in problems, as a file name would. */
    public static RouterConfig parse(String yaml, String sourceName) {
        return reader().parse(yaml, sourceName);
    }

    /** A reader to give strategies and backend factories of your own, or another environment. */
    public static Reader reader() {
        return new Reader();
    }

    /** The file the config was read from, or the name given to {@link #parse}. */
    public String source() {
        return source;
    }

    /** The pools, in the order of the file. */
    public List<Pool> pools() {
        return pools;
    }

    /** The retry settings, when the file has any ({@code max_attempts}, {@code backoff}, …); the rest are defaults. */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /** The cooldown settings, when the file has any ({@code cooldown}, {@code allowed_fails}, …). */
    public Optional<CooldownPolicy> cooldownPolicy() {
        return Optional.ofNullable(cooldownPolicy);
    }

    /** The health-check settings, when the file has any ({@code health}, {@code health_interval}, …). */
    public Optional<HealthPolicy> healthPolicy() {
        return Optional.ofNullable(healthPolicy);
    }

    /** {@code router.timeout}: how long a call may take when it does not set its own timeout. */
    public Optional<Duration> requestTimeout() {
        return Optional.ofNullable(requestTimeout);
    }

    /**
     * Adds the pools to {@code router}, sets the policies the file has, and registers the strategies and
     * backend factories the reader was given. Returns {@code router}.
     */
    public Router.Builder applyTo(Router.Builder router) {
        strategies.forEach(router::strategy);
        backendFactories.forEach(router::addBackendFactory);
        pools.forEach(router::addPool);
        if (retryPolicy != null) router.retryPolicy(retryPolicy);
        if (cooldownPolicy != null) router.cooldownPolicy(cooldownPolicy);
        if (healthPolicy != null) router.healthPolicy(healthPolicy);
        if (requestTimeout != null) router.timeout(requestTimeout);
        return router;
    }

    @Override
    public String toString() {
        return "RouterConfig{" + source + ", pools=" + pools + (retryPolicy == null ? "" : ", " + retryPolicy)
                + (cooldownPolicy == null ? "" : ", " + cooldownPolicy) + (healthPolicy == null ? "" : ", " + healthPolicy)
                + (requestTimeout == null ? "" : ", timeout=" + requestTimeout) + "}";
    }

    /**
     * Reads config files. Strategies and backend factories given here are known while reading (a pool
     * may name them) and are registered on the router by {@link RouterConfig#applyTo}.
     */
    public static final class Reader {
        private Function<String, String> env = System::getenv;
        private final Map<String, Supplier<RoutingStrategy>> strategies = new LinkedHashMap<>();
        private final List<BackendFactory> backendFactories = new ArrayList<>();

        private Reader() {}

        /** Where {@code ${NAME}} is looked up: the process environment unless set; null for an unset variable. */
        public Reader env(Function<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** A strategy pools may name, as {@link Router.Builder#strategy(String, Supplier)}. */
        public Reader strategy(String name, Supplier<RoutingStrategy> strategy) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("strategy name must be set");
            strategies.put(name, Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** A factory for kinds of your own, as {@link Router.Builder#addBackendFactory(BackendFactory)}. */
        public Reader addBackendFactory(BackendFactory factory) {
            backendFactories.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        public RouterConfig load(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new RouterConfigException(file.toString(), List.of(file + ": no such file"));
            } catch (IOException e) {
                throw new RouterConfigException(file.toString(), List.of(file + ": cannot be read: " + e));
            }
            return parse(text, file.toString());
        }

        public RouterConfig parse(String yaml, String sourceName) {
            Objects.requireNonNull(yaml, "yaml");
            Objects.requireNonNull(sourceName, "sourceName");
            // The kinds the router will find, to name what is missing while the file's places are known.
            List<BackendFactory> factories = new ArrayList<>(backendFactories);
            ServiceLoader.load(BackendFactory.class).forEach(factories::add);
            RouterConfigParser parsed = new RouterConfigParser(sourceName, env, strategies.keySet(),
                    new OpenAiBackendFactory().kinds(), factories).parse(yaml);
            return new RouterConfig(sourceName, parsed, this);
        }
    }
}
