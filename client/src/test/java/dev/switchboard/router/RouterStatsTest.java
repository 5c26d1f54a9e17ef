package dev.switchboard.router;

import static dev.switchboard.router.Fixtures.chat;
import static dev.switchboard.router.Fixtures.deployment;
import static dev.switchboard.router.Fixtures.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link Router#stats()}: what each deployment did, consistent at every moment. */
class RouterStatsTest {
    private final VirtualTime time = new VirtualTime();
    private final ScriptedBackend a = new ScriptedBackend("a");
    private final ScriptedBackend b = new ScriptedBackend("b");

    private Router router() {
        return Router.builder().scheduler(time.scheduler).clock(time).random(() -> 0)
                .addPool(Pool.of("text-generation", List.of(deployment(a), deployment(b))))
                .build();
    }

    private static DeploymentStats of(Router router, String name) {
        return router.stats().deployment(name).orElseThrow();
    }

    @Test
    void everyDeploymentIsListedBeforeItsFirstCall() {
        Router router = Router.builder().addPool(Pool.of("text-generation", List.of(deployment(a))))
                .defaultDeployment(deployment(b)).build();

        assertThat(router.stats().deployments()).extracting(DeploymentStats::deployment, DeploymentStats::requests,
                        DeploymentStats::breakerState)
                .containsExactly(tuple("a", 0L, BreakerState.CLOSED),
                        tuple("b", 0L, BreakerState.DISABLED));
    }

    @Test
    void requestsErrorsByClassAndLatencyAreCountedPerDeployment() {
        Router router = router();
        a.failing(serverError(), new OpenAIIoException("refused"));
        b.then(() -> Single.timer(200, TimeUnit.MILLISECONDS, time.scheduler).map(t -> "b"));

        TestObserver<String> call = chat(router, "text-generation").test();
        time.advance(Duration.ofMillis(200));
        call.assertValue("b");
        chat(router, "text-generation").test().assertValue("b");

        DeploymentStats sa = of(router, "a");
        DeploymentStats sb = of(router, "b");
        assertThat(sa.requests()).isEqualTo(2);
        assertThat(sa.errors()).isEqualTo(2);
        assertThat(sa.errorsByClass()).containsExactly(Map.entry("InternalServerException", 1L), Map.entry("OpenAIIoException", 1L));
        assertThat(sb.requests()).isEqualTo(2);
        assertThat(sb.successes()).isEqualTo(2);
        assertThat(sb.latencyP99()).contains(Duration.ofMillis(200));
        assertThat(sb.latencyP50()).contains(Duration.ZERO);
        assertThat(sb.inFlight()).isZero();
    }

    @Test
    void callsInFlightAndCancelledAreCounted() {
        Router router = router();
        a.then(Single::never).then(Single::never);

        TestObserver<String> first = chat(router, "text-generation").test();
        chat(router, "text-generation").test();
        first.dispose();

        DeploymentStats sa = of(router, "a");
        assertThat(sa.requests()).isEqualTo(2);
        assertThat(sa.inFlight()).isEqualTo(1);
        assertThat(sa.cancelled()).isEqualTo(1);
    }

    @Test
    void timeToFirstTokenIsMeasuredForStreams() {
        Router router = router();

        router.stream(RouteRequest.builder(Capability.CHAT, "text-generation").require(Capability.STREAMING).build(),
                        (backend, model) -> Flowable.timer(150, TimeUnit.MILLISECONDS, time.scheduler).map(t -> "first")
                                .concatWith(Flowable.timer(1, TimeUnit.SECONDS, time.scheduler).map(t -> "second")))
                .test();
        time.advanceSeconds(2);

        DeploymentStats sa = of(router, "a");
        assertThat(sa.timeToFirstTokenP50()).contains(Duration.ofMillis(150));
        assertThat(sa.latencyP50()).contains(Duration.ofMillis(1150));
    }

    @Test
    void theBreakerStateIsShown() {
        Router router = router();

        router.recordProbe(router.pools().get("text-generation").deployments().get(0), false, new IOException("down"));

        assertThat(of(router, "a").breakerState()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void tokensComeFromTheAnswersUsage() {
        try (PoolHarness pool = new PoolHarness()) {
            MockServer server = pool.server("a");
            server.enqueueJson(ServerPayloads.completion("Hello"));
            server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.lastChunk("stop"), ServerPayloads.usageChunk(11, 3));

            pool.chat("Hi");
            pool.core().chatCompletionStream(PoolHarness.params("Hi"), RequestOptions.none()).blockingSubscribe();

            DeploymentStats stats = pool.router().stats().deployment("a").orElseThrow();
            assertThat(stats.tokensIn()).isEqualTo(5 + 11);
            assertThat(stats.tokensOut()).isEqualTo(2 + 3);
        }
    }

    @Test
    void statsStayConsistentUnder32Threads() throws Exception {
        ScriptedBackend c = new ScriptedBackend("c");
        Router router = Router.builder()
                .retryPolicy(MockServer.NO_WAIT)
                .cooldownPolicy(CooldownPolicy.builder().allowedFails(1_000_000).failureRateThreshold(100).build())
                .addPool(Pool.builder().name("text-generation").strategy("round_robin")
                        .deployments(List.of(deployment(a), deployment(b), deployment(c))).build())
                .build();
        AtomicLong attempts = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        Router.Attempt<Single<String>> flaky = (backend, model) -> Single.fromCallable(() -> {
            attempts.incrementAndGet();
            if (ThreadLocalRandom.current().nextInt(10) < 3) throw serverError();
            return "ok";
        });
        ConcurrentLinkedQueue<String> inconsistencies = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger snapshots = new AtomicInteger();
        Thread checker = new Thread(() -> {
            while (running.get()) {
                for (DeploymentStats s : router.stats().deployments()) {
                    if (s.requests() != s.successes() + s.errors() + s.cancelled() + s.inFlight() || s.inFlight() < 0) {
                        inconsistencies.add(s.toString());
                    }
                }
                snapshots.incrementAndGet();
            }
        });
        checker.start();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 200; i++) {
                    try {
                        router.single(RouteRequest.builder(Capability.CHAT, "text-generation").build(), flaky).blockingGet();
                        answered.incrementAndGet();
                    } catch (RuntimeException e) {
                        // every attempt of this call failed: counted as errors below
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) thread.join();
        running.set(false);
        checker.join();

        assertThat(inconsistencies).as("snapshots that showed half an event").isEmpty();
        assertThat(snapshots.get()).isPositive();
        List<DeploymentStats> all = router.stats().deployments();
        assertThat(all.stream().mapToLong(DeploymentStats::requests).sum()).isEqualTo(attempts.get());
        assertThat(all.stream().mapToLong(DeploymentStats::successes).sum()).isEqualTo(answered.get());
        assertThat(all.stream().mapToLong(DeploymentStats::inFlight).sum()).isZero();
    }
}
