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
import java.net.Proxy;
import java.time.Duration;
import java.util.ArrayList;
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

    ClientBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Reads the default endpoint from the environment: system properties {@code openai.apiKey},
     * {@code openai.baseUrl}, {@code openai.orgId}, {@code openai.projectId}, else the variables
     * OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID.
     */
    public B fromEnv() {
        setting("openai.baseUrl", "OPENAI_BASE_URL").ifPresent(this::baseUrl);
        setting("openai.apiKey", "OPENAI_API_KEY").ifPresent(this::apiKey);
        setting("openai.orgId", "OPENAI_ORG_ID").ifPresent(this::organization);
        setting("openai.projectId", "OPENAI_PROJECT_ID").ifPresent(this::project);
        return self();
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) value = System.getenv(variable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The default endpoint's API root; {@code https://api.openai.com/v1} unless set. */
    public B baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return self();
    }

    public B baseUrl(Optional<String> baseUrl) {
        return baseUrl(baseUrl.orElse(null));
    }

    public B apiKey(String apiKey) {
        this.apiKey = apiKey;
        return self();
    }

    public B apiKey(Optional<String> apiKey) {
        return apiKey(apiKey.orElse(null));
    }

    public B organization(String organization) {
        this.organization = organization;
        return self();
    }

    public B organization(Optional<String> organization) {
        return organization(organization.orElse(null));
    }

    public B project(String project) {
        this.project = project;
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
        this.timeout = timeout;
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
        OkHttpClient.Builder http = okHttpClient != null ? okHttpClient.newBuilder() : new OkHttpClient.Builder();
        http.retryOnConnectionFailure(false)
                .connectTimeout(timeout.connect())
                .readTimeout(timeout.read())
                .writeTimeout(timeout.write())
                .callTimeout(timeout.request());
        if (proxy != null) http.proxy(proxy);
        interceptors.forEach(http::addInterceptor);
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
        OkHttpClient client = http.build();
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
        RetryPolicy policy = retryPolicy != null ? retryPolicy : RetryPolicy.ofDefaults();
        if (maxRetries != null) policy = policy.toBuilder().maxRetries(maxRetries).build();
        Router router = Router.builder()
                .defaultDeployment(Deployment.builder().name("default").backend(backend).build())
                .retryPolicy(policy)
                .build();
        RequestOptions defaults = RequestOptions.builder().timeout(timeout).responseValidation(responseValidation).build();
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
        return getClass().getSimpleName() + "{baseUrl=" + (baseUrl != null ? baseUrl : DEFAULT_BASE_URL)
                + ", apiKey=" + (apiKey == null ? "unset" : "set") + ", maxRetries=" + maxRetries + ", timeout=" + timeout + "}";
    }
}
