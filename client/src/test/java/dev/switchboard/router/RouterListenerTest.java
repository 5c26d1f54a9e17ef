package dev.switchboard.router;

import static dev.switchboard.router.Fixtures.badRequest;
import static dev.switchboard.router.Fixtures.chat;
import static dev.switchboard.router.Fixtures.deployment;
import static dev.switchboard.router.Fixtures.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The events a {@link RouterListener} hears, in order, and what happens when a listener throws. */
class RouterListenerTest {
    private final VirtualTime time = new VirtualTime();
    private final ScriptedBackend a = new ScriptedBackend("a");
    private final ScriptedBackend b = new ScriptedBackend("b");
    private final Recorder recorder = new Recorder();

    /** Each event as a line. */
    static final class Recorder implements RouterListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void callStart(RouterCall call) {
            events.add("callStart " + call.request().model() + " -> " + call.pool().name());
        }

        @Override
        public void deploymentSkipped(RouterCall call, Deployment deployment, String reason) {
            events.add("skipped " + deployment.name() + ": " + reason);
        }

        @Override
        public void attemptStart(RouterCall call, Deployment deployment, int attempt) {
            events.add("attemptStart " + deployment.name() + " #" + attempt);
        }

        @Override
        public void firstChunk(RouterCall call, Deployment deployment, Duration timeToFirstToken) {
            events.add("firstChunk " + deployment.name());
        }

        @Override
        public void tokens(RouterCall call, Deployment deployment, long input, long output) {
            events.add("tokens " + deployment.name() + " " + input + "/" + output);
        }

        @Override
        public void attemptEnd(RouterCall call, Deployment deployment, Duration latency) {
            events.add("attemptEnd " + deployment.name());
        }

        @Override
        public void attemptFailed(RouterCall call, Deployment deployment, Throwable failure, boolean willRetry) {
            events.add("attemptFailed " + deployment.name() + " " + failure.getClass().getSimpleName()
                    + (willRetry ? ", will retry" : ", final"));
        }

        @Override
        public void attemptCancelled(RouterCall call, Deployment deployment) {
            events.add("attemptCancelled " + deployment.name());
        }

        @Override
        public void callEnd(RouterCall call, Duration duration) {
            events.add("callEnd");
        }

        @Override
        public void callFailed(RouterCall call, Throwable failure) {
            events.add("callFailed " + failure.getClass().getSimpleName());
        }

        @Override
        public void callCancelled(RouterCall call) {
            events.add("callCancelled");
        }

        @Override
        public void cooldownEntered(Deployment deployment, Instant until, Throwable cause) {
            events.add("cooldownEntered " + deployment.name());
        }
    }

    private Router router(RouterListener... listeners) {
        Router.Builder builder = Router.builder().scheduler(time.scheduler).clock(time).random(() -> 0)
                .addPool(Pool.of("text-generation", List.of(deployment(a), deployment(b))));
        for (RouterListener l : listeners) builder.listener(l);
        return builder.build();
    }

    @Test
    void aCallThatFailsOverReportsEachAttemptInOrder() {
        Router router = router(recorder);
        a.failing(serverError());

        chat(router, "text-generation").test().assertValue("b");

        assertThat(recorder.events).containsExactly(
                "callStart text-generation -> text-generation",
                "attemptStart a #1",
                "attemptFailed a InternalServerException, will retry",
                "attemptStart b #2",
                "attemptEnd b",
                "callEnd");
    }

    @Test
    void aFinalFailureIsReportedAsNotRetried() {
        Router router = router(recorder);
        a.failing(badRequest());

        chat(router, "text-generation").test().assertError(BadRequestException.class);

        assertThat(recorder.events).containsExactly(
                "callStart text-generation -> text-generation",
                "attemptStart a #1",
                "attemptFailed a BadRequestException, final",
                "callFailed BadRequestException");
    }

    @Test
    void aSkippedDeploymentIsReportedWithTheReason() {
        Router router = router(recorder);
        router.recordProbe(router.pools().get("text-generation").deployments().get(0), false, new IOException("down"));
        recorder.events.clear();

        chat(router, "text-generation").test().assertValue("b");

        assertThat(recorder.events).containsExactly(
                "callStart text-generation -> text-generation",
                "skipped a: cooling down until 2025-01-01T00:00:30Z",
                "attemptStart b #1",
                "attemptEnd b",
                "callEnd");
    }

    @Test
    void aCancelledCallReportsItsAttemptAndItselfCancelled() {
        Router router = router(recorder);
        a.then(Single::never);

        TestObserver<String> call = chat(router, "text-generation").test();
        call.dispose();

        assertThat(recorder.events).containsExactly(
                "callStart text-generation -> text-generation",
                "attemptStart a #1",
                "attemptCancelled a",
                "callCancelled");
    }

    @Test
    void aStreamReportsItsFirstChunkAndItsTokens() {
        try (PoolHarness pool = new PoolHarness()) {
            pool.routerBuilder().listener(recorder);
            MockServer server = pool.server("a");
            server.enqueueStream(ServerPayloads.chunk("Hi"), ServerPayloads.chunk("!"), ServerPayloads.lastChunk("stop"),
                    ServerPayloads.usageChunk(7, 2));

            pool.core().chatCompletionStream(PoolHarness.params("Hi"), RequestOptions.none()).blockingSubscribe();

            assertThat(recorder.events).containsExactly(
                    "callStart text-generation -> text-generation",
                    "attemptStart a #1",
                    "firstChunk a",
                    "tokens a 7/2",
                    "attemptEnd a",
                    "callEnd");
        }
    }

    @Test
    void aListenerThatThrowsIsIgnoredAndTheOthersStillHear() {
        RouterListener broken = new RouterListener() {
            @Override
            public void callStart(RouterCall call) {
                throw new IllegalStateException("broken listener");
            }

            @Override
            public void attemptStart(RouterCall call, Deployment deployment, int attempt) {
                throw new IllegalStateException("broken listener");
            }

            @Override
            public void attemptEnd(RouterCall call, Deployment deployment, Duration latency) {
                throw new IllegalStateException("broken listener");
            }
        };
        Router router = router(broken, recorder);

        chat(router, "text-generation").test().assertValue("a");

        assertThat(recorder.events).containsExactly(
                "callStart text-generation -> text-generation", "attemptStart a #1", "attemptEnd a", "callEnd");
        assertThat(router.stats().deployment("a").orElseThrow().successes()).isEqualTo(1);
    }
}
