package dev.switchboard.router;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as config files write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1m30s}, {@code 0}, or ISO-8601 {@code PT30S}. */
final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:" + PART.pattern() + ")+");

    private DurationText() {}

    /** The duration {@code text} writes, or empty when it is not one. */
    static Optional<Duration> parse(String text) {
        String t = text.trim();
        if (t.equals("0")) return Optional.of(Duration.ZERO);
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(t));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (!WHOLE.matcher(t).matches()) return Optional.empty();
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPer(m.group(2)))));
        try {
            return Optional.of(Duration.ofNanos(nanos.longValueExact()));
        } catch (ArithmeticException tooLongOrFractionalNanos) {
            return nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                    ? Optional.empty()
                    : Optional.of(Duration.ofNanos(nanos.longValue()));
        }
    }

    private static long nanosPer(String unit) {
        switch (unit) {
            case "ms": return 1_000_000L;
            case "s": return 1_000_000_000L;
            case "m": return 60_000_000_000L;
            case "h": return 3_600_000_000_000L;
            default: return 86_400_000_000_000L;
        }
    }
}
