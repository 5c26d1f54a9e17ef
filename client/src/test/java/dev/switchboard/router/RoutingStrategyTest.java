package dev.switchboard.router;

import static dev.switchboard.router.Fixtures.chat;
import static dev.switchboard.router.Fixtures.deployment;
import static dev.switchboard.router.Fixtures.deploymentBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.subjects.SingleSubject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each strategy, seen from the caller: which deployment answers call after call. */
class RoutingStrategyTest {
    private final VirtualTime time = new VirtualTime();
    private final ScriptedBackend a = new ScriptedBackend("a");
    private final ScriptedBackend b = new ScriptedBackend("b");
    private final ScriptedBackend c = new ScriptedBackend("c");

    private Router router(String strategy, Deployment... deployments) {
        return builder().addPool(Pool.builder().name("text-generation").strategy(strategy).deployments(List.of(deployments)).build())
                .build();
    }

    private Router.Builder builder() {
        Random seeded = new Random(42);
        return Router.builder().scheduler(time.scheduler).clock(time).random(seeded::nextDouble);
    }

    /** Who answers each of {@code calls} calls, counted. */
    private static Map<String, Integer> answers(Router router, int calls) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < calls; i++) counts.merge(chat(router, "text-generation").blockingGet(), 1, Integer::sum);
        return counts;
    }

    @Test
    void priorityAlwaysAsksTheFirstDeployment() {
        Router router = router("priority", deployment(a), deployment(b), deployment(c));

        assertThat(answers(router, 10)).containsExactly(Map.entry("a", 10));
    }

    @Test
    void alwaysFirstIsAnotherNameForPriority() {
        Router router = router("always_first", deployment(a), deployment(b));

        assertThat(answers(router, 5)).containsExactly(Map.entry("a", 5));
    }

    @Test
    void roundRobinRotatesExactly() {
        Router router = router("round_robin", deployment(a), deployment(b), deployment(c));

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 9; i++) order.add(chat(router, "text-generation").blockingGet());

        assertThat(order).containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c");
    }

    @Test
    void roundRobinRotatesExactlyUnderConcurrentCalls() throws Exception {
        Router router = router("round_robin", deployment(a), deployment(b), deployment(c));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 300; i++) chat(router, "text-generation").blockingGet();
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();

        assertThat(List.of(a.calls.get(), b.calls.get(), c.calls.get())).containsExactly(800, 800, 800);
    }

    @Test
    void strategyNamesMayUseHyphens() {
        Router router = router("round-robin", deployment(a), deployment(b));

        assertThat(List.of(chat(router, "text-generation").blockingGet(), chat(router, "text-generation").blockingGet()))
                .containsExactly("a", "b");
    }

    @Test
    void weightedSendsCallsInProportionToTheWeights() {
        Router router = router("weighted", deploymentBuilder(a).weight(3).build(), deploymentBuilder(b).weight(1).build());

        Map<String, Integer> counts = answers(router, 4000);

        assertThat(counts.get("a") / 4000.0).isCloseTo(0.75, within(0.03));
        assertThat(counts.get("b") / 4000.0).isCloseTo(0.25, within(0.03));
    }

    @Test
    void randomSpreadsCallsEvenly() {
        Router router = router("random", deployment(a), deployment(b), deployment(c));

        Map<String, Integer> counts = answers(router, 3000);

        assertThat(counts.values()).allSatisfy(n -> assertThat(n / 3000.0).isCloseTo(1 / 3.0, within(0.04)));
    }

    @Test
    void leastBusyPrefersTheDeploymentWithFewestCallsInFlight() {
        Router router = router("least_busy", deployment(a), deployment(b));
        SingleSubject<String> slow = SingleSubject.create();
        a.then(() -> slow).then(() -> slow);
        b.then(() -> slow);
        // Two calls hang on a and one on b: whatever the tie-breaks, a has more in flight than b after.
        List<Object> hanging = new ArrayList<>();
        while (a.calls.get() < 2) hanging.add(chat(router, "text-generation").test());
        while (b.calls.get() < 1) hanging.add(chat(router, "text-generation").test());
        assertThat(a.calls.get()).isEqualTo(2);

        assertThat(answers(router, 20)).containsExactly(Map.entry("b", 20));
    }

    @Test
    void leastBusySharesIdleDeployments() {
        Router router = router("least_busy", deployment(a), deployment(b));

        Map<String, Integer> counts = answers(router, 1000);

        assertThat(counts.get("a") / 1000.0).isCloseTo(0.5, within(0.06));
    }

    @Test
    void lowestLatencyMeasuresEachDeploymentFirstThenPrefersTheFastest() {
        Router router = router("lowest_latency", deployment(a), deployment(b), deployment(c));
        a.then(() -> answerAfter("a", 300));
        b.then(() -> answerAfter("b", 100));
        c.then(() -> answerAfter("c", 200));

        List<String> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var call = chat(router, "text-generation").test();
            time.advance(Duration.ofMillis(300));
            first.add(call.values().get(0));
        }

        assertThat(first).as("each deployment explored once").containsExactly("a", "b", "c");
        assertThat(answers(router, 10)).containsExactly(Map.entry("b", 10));
    }

    @Test
    void lowestLatencyForStreamsIsTimeToFirstChunk() {
        Router router = router("lowest_latency", deployment(a), deployment(b));
        RouteRequest streamed = RouteRequest.builder(Capability.CHAT, "text-generation").require(Capability.STREAMING).build();
        // a's first chunk comes after 50 ms, b's after 200 ms; both then take long to finish.
        Map<String, Long> firstChunkMillis = Map.of("a", 50L, "b", 200L);
        Router.Attempt<Flowable<String>> attempt = (backend, model) -> {
            String name = ((ScriptedBackend) backend).name;
            ((ScriptedBackend) backend).calls.incrementAndGet();
            return Flowable.timer(firstChunkMillis.get(name), TimeUnit.MILLISECONDS, time.scheduler).map(t -> name)
                    .concatWith(Flowable.timer(1000, TimeUnit.MILLISECONDS, time.scheduler).map(t -> name));
        };
        for (int i = 0; i < 2; i++) {
            var s = router.stream(streamed, attempt).test();
            time.advance(Duration.ofSeconds(2));
            s.assertComplete();
        }

        var next = router.stream(streamed, attempt).test();
        time.advance(Duration.ofSeconds(2));

        next.assertValues("a", "a");
    }

    private Single<String> answerAfter(String name, long millis) {
        return Single.timer(millis, TimeUnit.MILLISECONDS, time.scheduler).map(t -> name);
    }

    @Test
    void aStrategyRegisteredByNameIsUsedByPoolsThatNameIt() {
        Router router = builder()
                .strategy("last_first", () -> (candidates, context) -> {
                    List<Deployment> reversed = new ArrayList<>(candidates);
                    Collections.reverse(reversed);
                    return reversed;
                })
                .addPool(Pool.builder().name("text-generation").strategy("last_first")
                        .deployments(List.of(deployment(a), deployment(b), deployment(c))).build())
                .build();

        assertThat(answers(router, 3)).containsExactly(Map.entry("c", 3));
    }

    @Test
    void aRegisteredStrategyIsMadeOncePerPool() {
        List<Object> made = new ArrayList<>();
        Router.builder()
                .strategy("counted", () -> {
                    RoutingStrategy s = new PriorityStrategy();
                    made.add(s);
                    return s;
                })
                .addPool(Pool.builder().name("one").strategy("counted").addDeployment(deployment(a)).build())
                .addPool(Pool.builder().name("two").strategy("counted").addDeployment(deployment(b)).build())
                .build();

        assertThat(made).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aStrategyInstanceGivenToThePoolIsUsed() {
        Router router = builder().addPool(Pool.builder().name("text-generation")
                        .strategy((candidates, context) -> List.of(candidates.get(1)))
                        .deployments(List.of(deployment(a), deployment(b))).build())
                .build();

        assertThat(answers(router, 3)).containsExactly(Map.entry("b", 3));
    }

    @Test
    void anUnknownStrategyNameIsAnErrorNamingThePoolAndTheKnownNames() {
        Router.Builder builder = builder().strategy("mine", () -> (candidates, context) -> candidates)
                .addPool(Pool.builder().name("text-generation").strategy("fastest").addDeployment(deployment(a)).build());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pools.text-generation.strategy: unknown strategy 'fastest'; known strategies: [always_first, "
                        + "least_busy, lowest_latency, mine, priority, random, round_robin, weighted] "
                        + "(register others with Router.Builder.strategy(name, supplier))");
    }
}
