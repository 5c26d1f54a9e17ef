package dev.switchboard.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * (c): a streamed chat completion of {@value CannedAnswers#STREAM_CHUNKS} chunks on loopback, read to
 * the end through each client's {@code createStreaming(...).stream()}. Besides the wall time per call
 * it counts the benchmark JVM's CPU time ({@link LoopbackServer#clientCpuNanos()}; the server runs in its own) and the
 * chunks read, so the report can give CPU time per chunk whichever threads did the work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamBenchmark {

    @Benchmark
    public String switchboard(SwitchboardSide side, CpuCounters cpu) {
        long start = side.server.clientCpuNanos();
        StringBuilder text = new StringBuilder();
        int chunks;
        try (dev.switchboard.core.http.StreamResponse<dev.switchboard.models.chat.completions.ChatCompletionChunk> stream =
                side.client.chat().completions().createStreaming(side.params)) {
            chunks = (int) stream.stream().peek(chunk -> {
                if (!chunk.choices().isEmpty()) chunk.choices().get(0).delta().content().ifPresent(text::append);
            }).count();
        }
        cpu.record(side.server.clientCpuNanos() - start, chunks);
        return text.toString();
    }

    @Benchmark
    public String official(OfficialSide side, CpuCounters cpu) {
        long start = side.server.clientCpuNanos();
        StringBuilder text = new StringBuilder();
        int chunks;
        try (com.openai.core.http.StreamResponse<com.openai.models.chat.completions.ChatCompletionChunk> stream =
                side.client.chat().completions().createStreaming(side.params)) {
            chunks = (int) stream.stream().peek(chunk -> {
                if (!chunk.choices().isEmpty()) chunk.choices().get(0).delta().content().ifPresent(text::append);
            }).count();
        }
        cpu.record(side.server.clientCpuNanos() - start, chunks);
        return text.toString();
    }

    /** Summed over each iteration; the report divides one by the other. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuCounters {
        public long cpuNanos;
        public long chunks;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            chunks = 0;
        }

        void record(long nanos, int count) {
            cpuNanos += nanos;
            chunks += count;
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
            CpuCounters counters = new CpuCounters();
            Requests.expect("Switchboard", CannedAnswers.STREAM_TEXT, new StreamBenchmark().switchboard(this, counters));
            Requests.expect("Switchboard", (long) CannedAnswers.STREAM_CHUNKS, counters.chunks);
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
            CpuCounters counters = new CpuCounters();
            Requests.expect("the official SDK", CannedAnswers.STREAM_TEXT, new StreamBenchmark().official(this, counters));
            Requests.expect("the official SDK", (long) CannedAnswers.STREAM_CHUNKS, counters.chunks);
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            server.close();
        }
    }
}
