package dev.switchboard.router;

import dev.switchboard.core.http.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a server asks the client to wait: {@code retry-after-ms}, else {@code retry-after} in
 * seconds or as an HTTP date. Negative or unreadable values are ignored.
 */
final class RetryAfter {
    private RetryAfter() {}

    static Optional<Duration> of(Headers headers, Clock clock) {
        Optional<Duration> millis = headers.values("retry-after-ms").stream().findFirst()
                .flatMap(v -> seconds(v, 0.001));
        if (millis.isPresent()) return millis;
        return headers.values("retry-after").stream().findFirst().flatMap(v -> {
            Optional<Duration> seconds = seconds(v, 1);
            return seconds.isPresent() ? seconds : date(v, clock);
        });
    }

    private static Optional<Duration> seconds(String value, double unitSeconds) {
        try {
            double amount = Double.parseDouble(value.trim());
            if (!(amount >= 0) || Double.isInfinite(amount)) return Optional.empty();
            return Optional.of(Duration.ofNanos((long) (amount * unitSeconds * 1e9)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Clock clock) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
