package dev.switchboard.router;

import static dev.switchboard.router.Fixtures.chat;
import static dev.switchboard.router.Fixtures.deployment;
import static dev.switchboard.router.Fixtures.rateLimited;
import static dev.switchboard.router.Fixtures.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.backend.Health;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router's own health checks of its pools' deployments, in virtual time, feeding each deployment's breaker. */
class RouterHealthTest {
    private final VirtualTime time = new VirtualTime();
    private final ScriptedBackend a = new ScriptedBackend("a");
    private final ScriptedBackend b = new ScriptedBackend("b");
    private final Deployment da = deployment(a);

    private Router.Builder builder() {
        return Router.builder().scheduler(time.scheduler).clock(time).random(() -> 0)
                .cooldownPolicy(CooldownPolicy.builder().allowedFails(0).cooldown(Duration.ofSeconds(90)).build())
                .healthPolicy(HealthPolicy.builder().interval(Duration.ofSeconds(30)).build());
    }

    private Router router() {
        return builder().addPool(Pool.of("text-generation", List.of(da, deployment(b)))).build();
    }

    @Test
    void theFirstProbesComeOneIntervalAfterTheRouterStarts() {
        router();

        time.advanceSeconds(29);
        assertThat(a.probes).hasValue(0);
        time.advanceSeconds(1);
        assertThat(a.probes).hasValue(1);
        assertThat(b.probes).hasValue(1);
        time.advanceSeconds(30);

        assertThat(a.probes).hasValue(2);
    }

    @Test
    void aFailingProbeCoolsTheDeploymentAndCallsGoElsewhere() {
        Router router = router();
        a.health = Health.unreachable("connection refused", new IOException("connection refused"));

        time.advanceSeconds(30);

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);
        assertThat(chat(router, "text-generation").blockingGet()).isEqualTo("b");
        assertThat(a.calls).hasValue(0);
    }

    @Test
    void aServerStillLoadingItsModelIsCooledToo() {
        Router router = router();
        a.health = Health.notReady("Loading model", null);

        time.advanceSeconds(30);

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void aPassingProbeEndsACooldownEarlyWithATrialCall() {
        Router router = router();
        a.failing(serverError());
        chat(router, "text-generation").blockingGet();
        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);

        time.advanceSeconds(30);

        assertThat(router.breakerState(da)).as("90 s of cooldown cut short").isEqualTo(BreakerState.HALF_OPEN);
        assertThat(chat(router, "text-generation").blockingGet()).isEqualTo("a");
        assertThat(router.breakerState(da)).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aPassingProbeDoesNotEndTheWaitAServerAskedFor() {
        Router router = builder().cooldownPolicy(CooldownPolicy.builder().allowedFails(3).build())
                .addPool(Pool.of("text-generation", List.of(da, deployment(b)))).build();
        a.failing(rateLimited("120"));
        chat(router, "text-generation").blockingGet();

        time.advanceSeconds(90);
        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);
        time.advanceSeconds(30);

        assertThat(chat(router, "text-generation").blockingGet()).isEqualTo("a");
    }

    @Test
    void theDefaultEndpointIsNeverProbed() {
        Router router = builder().defaultDeployment(deployment(b))
                .addPool(Pool.of("text-generation", List.of(da))).build();

        time.advanceSeconds(120);

        assertThat(b.probes).hasValue(0);
        assertThat(router.healthMonitor().orElseThrow().deployments()).containsExactly(da);
        assertThat(builder().defaultDeployment(deployment(b)).build().healthMonitor()).isEmpty();
    }

    @Test
    void disabledHealthChecksSendNoProbes() {
        Router router = builder().healthPolicy(HealthPolicy.disabled())
                .addPool(Pool.of("text-generation", List.of(da))).build();

        time.advanceSeconds(120);

        assertThat(a.probes).hasValue(0);
        assertThat(router.healthMonitor()).isEmpty();
    }

    @Test
    void closingTheRouterStopsItsProbes() {
        Router router = router();
        time.advanceSeconds(30);

        router.close();
        time.advanceSeconds(120);

        assertThat(a.probes).hasValue(1);
        assertThat(router.healthMonitor().orElseThrow().isRunning()).isFalse();
    }

    @Test
    void aRouterClosedBeforeItsFirstProbesNeverSendsAny() {
        Router router = router();

        router.close();
        time.advanceSeconds(120);

        assertThat(a.probes).hasValue(0);
    }
}
