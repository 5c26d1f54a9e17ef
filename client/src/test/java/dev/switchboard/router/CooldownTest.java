package dev.switchboard.router;

import static dev.switchboard.router.Fixtures.badRequest;
import static dev.switchboard.router.Fixtures.chat;
import static dev.switchboard.router.Fixtures.deployment;
import static dev.switchboard.router.Fixtures.rateLimited;
import static dev.switchboard.router.Fixtures.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.errors.NoDeploymentAvailableException;
import dev.switchboard.errors.OpenAIIoException;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Each deployment's cooldown breaker, on scripted backends in virtual time: what cools a deployment,
 * what does not, how it comes back through a trial call, and what a call does while its pool cools.
 */
class CooldownTest {
    private final VirtualTime time = new VirtualTime();
    private final ScriptedBackend a = new ScriptedBackend("a");
    private final ScriptedBackend b = new ScriptedBackend("b");
    private final Deployment da = deployment(a);
    private final Deployment db = deployment(b);
    private final List<String> events = new CopyOnWriteArrayList<>();

    private Router.Builder builder(CooldownPolicy policy) {
        return Router.builder().scheduler(time.scheduler).clock(time).random(() -> 0)
                .retryPolicy(RetryPolicy.builder().maxRetries(1).build())
                .cooldownPolicy(policy)
                .healthPolicy(HealthPolicy.disabled()) // RouterHealthTest covers probes
                .listener(new RouterListener() {
                    @Override
                    public void breakerStateChanged(Deployment deployment, BreakerState from, BreakerState to) {
                        events.add(deployment.name() + " " + from + " -> " + to);
                    }

                    @Override
                    public void cooldownEntered(Deployment deployment, Instant until, Throwable cause) {
                        events.add(deployment.name() + " cools until " + until);
                    }

                    @Override
                    public void cooldownLeft(Deployment deployment, BreakerState now) {
                        events.add(deployment.name() + " cooled, now " + now);
                    }
                });
    }

    private Router router(CooldownPolicy policy) {
        return builder(policy).addPool(Pool.of("text-generation", List.of(da, db))).build();
    }

    private static CooldownPolicy allowedFails(int n) {
        return CooldownPolicy.builder().allowedFails(n).cooldown(Duration.ofSeconds(30)).build();
    }

    private static String call(Router router) {
        return chat(router, "text-generation").blockingGet();
    }

    private static Instant at(long seconds) {
        return VirtualTime.START.plusSeconds(seconds);
    }

    @Test
    void aDeploymentThatFailsMoreOftenThanAllowedCoolsDownAndIsSkipped() {
        Router router = router(allowedFails(1));
        a.failing(serverError(), serverError());

        assertThat(call(router)).isEqualTo("b");
        assertThat(router.breakerState(da)).as("one failure is allowed").isEqualTo(BreakerState.CLOSED);
        assertThat(call(router)).isEqualTo("b");
        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);

