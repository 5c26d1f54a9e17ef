package dev.switchboard.router;

import dev.switchboard.backend.BackendFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads one config file into pools and policies. It walks the YAML node tree (which keeps each
 * value's line and column), so every problem of the file is found in one pass and reported with its
 * place; nothing is built from a file with problems.
 */
final class RouterConfigParser {
    static final List<String> BUILT_IN_STRATEGIES =
            List.of("priority", "always_first", "round_robin", "random", "weighted", "least_busy", "lowest_latency");
    static final String LOCAL_MODULE = "dev.switchboard:switchboard-client-local";

    private static final List<String> TOP_KEYS = List.of("pools", "router", "gateway");
    private static final List<String> POOL_KEYS = List.of("strategy", "deployments");
    private static final List<String> DEPLOYMENT_KEYS = List.of("name", "backend", "engine", "base_url", "api_key", "model",
            "weight", "max_concurrency", "rpm", "tpm", "context_window", "timeout", "tags", "options");
    private static final List<String> ROUTER_KEYS = List.of("max_attempts", "backoff", "max_backoff", "retry_after_cap",
            "jitter", "cooldown", "allowed_fails", "cooldown_window", "failure_rate_threshold", "minimum_requests",
            "half_open_probes", "health", "health_interval", "health_timeout", "timeout");

    private final ConfigProblems problems;
    private final EnvSubstitution env;
    private final Set<String> strategies;
    private final Set<String> remoteKinds;
    private final Set<String> factoryKinds;

    final List<Pool> pools = new ArrayList<>();
    RetryPolicy retryPolicy;
    CooldownPolicy cooldownPolicy;
    HealthPolicy healthPolicy;
    Duration requestTimeout;

    /** Deployment names seen so far, to the path of the deployment that has each. */
    private final Map<String, String> deploymentNames = new HashMap<>();

    /**
     * {@code strategies}: the names pools may use besides the built-in ones; {@code remoteKinds}: the
     * kinds of the built-in OpenAI-compatible backend; {@code factories}: every other factory the router will ask.
     */
    RouterConfigParser(String source, Function<String, String> env, Set<String> strategies, Set<String> remoteKinds,
            List<BackendFactory> factories) {
        this.problems = new ConfigProblems(source);
        this.env = new EnvSubstitution(env);
        this.strategies = strategies;
        this.remoteKinds = new TreeSet<>(remoteKinds);
        this.factoryKinds = new TreeSet<>();
        factories.forEach(f -> factoryKinds.addAll(f.kinds()));
    }

    /** Reads {@code yaml}; throws a RouterConfigException listing every problem of the file. */
    RouterConfigParser parse(String yaml) {
        Optional<Node> root = compose(yaml);
        if (root.isPresent()) {
            ConfigNode top = new ConfigNode(root.get(), "", problems, env);
            if (top.isNull()) {
                problems.add(root.get(), "the file is empty; it needs pools: and/or router:");
            } else {
                top.mapping("a mapping with pools: and router:").ifPresent(this::top);
            }
        }
        problems.throwIfAny();
        return this;
    }

    private Optional<Node> compose(String yaml) {
        LoadSettings settings = LoadSettings.builder().setLabel(problems.source()).build();
        try {
            Optional<Node> root = new Compose(settings).composeString(yaml);
            if (root.isEmpty()) problems.add(Optional.empty(), "the file is empty; it needs pools: and/or router:");
            return root;
        } catch (MarkedYamlEngineException e) {
            // The problem alone: the library's full message quotes the offending line, which may hold a key.
            problems.add(e.getProblemMark().or(e::getContextMark), "not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            problems.add(Optional.empty(), "not valid YAML");
        }
        return Optional.empty();
    }

    private void top(ConfigMapping file) {
        file.take("pools").flatMap(n -> n.mapping("a mapping of pool names to pools")).ifPresent(this::pools);
        file.take("router").flatMap(n -> n.mapping("a mapping of router settings")).ifPresent(this::router);
        // The HTTP gateway (switchboard serve) reads its own section; the router only lets it be.
        file.take("gateway");
        file.rejectRest("the file", TOP_KEYS);
    }

    private void pools(ConfigMapping pools) {
        pools.entries().forEach((name, node) -> {
            if (name.isBlank()) {
                node.problem("a pool name must not be blank");
                return;
            }
            if (node.isNull()) {
                node.problem(pools.pathOf(name) + ".deployments must list at least one deployment");
                return;
            }
            node.mapping("a pool: a mapping with strategy: and deployments:").ifPresent(pool -> pool(name, pool));
        });
    }

    private void pool(String name, ConfigMapping pool) {
        Pool.Builder out = Pool.builder().name(name);
        pool.take("strategy").flatMap(this::strategy).ifPresent(out::strategy);
        Optional<ConfigNode> deploymentsNode = pool.take("deployments");
        Optional<List<ConfigNode>> deployments = deploymentsNode.flatMap(n -> n.list("a list of deployments"));
        if (deployments.isEmpty() || deployments.get().isEmpty()) {
            if (deploymentsNode.isEmpty() || deploymentsNode.get().isNull() || deployments.isPresent()) {
                deploymentsNode.orElse(pool.node()).problem(pool.pathOf("deployments") + " must list at least one deployment");
            }
        } else {
            for (int i = 0; i < deployments.get().size(); i++) {
                int index = i;
                ConfigNode item = deployments.get().get(i);
                if (item.isNull()) {
                    item.problem(item.path + " is empty; a deployment needs backend: <kind> or engine: <kind>");
                    continue;
                }
                item.mapping("a deployment: a mapping with backend: or engine:")
                        .flatMap(d -> deployment(name, index, d)).ifPresent(out::addDeployment);
            }
        }
        pool.rejectRest("a pool", POOL_KEYS);
        if (problems.isEmpty()) build(pool.node(), out::build).ifPresent(pools::add);
    }

    private Optional<String> strategy(ConfigNode node) {
        Optional<String> name = node.string();
        if (name.isEmpty()) return Optional.empty();
        String builtIn = name.get().trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (strategies.contains(name.get()) || BUILT_IN_STRATEGIES.contains(builtIn)) return name;
        Set<String> known = new LinkedHashSet<>(BUILT_IN_STRATEGIES);
        known.addAll(strategies);
        node.problem(node.path + ": unknown strategy '" + name.get() + "'; known: " + String.join(", ", known)
                + " (a strategy of your own is registered by name on the client builder or RouterConfig.reader())");
        return Optional.empty();
    }

    private Optional<Deployment> deployment(String pool, int index, ConfigMapping d) {
        int before = problems.count();
        Deployment.Builder out = Deployment.builder();
        Optional<ConfigNode> backendNode = d.take("backend");
        Optional<ConfigNode> engineNode = d.take("engine");
        Optional<String> backend = backendNode.flatMap(ConfigNode::string);
        Optional<String> engine = engineNode.flatMap(ConfigNode::string);
        boolean local = engineNode.isPresent();
        if (backendNode.isPresent() && engineNode.isPresent()) {
            d.node().problem(d.node().path + " sets both backend: and engine:; backend: is a server reached over HTTP, "
                    + "engine: runs in this process: keep one");
        } else if (backendNode.isEmpty() && engineNode.isEmpty()) {
            d.node().problem(d.node().path + " needs backend: <kind> (" + String.join(", ", remoteKinds)
                    + ") or engine: <kind> (a local engine, such as llama)");
        }
        backend.ifPresent(kind -> { if (knownBackend(kind, backendNode.get())) out.kind(kind); });
        engine.ifPresent(kind -> { if (knownEngine(kind, engineNode.get())) out.kind(kind); });

        Optional<ConfigNode> nameNode = d.take("name");
        String name = nameNode.flatMap(ConfigNode::string).orElse(pool + "[" + index + "]");
        String other = deploymentNames.putIfAbsent(name, d.node().path);
        if (other != null) {
            nameNode.orElse(d.node()).problem(d.node().path + ": the deployment name '" + name + "' is taken by " + other
                    + "; names must be unique (set name:)");
        }
        out.name(name);

        Optional<ConfigNode> baseUrl = d.take("base_url");
        Optional<ConfigNode> apiKey = d.take("api_key");
        if (local) {
            baseUrl.ifPresent(n -> n.problem(n.path + " is for servers reached over HTTP (backend:); an engine runs in this process"));
            apiKey.ifPresent(n -> n.problem(n.path + " is for servers reached over HTTP (backend:); an engine runs in this process"));
        } else {
            baseUrl.flatMap(n -> url(n)).ifPresent(out::baseUrl);
            apiKey.flatMap(ConfigNode::secret).ifPresent(out::apiKey);
            if (baseUrl.isEmpty() && backend.isPresent() && remoteKinds.contains(backend.get()) && !backend.get().equals("openai")) {
                d.node().problem(d.node().path + ".base_url must be set for a " + backend.get()
                        + " server (such as http://127.0.0.1:8000/v1)");
            }
        }
        d.take("model").flatMap(ConfigNode::string).ifPresent(out::model);
        d.take("weight").flatMap(n -> n.number(0, true, Double.MAX_VALUE)).ifPresent(out::weight);
        d.take("max_concurrency").flatMap(n -> n.integer(0)).ifPresent(out::maxConcurrency);
        d.take("rpm").flatMap(n -> n.integer(0)).ifPresent(out::rpm);
        d.take("tpm").flatMap(n -> n.integer(0)).ifPresent(out::tpm);
        d.take("context_window").flatMap(n -> n.integer(0)).ifPresent(out::contextWindow);
        d.take("timeout").flatMap(n -> n.duration(false)).ifPresent(out::timeout);
        d.take("tags").flatMap(n -> n.list("a list of tags")).ifPresent(tags -> tags.forEach(
                tag -> tag.string().ifPresent(out::addTag)));
        Map<String, Object> options = new LinkedHashMap<>();
        d.take("options").flatMap(n -> n.mapping("a mapping of option names to values"))
                .ifPresent(m -> m.entries().forEach((key, value) -> options.put(key, value.plainValue())));
        if (local) {
            // An engine's own settings (context size, threads, …) sit beside the common keys; one a
            // letter away from a common key is far likelier a typo than an engine setting.
            d.rest().forEach((key, value) -> {
                Optional<String> meant = ConfigMapping.misspelt(key, DEPLOYMENT_KEYS);
                if (meant.isPresent()) {
                    value.problem(value.path + " looks like a misspelt " + meant.get()
                            + " (an engine setting of that name goes under options:)");
                } else {
                    options.put(key, value.plainValue());
                }
            });
        } else {
            d.rejectRest("a deployment", DEPLOYMENT_KEYS);
        }
        out.options(options);
        if (problems.count() > before) return Optional.empty();
        return build(d.node(), out::build);
    }

    private boolean knownBackend(String kind, ConfigNode at) {
        if (remoteKinds.contains(kind) || factoryKinds.contains(kind)) return true;
        Set<String> known = new TreeSet<>(remoteKinds);
        known.addAll(factoryKinds);
        String lower = kind.toLowerCase(Locale.ROOT);
        at.problem(at.path + ": unknown backend '" + kind + "'; known: " + String.join(", ", known)
                + (known.contains(lower) ? " (kinds are lower case: write " + lower + ")"
                        : "; an engine that runs in this process is written engine: " + kind));
        return false;
    }

    private boolean knownEngine(String kind, ConfigNode at) {
        if (factoryKinds.contains(kind)) return true;
        if (remoteKinds.contains(kind)) {
            at.problem(at.path + ": " + kind + " is a server reached over HTTP: write backend: " + kind + " with its base_url");
        } else if (factoryKinds.isEmpty()) {
            at.problem(at.path + ": no local engine '" + kind + "' on the class path; add switchboard-client-local ("
                    + LOCAL_MODULE + ") to your dependencies");
        } else {
            at.problem(at.path + ": no local engine '" + kind + "' on the class path; engines available: "
                    + String.join(", ", factoryKinds) + " (local engines come with " + LOCAL_MODULE + ")");
        }
        return false;
    }

    private static Optional<String> url(ConfigNode node) {
        Optional<String> url = node.string();
        if (url.isPresent() && HttpUrl.parse(url.get()) == null) {
            node.problem(node.path + " must be an http:// or https:// URL");
            return Optional.empty();
        }
        return url;
    }

    private void router(ConfigMapping r) {
        RetryPolicy.Builder retry = RetryPolicy.builder();
        Optional<Integer> attempts = r.take("max_attempts").flatMap(n -> n.integer(1));
        if (attempts.isPresent()) retry.maxRetries(attempts.get() - 1);
        Optional<Duration> backoff = r.take("backoff").flatMap(n -> n.duration(true));
        backoff.ifPresent(retry::initialBackoff);
        Optional<Duration> maxBackoff = r.take("max_backoff").flatMap(n -> n.duration(true));
        maxBackoff.ifPresent(retry::maxBackoff);
        Optional<Duration> retryAfterCap = r.take("retry_after_cap").flatMap(n -> n.duration(true));
        retryAfterCap.ifPresent(retry::maxRetryAfter);
        Optional<Double> jitter = r.take("jitter").flatMap(n -> n.number(0, false, 1));
        jitter.ifPresent(retry::jitter);
        boolean retrySet = attempts.isPresent() || backoff.isPresent() || maxBackoff.isPresent() || retryAfterCap.isPresent()
                || jitter.isPresent();

        CooldownPolicy.Builder cooldown = CooldownPolicy.builder();
        Optional<Duration> cooldownFor = r.take("cooldown").flatMap(n -> n.duration(false));
        cooldownFor.ifPresent(cooldown::cooldown);
        Optional<Integer> allowedFails = r.take("allowed_fails").flatMap(n -> n.integer(0));
        allowedFails.ifPresent(cooldown::allowedFails);
        Optional<Duration> window = r.take("cooldown_window").flatMap(n -> n.duration(false));
        window.ifPresent(cooldown::window);
        Optional<Double> rate = r.take("failure_rate_threshold").flatMap(n -> n.number(0, true, 100));
        rate.ifPresent(p -> cooldown.failureRateThreshold(p.floatValue()));
        Optional<Integer> minimum = r.take("minimum_requests").flatMap(n -> n.integer(1));
        minimum.ifPresent(cooldown::minimumRequests);
        Optional<Integer> probes = r.take("half_open_probes").flatMap(n -> n.integer(1));
        probes.ifPresent(cooldown::halfOpenProbes);
        boolean cooldownSet = cooldownFor.isPresent() || allowedFails.isPresent() || window.isPresent() || rate.isPresent()
                || minimum.isPresent() || probes.isPresent();

        HealthPolicy.Builder health = HealthPolicy.builder();
        Optional<Boolean> enabled = r.take("health").flatMap(ConfigNode::bool);
        enabled.ifPresent(health::enabled);
        Optional<Duration> interval = r.take("health_interval").flatMap(n -> n.duration(false));
        interval.ifPresent(health::interval);
        Optional<Duration> probeTimeout = r.take("health_timeout").flatMap(n -> n.duration(false));
        probeTimeout.ifPresent(health::timeout);
        boolean healthSet = enabled.isPresent() || interval.isPresent() || probeTimeout.isPresent();

        r.take("timeout").flatMap(n -> n.duration(false)).ifPresent(t -> requestTimeout = t);
        r.rejectRest("router:", ROUTER_KEYS);

        if (retrySet) retryPolicy = retry.build();
        if (cooldownSet) cooldownPolicy = cooldown.build();
        if (healthSet) healthPolicy = health.build();
    }

    /** Builds a value whose own checks should all have been made while reading; reports any left, placed at {@code at}. */
    private static <T> Optional<T> build(ConfigNode at, Supplier<T> builder) {
        try {
            return Optional.of(builder.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            at.problem(at.path + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
