package dev.switchboard.client.okhttp;

import dev.switchboard.backend.openai.OpenAiCompatibleBackend;
import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.Timeout;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.RetryPolicy;
import dev.switchboard.router.Router;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.router.RoutingStrategy;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The options both client builders share, with the official SDK's names and defaults: the default
 * endpoint (base URL, key, organization, project, headers, query parameters), retries, timeouts,
 * proxy and OkHttp client. Secrets set here never appear in logs or {@code toString()}.
 *
 * <p>Switchboard adds pools: {@link #routerConfig(Path)} reads them from a file (so does
 * {@link #fromEnv()}, from {@code SWITCHBOARD_CONFIG}), and their names become model names callers
 * can use; every other model name still goes to the default endpoint, as in the official SDK. Or
 * {@link #router(Router)} hands the client a router built in code.
 */
abstract class ClientBuilder<B extends ClientBuilder<B>> {
    private static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private String baseUrl;
    private String apiKey;
    private String organization;
    private String project;
    private Integer maxRetries;
    private RetryPolicy retryPolicy;
    private Timeout timeout = Timeout.defaultTimeout();
    private boolean responseValidation;
    private Proxy proxy;
    private OkHttpClient okHttpClient;
    private Executor streamHandlerExecutor;
    private final List<Interceptor> interceptors = new ArrayList<>();
    private Boolean followRedirects;
    private Integer maxIdleConnections;
    private Duration keepAliveDuration;
    private SSLSocketFactory sslSocketFactory;
    private X509TrustManager trustManager;
    private HostnameVerifier hostnameVerifier;
    private ExecutorService dispatcherExecutorService;
    private final Headers.Builder headers = Headers.builder();
    private final QueryParams.Builder queryParams = QueryParams.builder();
    private boolean timeoutSet;
    private Router router;
    private Path routerConfigFile;
    private RouterConfig routerConfig;
    private final Map<String, Supplier<RoutingStrategy>> strategies = new LinkedHashMap<>();
    /** Options whose value {@link #fromEnv()} read rather than the caller set; a given router overrides them quietly. */
    private final Set<String> readFromEnv = new HashSet<>();

    ClientBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Reads the default endpoint from the environment: system properties {@code openai.apiKey},
     * {@code openai.baseUrl}, {@code openai.orgId}, {@code openai.projectId}, else the variables
     * OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID; and a router config file
     * from {@code switchboard.config}, else SWITCHBOARD_CONFIG (see {@link #routerConfig(Path)}).
     */
    public B fromEnv() {
        setting("openai.baseUrl", "OPENAI_BASE_URL").ifPresent(v -> fromEnv("baseUrl", () -> baseUrl(v)));
        setting("openai.apiKey", "OPENAI_API_KEY").ifPresent(v -> fromEnv("apiKey", () -> apiKey(v)));
        setting("openai.orgId", "OPENAI_ORG_ID").ifPresent(v -> fromEnv("organization", () -> organization(v)));
        setting("openai.projectId", "OPENAI_PROJECT_ID").ifPresent(v -> fromEnv("project", () -> project(v)));
        setting("switchboard.config", "SWITCHBOARD_CONFIG").ifPresent(v -> fromEnv("routerConfig", () -> routerConfig(Path.of(v))));
        return self();
    }

    private void fromEnv(String option, Runnable set) {
        set.run();
        readFromEnv.add(option);
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) value = System.getenv(variable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The default endpoint's API root; {@code https://api.openai.com/v1} unless set. */
    public B baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        readFromEnv.remove("baseUrl");
        return self();
    }

    public B baseUrl(Optional<String> baseUrl) {
        return baseUrl(baseUrl.orElse(null));
    }

    public B apiKey(String apiKey) {
        this.apiKey = apiKey;
        readFromEnv.remove("apiKey");
        return self();
    }

    public B apiKey(Optional<String> apiKey) {
        return apiKey(apiKey.orElse(null));
    }

    public B organization(String organization) {
        this.organization = organization;
        readFromEnv.remove("organization");
        return self();
    }

    public B organization(Optional<String> organization) {
        return organization(organization.orElse(null));
    }

    public B project(String project) {
        this.project = project;
        readFromEnv.remove("project");
        return self();
    }

    public B project(Optional<String> project) {
        return project(project.orElse(null));
    }

    /** Retries after a retryable failure (connection errors, 408, 409, 429, 5xx); 2 unless set. */
    public B maxRetries(int maxRetries) {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        this.maxRetries = maxRetries;
        return self();
    }

    /** The whole retry policy: retries, backoff and the cap on Retry-After. A Switchboard addition. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
        return self();
    }

    /** The request timeout; connect stays 1 minute unless set by {@link #timeout(Timeout)}. */
    public B timeout(Duration timeout) {
        return timeout(Timeout.builder().request(timeout).build());
    }

    public B timeout(Timeout timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.timeoutSet = true;
        return self();
    }

    /**
     * Pools from a YAML file (see {@link RouterConfig} for its shape), read when the client is built:
     * a file with problems fails {@code build()} with a {@link dev.switchboard.router.RouterConfigException}
     * listing them all. The file's pool names become model names; any other model goes to the default
     * endpoint this builder configures, with its retries. The file's {@code router:} settings apply to
     * every call (its retry settings under this builder's {@code maxRetries} and {@code retryPolicy},
     * when set); its {@code timeout} is the request timeout unless {@link #timeout(Timeout)} is set.
     * {@code ${NAME}} references are read from the process environment. A Switchboard addition.
     */
    public B routerConfig(Path file) {
        this.routerConfigFile = Objects.requireNonNull(file, "file");
        this.routerConfig = null;
        readFromEnv.remove("routerConfig");
        return self();
    }

    /** Pools from a config already read, as {@link #routerConfig(Path)}; a Switchboard addition. */
    public B routerConfig(RouterConfig config) {
        this.routerConfig = Objects.requireNonNull(config, "config");
        this.routerConfigFile = null;
        readFromEnv.remove("routerConfig");
        return self();
    }

    /**
     * A routing strategy a config file's pools may name ({@code strategy: name}); the supplier is asked
     * once per pool. A Switchboard addition.
     */
    public B strategy(String name, Supplier<RoutingStrategy> strategy) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("strategy name must be set");
        strategies.put(name, Objects.requireNonNull(strategy, "strategy"));
        return self();
    }

    /**
     * Route every call through {@code router}, built in code with its own pools, default deployment and
     * retry policy. The client then builds no endpoint of its own, so the options that describe one
     * (base URL, key, organization, project, headers, query parameters, retries, the OkHttp client and
     * its settings, a router config, strategies) must not be set as well: {@code build()} names those
     * that are. Values {@link #fromEnv()} read are ignored. The client's timeout, response validation
     * and stream handler executor still apply. The client takes ownership: closing it closes the router.
     * A Switchboard addition.
     */
    public B router(Router router) {
        this.router = Objects.requireNonNull(router, "router");
        return self();
    }

    /** Check every response against the official schema and throw when it does not fit. */
    public B responseValidation(boolean responseValidation) {
        this.responseValidation = responseValidation;
        return self();
    }

    public B proxy(Proxy proxy) {
        this.proxy = proxy;
        return self();
    }

    public B proxy(Optional<Proxy> proxy) {
        return proxy(proxy.orElse(null));
    }

    /** An OkHttp client to build on (interceptors, TLS, DNS); Switchboard turns its retries off. */
    public B okHttpClient(OkHttpClient okHttpClient) {
        this.okHttpClient = okHttpClient;
        return self();
    }

    /** Where async streams call their handlers; the client takes ownership and shuts it down on close, if it can. */
    public B streamHandlerExecutor(Executor streamHandlerExecutor) {
        this.streamHandlerExecutor = streamHandlerExecutor;
        return self();
    }

    /** An OkHttp application interceptor, run for every request of the default endpoint. */
    public B addInterceptor(Interceptor interceptor) {
        interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
        return self();
    }

    public B followRedirects(boolean followRedirects) {
        this.followRedirects = followRedirects;
        return self();
    }

    public B maxIdleConnections(int maxIdleConnections) {
        if (maxIdleConnections < 0) throw new IllegalArgumentException("maxIdleConnections must be >= 0, was " + maxIdleConnections);
        this.maxIdleConnections = maxIdleConnections;
        return self();
    }

    public B maxIdleConnections(Integer maxIdleConnections) {
        if (maxIdleConnections == null) {
            this.maxIdleConnections = null;
            return self();
        }
        return maxIdleConnections(maxIdleConnections.intValue());
    }

    public B maxIdleConnections(Optional<Integer> maxIdleConnections) {
        return maxIdleConnections(maxIdleConnections.orElse(null));
    }

    public B keepAliveDuration(Duration keepAliveDuration) {
        this.keepAliveDuration = keepAliveDuration;
        return self();
    }

    public B keepAliveDuration(Optional<Duration> keepAliveDuration) {
        return keepAliveDuration(keepAliveDuration.orElse(null));
    }

    /** TLS settings; set together with {@link #trustManager(X509TrustManager)}. */
    public B sslSocketFactory(SSLSocketFactory sslSocketFactory) {
        this.sslSocketFactory = sslSocketFactory;
        return self();
    }

    public B sslSocketFactory(Optional<SSLSocketFactory> sslSocketFactory) {
        return sslSocketFactory(sslSocketFactory.orElse(null));
    }

    public B trustManager(X509TrustManager trustManager) {
        this.trustManager = trustManager;
        return self();
    }

    public B trustManager(Optional<X509TrustManager> trustManager) {
        return trustManager(trustManager.orElse(null));
    }

    public B hostnameVerifier(HostnameVerifier hostnameVerifier) {
        this.hostnameVerifier = hostnameVerifier;
        return self();
    }

    public B hostnameVerifier(Optional<HostnameVerifier> hostnameVerifier) {
        return hostnameVerifier(hostnameVerifier.orElse(null));
    }

    /** The threads OkHttp's dispatcher runs calls on; the client shuts them down on close. */
    public B dispatcherExecutorService(ExecutorService dispatcherExecutorService) {
        this.dispatcherExecutorService = dispatcherExecutorService;
        return self();
    }

    public B dispatcherExecutorService(Optional<ExecutorService> dispatcherExecutorService) {
        return dispatcherExecutorService(dispatcherExecutorService.orElse(null));
    }

    public B headers(Headers headers) {
        this.headers.clear().putAll(headers);
        return self();
    }

    public B headers(Map<String, ? extends Iterable<String>> headers) {
        this.headers.clear().putAll(headers);
        return self();
    }

    public B putHeader(String name, String value) {
        headers.put(name, value);
        return self();
    }

    public B putHeaders(String name, Iterable<String> values) {
        headers.put(name, values);
        return self();
    }

    public B putAllHeaders(Headers headers) {
        this.headers.putAll(headers);
        return self();
    }

    public B putAllHeaders(Map<String, ? extends Iterable<String>> headers) {
        this.headers.putAll(headers);
        return self();
    }

    public B replaceHeaders(String name, String value) {
        headers.replace(name, value);
        return self();
    }

    public B replaceHeaders(String name, Iterable<String> values) {
        headers.replace(name, values);
        return self();
    }

    public B removeHeaders(String name) {
        headers.remove(name);
        return self();
    }

    public B replaceAllHeaders(Headers headers) {
        this.headers.replaceAll(headers);
        return self();
    }

    public B replaceAllHeaders(Map<String, ? extends Iterable<String>> headers) {
        this.headers.replaceAll(headers);
        return self();
    }

    public B removeAllHeaders(Set<String> names) {
        headers.removeAll(names);
        return self();
    }

    public B queryParams(QueryParams queryParams) {
        this.queryParams.clear().putAll(queryParams);
        return self();
    }

    public B queryParams(Map<String, ? extends Iterable<String>> queryParams) {
        this.queryParams.clear().putAll(queryParams);
        return self();
    }

    public B putQueryParam(String key, String value) {
        queryParams.put(key, value);
        return self();
    }

    public B putQueryParams(String key, Iterable<String> values) {
        queryParams.put(key, values);
        return self();
    }

    public B putAllQueryParams(QueryParams queryParams) {
        this.queryParams.putAll(queryParams);
        return self();
    }

    public B putAllQueryParams(Map<String, ? extends Iterable<String>> queryParams) {
        this.queryParams.putAll(queryParams);
        return self();
    }

    public B replaceQueryParams(String key, Iterable<String> values) {
        queryParams.replace(key, values);
        return self();
    }

    public B replaceAllQueryParams(QueryParams queryParams) {
        this.queryParams.replaceAll(queryParams);
        return self();
    }

    public B replaceAllQueryParams(Map<String, ? extends Iterable<String>> queryParams) {
        this.queryParams.replaceAll(queryParams);
        return self();
    }

    public B removeAllQueryParams(Set<String> keys) {
        queryParams.removeAll(keys);
        return self();
    }

    public B replaceQueryParams(String key, String value) {
        queryParams.replace(key, value);
        return self();
    }

    public B removeQueryParams(String key) {
        queryParams.remove(key);
        return self();
    }

    /** The router with the default endpoint, and the core every service of the client runs on. */
    final ClientCore buildCore() {
        if (router != null) return coreOn(router);
        RouterConfig config = routerConfig != null ? routerConfig : routerConfigFile != null ? readConfig(routerConfigFile) : null;
        Timeout requestTimeout = timeout;
        if (!timeoutSet && config != null && config.requestTimeout().isPresent()) {
            requestTimeout = Timeout.builder().request(config.requestTimeout().get()).build();
        }
        OkHttpClient.Builder http = okHttpClient != null ? okHttpClient.newBuilder() : new OkHttpClient.Builder();
        http.retryOnConnectionFailure(false)
                .connectTimeout(requestTimeout.connect())
                .readTimeout(requestTimeout.read())
                .writeTimeout(requestTimeout.write())
                .callTimeout(requestTimeout.request());
        if (proxy != null) http.proxy(proxy);
        if (followRedirects != null) http.followRedirects(followRedirects).followSslRedirects(followRedirects);
        if (maxIdleConnections != null || keepAliveDuration != null) {
            http.connectionPool(new ConnectionPool(maxIdleConnections != null ? maxIdleConnections : 5,
                    (keepAliveDuration != null ? keepAliveDuration : Duration.ofMinutes(5)).toNanos(), TimeUnit.NANOSECONDS));
        }
        if ((sslSocketFactory == null) != (trustManager == null)) {
            throw new IllegalStateException("sslSocketFactory and trustManager must be set together; only "
                    + (sslSocketFactory != null ? "sslSocketFactory" : "trustManager") + " was set");
        }
        if (sslSocketFactory != null) http.sslSocketFactory(sslSocketFactory, trustManager);
        if (hostnameVerifier != null) http.hostnameVerifier(hostnameVerifier);
        if (dispatcherExecutorService != null) http.dispatcher(new Dispatcher(dispatcherExecutorService));
        // Pools share the connections, threads, proxy and TLS settings; the interceptors are the default endpoint's.
        OkHttpClient shared = http.build();
        OkHttpClient.Builder defaultEndpoint = shared.newBuilder();
        interceptors.forEach(defaultEndpoint::addInterceptor);
        OkHttpClient client = defaultEndpoint.build();
        OpenAiCompatibleBackend backend = OpenAiCompatibleBackend.builder()
                .name("openai")
                .baseUrl(baseUrl != null ? baseUrl : DEFAULT_BASE_URL)
                .apiKey(apiKey)
                .organization(organization)
                .project(project)
                .headers(headers.build())
                .queryParams(queryParams.build())
                .okHttpClient(client)
                .build();
        RetryPolicy policy = retryPolicy != null ? retryPolicy
                : config != null && config.retryPolicy().isPresent() ? config.retryPolicy().get() : RetryPolicy.ofDefaults();
        if (maxRetries != null) policy = policy.toBuilder().maxRetries(maxRetries).build();
        Router.Builder routerBuilder = Router.builder()
                .defaultDeployment(Deployment.builder().name("default").backend(backend).build())
                .httpClient(shared);
        strategies.forEach(routerBuilder::strategy);
        if (config != null) config.applyTo(routerBuilder);
        Router router;
        try {
            router = routerBuilder.retryPolicy(policy).build();
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        RequestOptions defaults = RequestOptions.builder().timeout(requestTimeout).responseValidation(responseValidation).build();
        // A client Switchboard made is Switchboard's to shut down; a client the caller gave stays open.
        Executor streams = streamHandlerExecutor != null ? streamHandlerExecutor : defaultStreamExecutor();
        boolean ownsDispatcher = okHttpClient == null || dispatcherExecutorService != null;
        Runnable release = () -> {
            if (streams instanceof ExecutorService) ((ExecutorService) streams).shutdown();
            if (ownsDispatcher) client.dispatcher().executorService().shutdown();
            if (okHttpClient == null) client.connectionPool().evictAll();
        };
        return new ClientCore(router, defaults, streams, release);
    }

    private RouterConfig readConfig(Path file) {
        RouterConfig.Reader reader = RouterConfig.reader();
        strategies.forEach(reader::strategy);
        return reader.load(file);
    }

    /** A client on a router the caller built; refuses the options that would describe an endpoint of its own. */
    private ClientCore coreOn(Router router) {
        Map<String, Boolean> options = new LinkedHashMap<>();
        options.put("baseUrl", baseUrl != null);
        options.put("apiKey", apiKey != null);
        options.put("organization", organization != null);
        options.put("project", project != null);
        options.put("headers", !headers.build().isEmpty());
        options.put("queryParams", !queryParams.build().isEmpty());
        options.put("maxRetries", maxRetries != null);
        options.put("retryPolicy", retryPolicy != null);
        options.put("okHttpClient", okHttpClient != null);
        options.put("proxy", proxy != null);
        options.put("addInterceptor", !interceptors.isEmpty());
        options.put("followRedirects", followRedirects != null);
        options.put("maxIdleConnections", maxIdleConnections != null);
        options.put("keepAliveDuration", keepAliveDuration != null);
        options.put("sslSocketFactory", sslSocketFactory != null);
        options.put("trustManager", trustManager != null);
        options.put("hostnameVerifier", hostnameVerifier != null);
        options.put("dispatcherExecutorService", dispatcherExecutorService != null);
        options.put("routerConfig", routerConfig != null || routerConfigFile != null);
        options.put("strategy", !strategies.isEmpty());
        List<String> set = new ArrayList<>();
        options.forEach((name, isSet) -> { if (isSet && !readFromEnv.contains(name)) set.add(name); });
        if (!set.isEmpty()) {
            throw new IllegalStateException("router(Router) was given, so the client builds no endpoint of its own and would "
                    + "ignore " + String.join(", ", set) + "; configure them on the router (its default deployment, "
                    + "pools, retry policy and HTTP client) instead");
        }
        RequestOptions defaults = RequestOptions.builder().timeout(timeout).responseValidation(responseValidation).build();
        Executor streams = streamHandlerExecutor != null ? streamHandlerExecutor : defaultStreamExecutor();
        return new ClientCore(router, defaults, streams, () -> {
            if (streams instanceof ExecutorService) ((ExecutorService) streams).shutdown();
        });
    }

    private static ExecutorService defaultStreamExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "switchboard-stream-handler-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newCachedThreadPool(threads);
    }

    @Override
    public String toString() {
        if (router != null) return getClass().getSimpleName() + "{router=" + router + ", timeout=" + timeout + "}";
        return getClass().getSimpleName() + "{baseUrl=" + (baseUrl != null ? baseUrl : DEFAULT_BASE_URL)
                + ", apiKey=" + (apiKey == null ? "unset" : "set") + ", maxRetries=" + maxRetries + ", timeout=" + timeout
                + (routerConfigFile != null ? ", routerConfig=" + routerConfigFile : routerConfig != null ? ", routerConfig=" + routerConfig.source() : "")
                + "}";
    }
}
