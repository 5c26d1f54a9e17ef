package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.backend.Backend;
import dev.switchboard.core.http.Headers;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.RateLimitException;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The router's retry loop, on a scripted backend and a TestScheduler: the waits are the policy's,
 * measured in virtual time, so nothing here sleeps.
 */
class RouterRetryTest {
    private final TestScheduler time = new TestScheduler();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Router router = Router.builder()
            .defaultDeployment(Deployment.builder().name("default").backend(new NoBackend()).build())
            .scheduler(time)
            .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
            .random(() -> 0) // no jitter: the waits are exact
            .build();

    /** Nothing but a name: each test scripts its attempts itself. */
    private static final class NoBackend implements Backend {
        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.CHAT);
        }

        @Override
        public void close() {}
    }

    private static InternalServerException serverError() {
        return InternalServerException.builder().statusCode(503).headers(Headers.builder().build()).build();
    }

    private static RateLimitException rateLimited(String retryAfterSeconds) {
        return RateLimitException.builder().headers(Headers.builder().put("retry-after", retryAfterSeconds).build()).build();
    }

    /** A call whose attempts fail with {@code failures} in turn, then answer "ok". */
    private TestObserver<String> call(Throwable... failures) {
        return router.<String>single(Capability.CHAT, "m", (backend, model) -> Single.defer(() -> {
            int n = attempts.getAndIncrement();
            return n < failures.length ? Single.error(failures[n]) : Single.just("ok");
        })).test();
    }

    private void advance(long millis) {
        time.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    }

    @Test
    void aRetryableFailureIsTriedAgainAfterTheBackoff() {
        TestObserver<String> result = call(serverError());

        assertThat(attempts).hasValue(1);
        advance(499);
        assertThat(attempts).hasValue(1);
        advance(1);
        assertThat(attempts).hasValue(2);
        result.assertValue("ok");
    }

    @Test
    void eachRetryWaitsTwiceAsLong() {
        TestObserver<String> result = call(serverError(), serverError());

        advance(500);
        assertThat(attempts).hasValue(2);
        advance(999);
        assertThat(attempts).hasValue(2);
        advance(1);
        assertThat(attempts).hasValue(3);
        result.assertValue("ok");
    }

    @Test
    void retryAfterDecidesTheWait() {
        TestObserver<String> result = call(rateLimited("3"));

        advance(2999);
        assertThat(attempts).hasValue(1);
        result.assertNotComplete();
        advance(1);
        result.assertValue("ok");
    }

    @Test
    void afterTwoRetriesTheLastFailureIsTheCallers() {
        InternalServerException last = serverError();
        TestObserver<String> result = call(serverError(), serverError(), last, serverError());

        advance(60_000);

        assertThat(attempts).hasValue(3);
        result.assertError(last);
    }

    @Test
    void aFinalFailureEndsTheCallAtOnce() {
        BadRequestException bad = BadRequestException.builder().headers(Headers.builder().build()).build();
        TestObserver<String> result = call(bad);

        advance(60_000);

        assertThat(attempts).hasValue(1);
        result.assertError(bad);
    }

    @Test
    void aCallCancelledDuringTheBackoffIsNotTriedAgain() {
        TestObserver<String> result = call(serverError());

        result.dispose();
        advance(60_000);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void anAttemptThatThrowsInsteadOfFailingIsTreatedTheSame() {
        TestObserver<String> result = router.<String>single(Capability.CHAT, "m", (backend, model) -> {
            if (attempts.getAndIncrement() == 0) throw new OpenAIIoException("refused");
            return Single.just("ok");
        }).test();

        advance(500);

        result.assertValue("ok");
    }

    @Test
    void theModelIsSentAsTheCallerNamedIt() {
        List<String> models = new CopyOnWriteArrayList<>();

        router.<String>single(Capability.CHAT, "gpt-4o-mini", (backend, model) -> {
            models.add(model);
            return Single.just("ok");
        }).test().assertValue("ok");

        assertThat(models).containsExactly("gpt-4o-mini");
    }

    /** A stream whose attempts fail with {@code failures} in turn, then give {@code items}. */
    private Flowable<Integer> stream(List<Long> requests, Throwable... failures) {
        return router.<Integer>stream(Capability.CHAT, "m", (backend, model) -> Flowable.defer(() -> {
            int n = attempts.getAndIncrement();
            if (n < failures.length) return Flowable.error(failures[n]);
            return Flowable.range(1, 1000).doOnRequest(requests::add);
        }));
    }

    @Test
    void aStreamThatFailsBeforeItsFirstItemIsTriedAgain() {
        TestSubscriber<Integer> result = stream(new CopyOnWriteArrayList<>(), serverError()).take(3).test();

        advance(500);

        result.assertValues(1, 2, 3);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aStreamThatFailsAfterItsFirstItemIsNotTriedAgain() {
        InternalServerException broke = serverError();
        TestSubscriber<Integer> result = router.<Integer>stream(Capability.CHAT, "m", (backend, model) -> {
            attempts.incrementAndGet();
            return Flowable.just(1, 2).concatWith(Flowable.error(broke));
        }).test();

        advance(60_000);

        result.assertValues(1, 2).assertError(broke);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aRetriedStreamIsPulledOnlyAsFastAsTheCallerReads() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        TestSubscriber<Integer> result = stream(requests, serverError()).test(1);

        advance(500);
        result.assertValues(1);
        result.request(2);

        result.assertValues(1, 2, 3);
        assertThat(requests).as("what the retried attempt was asked for").containsExactly(1L, 2L);
    }
}
