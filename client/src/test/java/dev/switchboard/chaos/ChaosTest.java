package dev.switchboard.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.AsyncStreamResponse;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.router.CooldownPolicy;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.DeploymentStats;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.RetryPolicy;
import dev.switchboard.router.Router;
import dev.switchboard.router.RouterCall;
import dev.switchboard.router.RouterListener;
import dev.switchboard.router.RouterStats;
import dev.switchboard.testing.StrayErrors;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chaos on loopback: one pool of three deployments, one dead (a closed port), one faulty (30% of its
 * requests spoiled, see {@link Fault}) and one healthy, called from 16 threads through the official-
 * shaped client with a mix of whole and streamed chat completions, blocking and async.
 *
 * <p>{@code -Dswitchboard.chaos.calls=N} sets the number of calls (5,000 by default) and
 * {@code -Dswitchboard.chaos.seed=S} the faults' seed (printed with the results).
 */
class ChaosTest {
    private static final String POOL = "chaos";
    private static final int THREADS = 16;
    private static final int CALLS = Integer.getInteger("switchboard.chaos.calls", 5_000);
    private static final long SEED = Long.getLong("switchboard.chaos.seed", 20261122L);
    private static final double FAULT_RATE = 0.30;
    /** The faulty deployment's timeout, which its stalls outlast. */
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final RetryPolicy RETRIES = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100)).maxRetryAfter(Duration.ofMillis(200))
            .build();

    @RegisterExtension
    final StrayErrors strayErrors = new StrayErrors();

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyCallEitherAnswersRightOrFailsLoudlyAndTheStatisticsMatchTheServers() throws Exception {
        AttemptsPerCall attempts = new AttemptsPerCall();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        RouterStats.Snapshot stats;
        try (ChaosServer faulty = new ChaosServer("faulty", FAULT_RATE, SEED);
                ChaosServer healthy = new ChaosServer("healthy", 0, SEED)) {
            Router router = Router.builder()
                    .addPool(Pool.builder().name(POOL).strategy("round_robin")
                            .addDeployment(Deployment.builder().name("dead").kind("openai").baseUrl(deadUrl()).model("m").build())
                            .addDeployment(Deployment.builder().name("faulty").kind("openai").baseUrl(faulty.baseUrl()).model("m")
                                    .timeout(TIMEOUT).build())
                            .addDeployment(Deployment.builder().name("healthy").kind("openai").baseUrl(healthy.baseUrl()).model("m")
                                    .build())
                            .build())
                    .retryPolicy(RETRIES)
                    // Cooled deployments come back soon, so the dead and the faulty one keep getting calls.
                    .cooldownPolicy(CooldownPolicy.builder().allowedFails(50).window(Duration.ofSeconds(1))
                            .cooldown(Duration.ofMillis(50)).build())
                    .healthPolicy(HealthPolicy.disabled()) // probes would be requests the servers count
                    .timeout(Duration.ofSeconds(30))
                    .listener(attempts)
                    .build();
            try (OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build()) {
                AtomicInteger next = new AtomicInteger();
                ExecutorService threads = Executors.newFixedThreadPool(THREADS);
                try {
                    List<Future<?>> workers = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        workers.add(threads.submit(() -> {
                            for (int call = next.getAndIncrement(); call < CALLS; call = next.getAndIncrement()) {
                                outcomes.add(call(client, call));
                            }
                        }));
                    }
                    for (Future<?> worker : workers) worker.get();
                } finally {
                    threads.shutdownNow();
                }
                stats = router.stats();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.printf("chaos: %d calls from %d threads in %d ms, seed %d%n%s%s%n%s%n%s", CALLS, THREADS, millis, SEED,
                    summary(outcomes), faulty, healthy, stats);

            assertThat(outcomes).hasSize(CALLS);
            // Every whole answer arrives, and right.
            assertThat(outcomes).filteredOn(o -> !o.stream).allSatisfy(o -> {
                assertThat(o.failure).as("call %d failed", o.call).isNull();
                assertThat(o.text).as("call %d", o.call).isEqualTo(Answers.text(o.call));
            });
            // Every stream completes equal to the reference, or ends in an exception with a message
            // after a part of it: never cut short quietly, never repeated.
            assertThat(outcomes).filteredOn(o -> o.stream).allSatisfy(o -> {
                if (o.failure == null && o.closedEarly) {
                    assertThat(o.text).as("stream %d closed after two chunks", o.call)
                            .isEqualTo(Answers.word(o.call, 0) + Answers.word(o.call, 1));
                } else if (o.failure == null) {
                    assertThat(o.text).as("stream %d", o.call).isEqualTo(Answers.text(o.call));
                } else {
                    assertThat(o.failure.getMessage()).as("stream %d's failure", o.call).isNotBlank();
                    assertThat(Answers.text(o.call)).as("stream %d's part before its failure", o.call).startsWith(o.text);
                }
            });
            // No call made more attempts than its budget, by the router's count or by the servers'.
            int budget = RETRIES.maxRetries() + 1;
            assertThat(attempts.max()).as("attempts of one call").isLessThanOrEqualTo(budget);
            for (int call = 0; call < CALLS; call++) {
                assertThat(faulty.requestsOf(call) + healthy.requestsOf(call)).as("requests of call %d at the servers", call)
                        .isLessThanOrEqualTo(budget);
            }
            // The statistics add up to what the servers saw.
            DeploymentStats dead = stats.deployment("dead").orElseThrow();
            DeploymentStats flaky = stats.deployment("faulty").orElseThrow();
            DeploymentStats good = stats.deployment("healthy").orElseThrow();
            for (DeploymentStats d : List.of(dead, flaky, good)) {
                assertThat(d.successes() + d.errors() + d.cancelled()).as(d.deployment() + " outcomes").isEqualTo(d.requests());
                assertThat(d.inFlight()).as(d.deployment() + " in flight").isZero();
            }
            assertThat(dead.successes()).isZero();
            assertThat(dead.errorsByClass()).containsOnlyKeys(OpenAIIoException.class.getSimpleName());
            assertThat(flaky.requests()).as("faulty: requests").isEqualTo(faulty.requests());
            assertThat(good.requests()).as("healthy: requests").isEqualTo(healthy.requests());
            // A stream its caller closed was answered whole by the server, and is a cancelled attempt.
            assertThat(good.successes() + good.cancelled()).as("healthy: successes and cancelled").isEqualTo(healthy.intact());
            assertThat(good.cancelled()).as("healthy: cancelled").isPositive();
            assertThat(flaky.errors() + flaky.cancelled()).as("faulty: errors and cancelled").isGreaterThanOrEqualTo(faulty.faults());
            assertThat(flaky.successes()).as("faulty: successes").isLessThanOrEqualTo(faulty.intact());
            long answered = outcomes.stream().filter(o -> o.failure == null && !o.closedEarly).count();
            assertThat(dead.successes() + flaky.successes() + good.successes()).as("successful attempts").isEqualTo(answered);
            assertThat(dead.requests() + flaky.requests() + good.requests()).as("attempts").isEqualTo(attempts.total());
            // The chaos happened: every fault was served, and every deployment was tried.
            for (Fault f : Fault.values()) assertThat(faulty.faults(f)).as("faults " + f).isPositive();
            assertThat(dead.requests()).isPositive();
        }
    }

    private static ChatCompletionCreateParams params(int call) {
        return ChatCompletionCreateParams.builder().model(POOL).addUserMessage(Answers.prompt(call)).build();
    }

    /** Whole and streamed, blocking and async, in turn. */
    private static Outcome call(OpenAIClient client, int call) {
        switch (call % 4) {
            case 0:
                return whole(client, call);
            case 1:
                // One blocking stream in five is closed by its caller after two chunks.
                return call % 20 == 9 ? closedEarly(client, call) : streamed(client, call);
            case 2:
                return wholeAsync(client.async(), call);
            default:
                return streamedAsync(client.async(), call);
        }
    }

    private static Outcome wholeAsync(OpenAIClientAsync client, int call) {
        try {
            ChatCompletion answer = client.chat().completions().create(params(call)).join();
            return new Outcome(call, false, answer.choices().get(0).message().content().orElse(""), null);
        } catch (CompletionException e) {
            return new Outcome(call, false, "", e.getCause());
        }
    }

    private static Outcome streamedAsync(OpenAIClientAsync client, int call) {
        StringBuffer text = new StringBuffer();
        CompletableFuture<Optional<Throwable>> told = new CompletableFuture<>();
        AsyncStreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(call));
        stream.subscribe(new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
            @Override
            public void onNext(ChatCompletionChunk chunk) {
                chunk.choices().forEach(c -> text.append(c.delta().content().orElse("")));
            }

            @Override
            public void onComplete(Optional<Throwable> error) {
                told.complete(error);
            }
        });
        Throwable failure = told.join().orElse(null);
        // The future must tell the same story as the handler.
        Throwable completed;
        try {
            stream.onCompleteFuture().join();
            completed = null;
        } catch (CompletionException e) {
            completed = e.getCause();
        }
        if ((failure == null) != (completed == null)) {
            failure = new AssertionError("the handler was told " + failure + " but onCompleteFuture " + completed);
        }
        return new Outcome(call, true, text.toString(), failure);
    }

    private static Outcome whole(OpenAIClient client, int call) {
        try {
            ChatCompletion answer = client.chat().completions().create(params(call));
            return new Outcome(call, false, answer.choices().get(0).message().content().orElse(""), null);
        } catch (RuntimeException e) {
            return new Outcome(call, false, "", e);
        }
    }

    private static Outcome streamed(OpenAIClient client, int call) {
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(call))) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> text.append(c.delta().content().orElse(""))));
            return new Outcome(call, true, text.toString(), null);
        } catch (RuntimeException e) {
            return new Outcome(call, true, text.toString(), e);
        }
    }

    /** Reads two chunks, then closes the stream: the request is cancelled, and that is no failure. */
    private static Outcome closedEarly(OpenAIClient client, int call) {
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(call))) {
            stream.stream().limit(2).forEach(chunk -> chunk.choices().forEach(c -> text.append(c.delta().content().orElse(""))));
            return new Outcome(call, true, text.toString(), null, true);
        } catch (RuntimeException e) {
            return new Outcome(call, true, text.toString(), e, true);
        }
    }

    private static String summary(List<Outcome> outcomes) {
        Map<String, Long> byEnd = new TreeMap<>();
        synchronized (outcomes) {
            for (Outcome o : outcomes) {
                String end = (o.stream ? "stream " : "whole ") + (o.failure != null ? o.failure.getClass().getSimpleName()
                        : o.closedEarly ? "closed early" : "answered");
                byEnd.merge(end, 1L, Long::sum);
            }
        }
        return "outcomes " + byEnd + "\n";
    }

    /** A closed loopback port: connections to it are refused. */
    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }

    /** What one call's caller saw: its text so far, and how it failed if it did. */
    private static final class Outcome {
        final int call;
        final boolean stream;
        final String text;
        final Throwable failure;
        /** The caller closed the stream after two chunks. */
        final boolean closedEarly;

        Outcome(int call, boolean stream, String text, Throwable failure) {
            this(call, stream, text, failure, false);
        }

        Outcome(int call, boolean stream, String text, Throwable failure, boolean closedEarly) {
            this.call = call;
            this.stream = stream;
            this.text = text;
            this.failure = failure;
            this.closedEarly = closedEarly;
        }
    }

    /** The router's own count of attempts, per call. */
    private static final class AttemptsPerCall implements RouterListener {
        private final Map<Long, AtomicInteger> byCall = new ConcurrentHashMap<>();
        private final AtomicLong total = new AtomicLong();

        @Override
        public void attemptStart(RouterCall call, Deployment deployment, int attempt) {
            total.incrementAndGet();
            byCall.computeIfAbsent(call.id(), id -> new AtomicInteger()).incrementAndGet();
        }

        int max() {
            return byCall.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
        }

        long total() {
            return total.get();
        }
    }
}
