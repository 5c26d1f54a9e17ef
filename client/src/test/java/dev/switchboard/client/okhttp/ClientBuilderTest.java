package dev.switchboard.client.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.OpenAIClientImpl;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.Timeout;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client builders: the official options and defaults, what each sends, and timeouts. */
class ClientBuilderTest {
    private static final ChatCompletionCreateParams PARAMS =
            ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

    private final MockServer server = new MockServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RecordedRequest sendWith(OpenAIOkHttpClient.Builder builder) {
        server.enqueueJson(ServerPayloads.completion("ok"));
        try (OpenAIClient client = builder.build()) {
            client.chat().completions().create(PARAMS);
        }
        return server.takeRequest();
    }

    private OpenAIOkHttpClient.Builder toServer() {
        return OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k");
    }

    @Test
    void theDefaultsAreTheOfficialSdks() {
        try (OpenAIClient client = OpenAIOkHttpClient.builder().apiKey("k").build()) {
            assertThat(client.toString()).contains("https://api.openai.com:443/v1/");
            assertThat(((OpenAIClientImpl) client).core().router().retryPolicy().maxRetries()).isEqualTo(2);
        }
        Timeout timeout = Timeout.defaultTimeout();
        assertThat(timeout.request()).isEqualTo(Duration.ofMinutes(10));
        assertThat(timeout.connect()).isEqualTo(Duration.ofMinutes(1));
        assertThat(timeout.read()).isEqualTo(Duration.ofMinutes(10));
        assertThat(timeout.write()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void fromEnvReadsTheEndpointFromSystemProperties() {
        Map<String, String> settings = Map.of("openai.baseUrl", server.baseUrl(), "openai.apiKey", "sk-from-env",
                "openai.orgId", "org-env", "openai.projectId", "proj-env");
        settings.forEach(System::setProperty);
        server.enqueueJson(ServerPayloads.completion("ok"));
        try (OpenAIClient client = OpenAIOkHttpClient.fromEnv()) {
            client.chat().completions().create(PARAMS);
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
        RecordedRequest request = server.takeRequest();

        assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-from-env");
        assertThat(request.getHeader("OpenAI-Organization")).isEqualTo("org-env");
        assertThat(request.getHeader("OpenAI-Project")).isEqualTo("proj-env");
    }

    @Test
    void theAsyncClientReadsTheEnvironmentToo() throws Exception {
        System.setProperty("openai.baseUrl", server.baseUrl());
        System.setProperty("openai.apiKey", "sk-async-env");
        server.enqueueJson(ServerPayloads.completion("ok"));
        try (OpenAIClientAsync client = OpenAIOkHttpClientAsync.fromEnv()) {
            client.chat().completions().create(PARAMS).get(10, TimeUnit.SECONDS);
        } finally {
            System.clearProperty("openai.baseUrl");
            System.clearProperty("openai.apiKey");
        }

        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer sk-async-env");
    }

    @Test
    void settingsAfterFromEnvWin() {
        System.setProperty("openai.baseUrl", server.baseUrl());
        System.setProperty("openai.apiKey", "sk-from-env");
        try {
            RecordedRequest request = sendWith(OpenAIOkHttpClient.builder().fromEnv().apiKey("sk-explicit"));

            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-explicit");
        } finally {
            System.clearProperty("openai.baseUrl");
            System.clearProperty("openai.apiKey");
        }
    }

    @Test
    void withoutAnApiKeyNoAuthorizationIsSent() {
        RecordedRequest request = sendWith(OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()));

        assertThat(request.getHeader("Authorization")).isNull();
    }

    @Test
    void headersAreAddedReplacedAndRemoved() {
        RecordedRequest request = sendWith(toServer()
                .putHeader("X-One", "1")
                .putHeaders("X-Many", List.of("a", "b"))
                .putHeader("X-Gone", "x")
                .removeHeaders("X-Gone")
                .putHeader("X-Replaced", "old")
                .replaceHeaders("X-Replaced", "new"));

        assertThat(request.getHeader("X-One")).isEqualTo("1");
        assertThat(request.getHeaders().values("X-Many")).containsExactly("a", "b");
        assertThat(request.getHeader("X-Gone")).isNull();
        assertThat(request.getHeaders().values("X-Replaced")).containsExactly("new");
    }

    @Test
    void settingAllHeadersReplacesThoseSetBefore() {
        RecordedRequest request = sendWith(toServer().putHeader("X-Before", "1").headers(Map.of("X-After", List.of("2"))));

        assertThat(request.getHeader("X-Before")).isNull();
        assertThat(request.getHeader("X-After")).isEqualTo("2");
    }

    @Test
    void queryParamsGoWithEveryRequest() {
        RecordedRequest request = sendWith(toServer().putQueryParam("api-version", "2024-10-21").putQueryParam("tag", "a b"));

        assertThat(request.getPath()).isEqualTo("/v1/chat/completions?api-version=2024-10-21&tag=a%20b");
    }

    @Test
    void aProxyCarriesEveryRequest() {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.server.getHostName(), server.server.getPort()));

        RecordedRequest request = sendWith(OpenAIOkHttpClient.builder().baseUrl("http://api.example.test/v1").apiKey("k").proxy(proxy));

        assertThat(request.getRequestLine()).isEqualTo("POST http://api.example.test/v1/chat/completions HTTP/1.1");
    }

