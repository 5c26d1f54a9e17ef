package dev.switchboard.testing;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClientAsync;
import dev.switchboard.router.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.QueueDispatcher;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer posing as an OpenAI-compatible endpoint, and clients pointed at it. */
public final class MockServer implements AutoCloseable {
    /** Retries without waiting, so tests of the retry loop take no time. */
    public static final RetryPolicy NO_WAIT = RetryPolicy.builder().initialBackoff(Duration.ZERO).maxRetryAfter(Duration.ZERO).build();

    public final MockWebServer server = new MockWebServer();

    public MockServer() {
        // A request nobody enqueued an answer for gets one at once, rather than hanging the test.
        QueueDispatcher dispatcher = new QueueDispatcher();
        dispatcher.setFailFast(new MockResponse().setResponseCode(418).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"MockServer: no response was enqueued for this request\","
                        + "\"type\":\"test_setup\"}}"));
        server.setDispatcher(dispatcher);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return server.url("/v1").toString();
    }

    public OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl(baseUrl()).apiKey("sk-test-secret").retryPolicy(NO_WAIT).build();
    }

    public OpenAIClientAsync asyncClient() {
        return OpenAIOkHttpClientAsync.builder().baseUrl(baseUrl()).apiKey("sk-test-secret").retryPolicy(NO_WAIT).build();
    }

    public MockServer enqueueJson(String json) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(json));
        return this;
    }

    public MockServer enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    /** A server-sent event stream whose events are the given data lines, then [DONE]. */
    public MockServer enqueueStream(String... data) {
        StringBuilder body = new StringBuilder();
        for (String d : data) body.append("data: ").append(d).append("\n\n");
        body.append("data: [DONE]\n\n");
        return enqueueSse(body.toString());
    }

    public MockServer enqueueSse(String rawBody) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(rawBody));
        return this;
    }

    public RecordedRequest takeRequest() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) throw new AssertionError("no request reached the server");
            return request;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
