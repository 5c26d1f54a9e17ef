package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.http.Headers;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.RateLimitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** How long the router waits before trying again: backoff with jitter, or what the server asks. */
class RetryPolicyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC);
    private static final RetryPolicy POLICY = RetryPolicy.ofDefaults();

    private static Duration delay(int retry, Throwable failure, double random) {
        return POLICY.delay(retry, failure, CLOCK, () -> random);
    }

    private static RateLimitException rateLimited(String header, String value) {
        return RateLimitException.builder().headers(Headers.builder().put(header, value).build()).build();
    }

    private static final OpenAIIoException RESET = new OpenAIIoException("connection reset");

    @Test
    void theDefaultsAreTheOfficialSdks() {
        assertThat(POLICY.maxRetries()).isEqualTo(2);
    }

    @Test
    void backoffDoublesFromHalfASecondUpToEightSeconds() {
        assertThat(delay(1, RESET, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(delay(2, RESET, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay(3, RESET, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delay(4, RESET, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(delay(5, RESET, 0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(delay(9, RESET, 0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void jitterCutsUpToAQuarterOfTheBackoff() {
        assertThat(delay(1, RESET, 0.5)).isEqualTo(Duration.ofNanos(437_500_000));
        assertThat(delay(3, RESET, 0.999)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(1501));
    }

    @Test
    void retryAfterMsIsHonoured() {
        assertThat(delay(1, rateLimited("retry-after-ms", "1500"), 0.9)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        assertThat(delay(1, rateLimited("Retry-After", "2"), 0.9)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delay(1, rateLimited("Retry-After", "0.25"), 0.9)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(CLOCK).plusSeconds(3));

        assertThat(delay(1, rateLimited("Retry-After", inThreeSeconds), 0.9)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterAsADateInThePastMeansNow() {
        assertThat(delay(1, rateLimited("Retry-After", "Wed, 01 Jan 2025 11:00:00 GMT"), 0.9)).isZero();
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        RateLimitException both = RateLimitException.builder()
                .headers(Headers.builder().put("retry-after", "5").put("retry-after-ms", "100").build()).build();

        assertThat(delay(1, both, 0.9)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aServerAskingForMoreThanTheCapWaitsTheCap() {
        assertThat(delay(1, rateLimited("retry-after", "3600"), 0)).isEqualTo(Duration.ofSeconds(8));
        RetryPolicy patient = RetryPolicy.builder().maxRetryAfter(Duration.ofMinutes(2)).build();
        assertThat(patient.delay(1, rateLimited("retry-after", "60"), CLOCK, () -> 0)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anUnreadableRetryAfterFallsBackToBackoff() {
        assertThat(delay(2, rateLimited("retry-after", "soon"), 0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void backoffAndCapAreConfigurable() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(300))
                .jitter(0).maxRetries(5).build();

        assertThat(policy.delay(1, RESET, CLOCK, () -> 0.99)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delay(2, RESET, CLOCK, () -> 0.99)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delay(3, RESET, CLOCK, () -> 0.99)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.maxRetries()).isEqualTo(5);
        assertThat(policy.toBuilder().build().toString()).isEqualTo(policy.toString());
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxRetries must be >= 0, was -1");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("jitter must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("initialBackoff must be >= 0, was PT-1S");
    }
}