    @Test
    void aGivenOkHttpClientIsBuiltOnAndLeftOpen() {
        OkHttpClient given = new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Interceptor", "yes").build()))
                .build();

        RecordedRequest request = sendWith(toServer().okHttpClient(given));

        assertThat(request.getHeader("X-Interceptor")).isEqualTo("yes");
        assertThat(given.dispatcher().executorService().isShutdown()).as("the caller's client stays the caller's").isFalse();
        given.dispatcher().executorService().shutdown();
    }

    @Test
    void aStallingServerFailsTheCallAfterTheTimeout() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        long start = System.nanoTime();

        try (OpenAIClient client = toServer().timeout(Duration.ofMillis(300)).maxRetries(0).build()) {
            assertThatThrownBy(() -> client.chat().completions().create(PARAMS))
                    .isInstanceOf(OpenAIIoException.class)
                    .hasMessage("POST /v1/chat/completions timed out");
        }
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void aRequestsTimeoutOverridesTheClients() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        try (OpenAIClient client = toServer().maxRetries(0).build()) {
            assertThatThrownBy(() -> client.chat().completions().create(PARAMS,
                            RequestOptions.builder().timeout(Duration.ofMillis(300)).build()))
                    .isInstanceOf(OpenAIIoException.class)
                    .hasMessage("POST /v1/chat/completions timed out");
        }
    }

    @Test
    void aStreamThatGoesQuietLongerThanTheReadTimeoutFails() {
        String first = "data: " + ServerPayloads.chunk("a") + "\n\n";
        // The first event at once, then nothing for two seconds (MockWebServer waits for it on shutdown).
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody(first + "data: [DONE]\n\n")
                .throttleBody(first.length(), 2, TimeUnit.SECONDS));

        try (OpenAIClient client = toServer().timeout(Timeout.builder().read(Duration.ofMillis(300)).build()).maxRetries(0).build();
                StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
            Iterator<ChatCompletionChunk> chunks = response.stream().iterator();
            assertThat(chunks.next().choices().get(0).delta().content()).contains("a");
            assertThatThrownBy(chunks::hasNext)
                    .isInstanceOf(OpenAIIoException.class)
                    .hasMessage("POST /v1/chat/completions stream broke off: timed out (read or request timeout)");
        }
    }

    @Test
    void aTimedOutCallIsTriedAgain() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueueJson(ServerPayloads.completion("second"));

        try (OpenAIClient client = toServer().timeout(Duration.ofMillis(300)).retryPolicy(MockServer.NO_WAIT).build()) {
            assertThat(client.chat().completions().create(PARAMS).choices().get(0).message().content()).contains("second");
        }
    }

    @Test
    void badSettingsAreRefusedNamingThem() {
        assertThatThrownBy(() -> OpenAIOkHttpClient.builder().maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetries must be >= 0, was -1");
        assertThatThrownBy(() -> OpenAIOkHttpClient.builder().baseUrl("not a url").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUrl is not an http(s) URL: not a url");
        assertThatThrownBy(() -> Timeout.builder().request(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout.request must be >= 0, was PT-1S");
    }

    @Test
    void theBlockingAndAsyncViewsShareOneClient() throws Exception {
        server.enqueueJson(ServerPayloads.completion("one")).enqueueJson(ServerPayloads.completion("two"));

        try (OpenAIClient client = toServer().build()) {
            OpenAIClientAsync async = client.async();
            client.chat().completions().create(PARAMS);
            async.chat().completions().create(PARAMS).get(10, TimeUnit.SECONDS);
            assertThat(async.sync()).isSameAs(client);
            assertThat(client.async()).isSameAs(async);
        }
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void anInterceptorSeesEveryRequest() {
        List<String> seen = new CopyOnWriteArrayList<>();

        RecordedRequest request = sendWith(toServer().addInterceptor(chain -> {
            seen.add(chain.request().url().encodedPath());
            return chain.proceed(chain.request().newBuilder().header("X-Traced", "yes").build());
        }));

        assertThat(seen).containsExactly("/v1/chat/completions");
        assertThat(request.getHeader("X-Traced")).isEqualTo("yes");
    }

    @Test
    void aPlainExecutorCanRunStreamHandlers() throws Exception {
        server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"));
        List<String> threads = new CopyOnWriteArrayList<>();
        Executor executor = task -> new Thread(task, "plain-executor").start();

        try (OpenAIClientAsync client = OpenAIOkHttpClientAsync.builder().baseUrl(server.baseUrl()).apiKey("k")
                .streamHandlerExecutor(executor).build()) {
            client.chat().completions().createStreaming(PARAMS)
                    .subscribe(chunk -> threads.add(Thread.currentThread().getName()))
                    .onCompleteFuture().get(10, TimeUnit.SECONDS);
        }

        assertThat(threads).isNotEmpty().allMatch("plain-executor"::equals);
    }

    @Test
    void tlsSettingsMustComeInPairs() throws Exception {
        SSLSocketFactory factory = SSLContext.getDefault().getSocketFactory();

        assertThatThrownBy(() -> toServer().sslSocketFactory(factory).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sslSocketFactory and trustManager must be set together; only sslSocketFactory was set");
    }
}
