package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.Health;
import dev.switchboard.backend.openai.OpenAiBackendFactory;
import dev.switchboard.testing.MockServer;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The health monitor's schedule, in virtual time on a TestScheduler: nothing here sleeps. */
class HealthMonitorTest {
    private final TestScheduler time = new TestScheduler();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final HealthPolicy policy = HealthPolicy.builder().interval(Duration.ofSeconds(30)).timeout(Duration.ofSeconds(10)).build();
    private HealthMonitor monitor;

    @AfterEach
    void stop() {
        if (monitor != null) monitor.close();
    }

    /** A backend whose probe is whatever {@code probe} gives; counts probes begun and cancelled. */
    private static final class ScriptedBackend implements Backend {
        final AtomicInteger probes = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();
        final Supplier<Single<Health>> probe;

        ScriptedBackend(Supplier<Single<Health>> probe) {
            this.probe = probe;
        }

        @Override
        public Single<Health> health(Duration timeout) {
            probes.incrementAndGet();
            return probe.get().doOnDispose(cancelled::incrementAndGet);
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.CHAT);
        }

        @Override
        public void close() {}
    }

    private static Deployment deployment(String name, Backend backend) {
        return Deployment.builder().name(name).backend(backend).build();
    }

    private HealthMonitor.Builder monitor() {
        return HealthMonitor.builder().policy(policy).scheduler(time)
                .listener((deployment, health) -> reports.add(deployment.name() + " " + health.status()));
    }

    private void advanceSeconds(long seconds) {
        time.advanceTimeBy(seconds, TimeUnit.SECONDS);
    }

    @Test
    void everyDeploymentIsProbedAtStartAndThenEveryInterval() {
        ScriptedBackend a = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        ScriptedBackend b = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        monitor = monitor().add(deployment("a", a), a).add(deployment("b", b), b).build();

        monitor.start();
        advanceSeconds(0);
        assertThat(reports).containsExactly("a HEALTHY", "b HEALTHY");

        advanceSeconds(29);
        assertThat(reports).hasSize(2);
        advanceSeconds(1);
        assertThat(reports).hasSize(4);
        advanceSeconds(60);
        assertThat(a.probes).hasValue(4);
        assertThat(b.probes).hasValue(4);
    }

    @Test
    void nothingIsProbedBeforeStart() {
        ScriptedBackend a = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        monitor = monitor().add(deployment("a", a), a).build();

        advanceSeconds(120);

        assertThat(a.probes).hasValue(0);
        assertThat(monitor.isRunning()).isFalse();
    }

    @Test
    void theIntervalIsThePolicys() {
        ScriptedBackend a = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        monitor = monitor().policy(HealthPolicy.builder().interval(Duration.ofSeconds(5)).build()).add(deployment("a", a), a).build();

        monitor.start();
        advanceSeconds(20);

        assertThat(a.probes).hasValue(5);
    }

    @Test
    void aProbeWithoutAnAnswerWithinTheTimeoutIsReportedUnreachableAndCancelled() {
        ScriptedBackend silent = new ScriptedBackend(Single::never);
        monitor = monitor().add(deployment("silent", silent), silent).build();

        monitor.start();
        advanceSeconds(9);
        assertThat(reports).isEmpty();
        advanceSeconds(1);

        assertThat(reports).containsExactly("silent UNREACHABLE");
        assertThat(monitor.latest(monitor.deployments().get(0))).get()
                .extracting(Health::detail).isEqualTo("no answer to the health probe within PT10S");
        assertThat(silent.cancelled).hasValue(1);
    }

    @Test
    void aSlowProbeHoldsBackNoOtherDeployment() {
        ScriptedBackend silent = new ScriptedBackend(Single::never);
        ScriptedBackend quick = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        monitor = monitor().add(deployment("silent", silent), silent).add(deployment("quick", quick), quick).build();

        monitor.start();
        advanceSeconds(0);

        assertThat(reports).containsExactly("quick HEALTHY");
        advanceSeconds(30);
        assertThat(reports).containsExactly("quick HEALTHY", "silent UNREACHABLE", "quick HEALTHY");
    }

    @Test
    void aDeploymentWhoseProbeIsStillRunningSkipsItsTurnRatherThanProbingTwice() {
        // Probes take 40 s; the interval is 30 s, the timeout 45 s.
        ScriptedBackend slow = new ScriptedBackend(() -> Single.timer(40, TimeUnit.SECONDS, time).map(t -> Health.healthy("slow")));
        monitor = monitor().policy(HealthPolicy.builder().interval(Duration.ofSeconds(30)).timeout(Duration.ofSeconds(45)).build())
                .add(deployment("slow", slow), slow).build();

        monitor.start();
        advanceSeconds(30);
        assertThat(slow.probes).hasValue(1);
        advanceSeconds(10);
        assertThat(reports).containsExactly("slow HEALTHY");
        advanceSeconds(20);

        assertThat(slow.probes).hasValue(2);
    }

    @Test
    void eachResultReachesTheListenerAsTheBackendGaveIt() {
        AtomicInteger n = new AtomicInteger();
        ScriptedBackend loading = new ScriptedBackend(() -> Single.just(n.getAndIncrement() < 2
                ? Health.notReady("Loading model", null)
                : Health.healthy("ok")));
        monitor = monitor().add(deployment("llama", loading), loading).build();

        monitor.start();
        advanceSeconds(60);

        assertThat(reports).containsExactly("llama NOT_READY", "llama NOT_READY", "llama HEALTHY");
    }

    @Test
    void aProbeThatFailsInsteadOfAnsweringIsNotReady() {
        ScriptedBackend broken = new ScriptedBackend(() -> Single.error(new IllegalStateException("engine gone")));
        monitor = monitor().add(deployment("broken", broken), broken).build();

        monitor.start();
        advanceSeconds(0);

        assertThat(reports).containsExactly("broken NOT_READY");
        assertThat(monitor.latest(monitor.deployments().get(0)).orElseThrow().detail())
                .isEqualTo("the health probe failed: java.lang.IllegalStateException: engine gone");
    }

    @Test
    void stopEndsTheScheduleAndCancelsTheProbesStillRunning() {
        ScriptedBackend silent = new ScriptedBackend(Single::never);
        monitor = monitor().add(deployment("silent", silent), silent).build();
        monitor.start();
        advanceSeconds(5);

        monitor.stop();
        advanceSeconds(300);

        assertThat(silent.probes).hasValue(1);
        assertThat(silent.cancelled).hasValue(1);
        assertThat(reports).isEmpty();
        assertThat(monitor.isRunning()).isFalse();
    }

    @Test
    void aStoppedMonitorStartsAgain() {
        ScriptedBackend a = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        monitor = monitor().add(deployment("a", a), a).build();
        monitor.start();
        advanceSeconds(0);
        monitor.stop();

        monitor.start();
        advanceSeconds(0);

        assertThat(a.probes).hasValue(2);
    }

    @Test
    void startingTwiceDoesNotProbeTwice() {
        ScriptedBackend a = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        monitor = monitor().add(deployment("a", a), a).build();

        monitor.start();
        monitor.start();
        advanceSeconds(30);

        assertThat(a.probes).hasValue(2);
    }

    @Test
    void aDisabledPolicyProbesNothing() {
        ScriptedBackend a = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        monitor = monitor().policy(HealthPolicy.disabled()).add(deployment("a", a), a).build();

        monitor.start();
        advanceSeconds(300);

        assertThat(a.probes).hasValue(0);
        assertThat(monitor.isRunning()).isFalse();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheProbes() {
        ScriptedBackend a = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        AtomicInteger heard = new AtomicInteger();
        monitor = HealthMonitor.builder().policy(policy).scheduler(time)
                .listener((deployment, health) -> {
                    heard.incrementAndGet();
                    throw new IllegalStateException("listener bug");
                })
                .add(deployment("a", a), a).build();
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            monitor.start();
            advanceSeconds(60);
        } finally {
            System.setErr(err);
        }

        assertThat(heard).hasValue(3);
    }

    @Test
    void theListenerIsRequired() {
        assertThatThrownBy(() -> HealthMonitor.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("`listener` is required, but was not set");
    }

    @Test
    void aDeploymentIsProbedOnce() {
        ScriptedBackend a = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        Deployment d = deployment("a", a);

        assertThatThrownBy(() -> monitor().add(d, a).add(d, a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.a is added twice");
    }

    @Test
    void theRoutersDeploymentsAreProbedThroughTheRoutersBackends() {
        ScriptedBackend a = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        ScriptedBackend b = new ScriptedBackend(() -> Single.just(Health.healthy("ok")));
        Pool pool = Pool.of("chat", List.of(deployment("a", a), deployment("b", b)));
        try (Router router = Router.builder().addPool(pool).build()) {
            monitor = monitor().addAll(pool.deployments(), router::backend).build();

            monitor.start();
            advanceSeconds(0);
        }

        assertThat(reports).containsExactly("a HEALTHY", "b HEALTHY");
    }

    @Test
    void aLlamaCppServerLoadingItsModelIsReportedNotReadyThenHealthy() {
        OkHttpClient http = new OkHttpClient();
        try (MockServer server = new MockServer()) {
            server.enqueue(new MockResponse().setResponseCode(503)
                    .setBody("{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}"));
            server.enqueueJson("{\"status\":\"ok\"}");
            Deployment llama = Deployment.builder().name("llama").kind("llamacpp").baseUrl(server.baseUrl()).build();
            Backend backend = new OpenAiBackendFactory().create(llama, new BackendContext(http, Clock.systemUTC()));
            monitor = monitor().add(llama, backend).build();

            monitor.start();
            advanceSeconds(0);
            assertThat(monitor.latest(llama).orElseThrow().detail())
                    .isEqualTo("llama.cpp's server is not ready: GET /health answered 503: Loading model");
            advanceSeconds(30);

            assertThat(reports).containsExactly("llama NOT_READY", "llama HEALTHY");
            assertThat(server.takeRequest().getPath()).isEqualTo("/health");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
