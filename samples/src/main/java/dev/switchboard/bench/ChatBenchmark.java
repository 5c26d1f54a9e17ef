package dev.switchboard.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * (b) and (e): one non-streaming chat completion on loopback, through Switchboard's client (default
 * endpoint, so the implicit pool of the router) and through the official SDK, with the same request
 * against the same canned server. Sampled one call at a time: the distribution gives p50/p99, its
 * mean the calls per second of one thread; the gc profiler gives the bytes allocated per call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChatBenchmark {

    @Benchmark
    public String switchboard(SwitchboardSide side) {
        return side.client.chat().completions().create(side.params).choices().get(0).message().content().orElseThrow();
    }

    @Benchmark
    public String official(OfficialSide side) {
        return side.client.chat().completions().create(side.params).choices().get(0).message().content().orElseThrow();
    }

    /** The floor: the same request's bytes posted with OkHttp alone, the answer read as bytes. Neither SDK can beat it. */
    @Benchmark
    public byte[] okhttp(OkHttpSide side) throws java.io.IOException {
        try (okhttp3.Response response = side.client.newCall(side.request).execute()) {
            return response.body().bytes();
        }
    }

    @State(Scope.Benchmark)
    public static class OkHttpSide {
        LoopbackServer server;
        okhttp3.OkHttpClient client;
        okhttp3.Request request;

        @Setup(Level.Trial)
        public void start() throws java.io.IOException {
            server = LoopbackServer.start();
            client = new okhttp3.OkHttpClient.Builder().retryOnConnectionFailure(false).build();
            byte[] body = dev.switchboard.core.internal.JsonValueAdapter.toJsonString(dev.switchboard.core.JsonValue.from(Requests.switchboard()))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            request = new okhttp3.Request.Builder().url(server.baseUrl() + "/chat/completions")
                    .header("Authorization", "Bearer " + Requests.API_KEY)
                    .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json")))
                    .build();
            Requests.expect("OkHttp", CannedAnswers.COMPLETION.length, new ChatBenchmark().okhttp(this).length);
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
            server.close();
        }
    }

    @State(Scope.Benchmark)
    public static class SwitchboardSide {
        LoopbackServer server;
        dev.switchboard.client.OpenAIClient client;
        dev.switchboard.models.chat.completions.ChatCompletionCreateParams params = Requests.switchboard();

        @Setup(Level.Trial)
        public void start() {
            server = LoopbackServer.start();
            client = dev.switchboard.client.okhttp.OpenAIOkHttpClient.builder()
                    .baseUrl(server.baseUrl()).apiKey(Requests.API_KEY).build();
            Requests.expect("Switchboard", CannedAnswers.CONTENT, new ChatBenchmark().switchboard(this));
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            server.close();
        }
    }

    @State(Scope.Benchmark)
    public static class OfficialSide {
        LoopbackServer server;
        com.openai.client.OpenAIClient client;
        com.openai.models.chat.completions.ChatCompletionCreateParams params = Requests.official();

        @Setup(Level.Trial)
        public void start() {
            server = LoopbackServer.start();
            client = com.openai.client.okhttp.OpenAIOkHttpClient.builder()
                    .baseUrl(server.baseUrl()).apiKey(Requests.API_KEY).build();
            Requests.expect("the official SDK", CannedAnswers.CONTENT, new ChatBenchmark().official(this));
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            server.close();
        }
    }
}