        assertThat(call(router)).isEqualTo("b");
        assertThat(a.calls).as("not tried while cooling").hasValue(2);
    }

    @Test
    void aCooledDeploymentTakesATrialCallAfterItsCooldownAndComesBack() {
        Router router = router(allowedFails(0));
        a.failing(serverError());
        call(router);
        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);

        time.advanceSeconds(29);
        assertThat(call(router)).isEqualTo("b");
        time.advanceSeconds(1);
        assertThat(call(router)).as("the trial call").isEqualTo("a");

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.CLOSED);
        assertThat(events).containsExactly(
                "a CLOSED -> OPEN", "a cools until " + at(30),
                "a OPEN -> HALF_OPEN", "a cooled, now HALF_OPEN",
                "a HALF_OPEN -> CLOSED");
    }

    @Test
    void aDeploymentThatFailsItsTrialCallCoolsDownAgain() {
        Router router = router(allowedFails(0));
        a.failing(serverError(), serverError());
        call(router);
        time.advanceSeconds(30);

        assertThat(call(router)).isEqualTo("b");

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);
        assertThat(events).endsWith("a HALF_OPEN -> OPEN", "a cools until " + at(60));
    }

    @Test
    void finalAnswersNeverCoolADeployment() {
        Router router = router(allowedFails(0));
        for (int i = 0; i < 5; i++) a.failing(badRequest());

        for (int i = 0; i < 5; i++) {
            chat(router, "text-generation").test().assertError(BadRequestException.class);
        }

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.CLOSED);
        assertThat(b.calls).hasValue(0);
    }

    @Test
    void aTimeoutUnderTheCallersOwnTimeoutDoesNotCoolTheDeployment() {
        Router router = router(allowedFails(0));
        a.failing(new OpenAIIoException("POST /v1/chat/completions timed out", new SocketTimeoutException("timeout")));
        RouteRequest impatient = RouteRequest.builder(Capability.CHAT, "text-generation").timeout(Duration.ofMillis(50)).build();

        assertThat(chat(router, impatient).blockingGet()).isEqualTo("b");

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void aTimeoutUnderTheDeploymentsTimeoutCoolsIt() {
        Router router = router(allowedFails(0));
        a.failing(new OpenAIIoException("POST /v1/chat/completions timed out", new SocketTimeoutException("timeout")));

        assertThat(call(router)).isEqualTo("b");

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void aRateLimitWithRetryAfterCoolsTheDeploymentAtLeastThatLong() {
        Router router = router(allowedFails(3));
        a.failing(rateLimited("120"));

        assertThat(call(router)).isEqualTo("b");
        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);
        time.advanceSeconds(119);
        assertThat(call(router)).isEqualTo("b");
        time.advanceSeconds(1);

        assertThat(call(router)).isEqualTo("a");
    }

    @Test
    void aSecondCooldownNeverShortensTheFirst() {
        Router router = router(allowedFails(3));
        a.failing(rateLimited("120"));
        call(router);

        router.recordProbe(da, false, new IOException("connection refused"));
        time.advanceSeconds(31);

        assertThat(call(router)).isEqualTo("b");
        assertThat(events).containsExactly("a CLOSED -> OPEN", "a cools until " + at(120));
    }

    @Test
    void aFailureRateAboveTheThresholdCoolsTheDeployment() {
        Router router = router(CooldownPolicy.builder().allowedFails(100).minimumRequests(4).failureRateThreshold(50).build());
        a.then(() -> Single.just("a")).failing(serverError())
                .then(() -> Single.just("a")).failing(serverError());

        call(router);
        call(router);
        call(router);
        assertThat(router.breakerState(da)).as("three calls are too few to judge").isEqualTo(BreakerState.CLOSED);
        call(router);

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void aFailingHealthProbeCoolsTheDeployment() {
        Router router = router(allowedFails(3));

        router.recordProbe(da, false, new IOException("connection refused"));

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.OPEN);
        assertThat(call(router)).isEqualTo("b");
        assertThat(a.calls).hasValue(0);
    }

    @Test
    void aPassingHealthProbeLetsACooledDeploymentTakeATrialCallAtOnce() {
        Router router = router(allowedFails(0));
        router.recordProbe(da, false, new IOException("connection refused"));

        router.recordProbe(da, true, null);

        assertThat(router.breakerState(da)).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(call(router)).isEqualTo("a");
        assertThat(router.breakerState(da)).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void whenEveryDeploymentIsCoolingTheCallWaitsForTheFirstToRecover() {
        Router router = router(allowedFails(0));
        router.recordProbe(db, false, new IOException("down"));
        time.advanceSeconds(10);
        router.recordProbe(da, false, new IOException("down")); // a recovers at 40 s, b at 30 s

        TestObserver<String> result = chat(router, "text-generation").test();
        time.advanceSeconds(19);
        result.assertEmpty();
        time.advanceSeconds(1);

        result.assertValue("b");
        assertThat(a.calls).hasValue(0);
    }

    @Test
    void whenThePoolCoolsLongerThanTheCallMayTakeTheCallFailsAtOnceSayingWhy() {
        Router router = builder(allowedFails(0)).timeout(Duration.ofSeconds(10))
                .addPool(Pool.of("text-generation", List.of(da, db))).build();
        router.recordProbe(da, false, new IOException("down"));
        router.recordProbe(db, false, new IOException("down"));

        TestObserver<String> result = chat(router, "text-generation").test();

        result.assertError(e -> e instanceof NoDeploymentAvailableException && e.getMessage().equals(
                "No deployment of 'text-generation' could answer:\n"
                        + "  a: DeploymentSkippedException (a was skipped: cooling down until 2025-01-01T00:00:30Z)\n"
                        + "  b: DeploymentSkippedException (b was skipped: cooling down until 2025-01-01T00:00:30Z)"));
    }

    @Test
    void aCallsOwnTimeoutBoundsTheWaitForACoolingPool() {
        Router router = router(allowedFails(0));
        router.recordProbe(da, false, new IOException("down"));
        router.recordProbe(db, false, new IOException("down"));

        RouteRequest patient = RouteRequest.builder(Capability.CHAT, "text-generation").timeout(Duration.ofSeconds(45)).build();
        RouteRequest hurried = RouteRequest.builder(Capability.CHAT, "text-generation").timeout(Duration.ofSeconds(5)).build();
        TestObserver<String> waits = chat(router, patient).test();
        chat(router, hurried).test().assertError(NoDeploymentAvailableException.class);
        time.advanceSeconds(30);

        waits.assertValue("a");
    }

    @Test
    void theDefaultEndpointNeverCoolsDown() {
        Router router = builder(allowedFails(0)).defaultDeployment(da).build();
        for (int i = 0; i < 6; i++) a.failing(serverError());

        TestObserver<String> first = chat(router, "gpt-4o-mini").test();
        time.advanceSeconds(60);
        TestObserver<String> second = chat(router, "gpt-4o-mini").test();
        time.advanceSeconds(60);

        first.assertError(InternalServerException.class);
        second.assertError(InternalServerException.class);
        assertThat(router.breakerState(da)).isEqualTo(BreakerState.DISABLED);
        assertThat(a.calls).as("every attempt reached it").hasValue(4);
        assertThat(events).isEmpty();
    }

    @Test
    void aPoolOfOneRetriesAfterTheBackoffUntilItCools() {
        ScriptedBackend only = new ScriptedBackend("only");
        Router router = builder(allowedFails(0)).addPool(Pool.of("solo", List.of(deployment(only)))).build();
        only.failing(serverError());

        TestObserver<String> result = chat(router, "solo").test();
        time.advance(Duration.ofMillis(500));
        result.assertEmpty();
        time.advanceSeconds(30);

        result.assertValue("only");
        assertThat(only.calls).hasValue(2);
    }

    @Test
    void aPoolOfOneWaitsOutARetryAfterOnceNotTwice() {
        ScriptedBackend only = new ScriptedBackend("only");
        Router router = builder(allowedFails(3)).addPool(Pool.of("solo", List.of(deployment(only)))).build();
        only.failing(rateLimited("3"));

        TestObserver<String> result = chat(router, "solo").test();
        time.advance(Duration.ofMillis(2999));
        result.assertEmpty();
        time.advance(Duration.ofMillis(1));

        result.assertValue("only");
    }

    @Test
    void closingTheRouterEndsACallWaitingForACoolingPool() {
        Router router = router(allowedFails(0));
        router.recordProbe(da, false, new IOException("down"));
        router.recordProbe(db, false, new IOException("down"));
        TestObserver<String> waiting = chat(router, "text-generation").test();

        router.close();

        waiting.assertError(e -> e instanceof IllegalStateException
                && e.getMessage().equals("The client is closed: no call can start after close()"));
        assertThat(a.closed).isTrue();
    }
}
