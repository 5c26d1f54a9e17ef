package dev.switchboard.bench;

/**
 * One row of the report: a figure for Switchboard and, where the benchmark compares, for the official
 * SDK; their ratio (Switchboard's over the official's); the target the issue set and whether it was
 * met. {@code official}, {@code ratio} and {@code target} are null where they do not apply.
 */
public record Measurement(String part, String measure, String unit, Double switchboard, Double official, Double ratio,
                   String target, Verdict verdict) {

    public enum Verdict {
        PASS,
        MISS,
        /** No target for this row: the figure is reported as measured. */
        NONE
    }

    /** A figure without a target and without a comparison. */
    static Measurement of(String part, String measure, String unit, double switchboard) {
        return new Measurement(part, measure, unit, switchboard, null, null, null, Verdict.NONE);
    }

    /** A figure checked against a target. */
    static Measurement checked(String part, String measure, String unit, double switchboard, String target, boolean met) {
        return new Measurement(part, measure, unit, switchboard, null, null, target, met ? Verdict.PASS : Verdict.MISS);
    }

    /** Both clients' figures and their ratio, without a target. */
    static Measurement compared(String part, String measure, String unit, double switchboard, double official) {
        return new Measurement(part, measure, unit, switchboard, official, switchboard / official, null, Verdict.NONE);
    }

    /** Both clients' figures and their ratio, checked against a target. */
    static Measurement compared(String part, String measure, String unit, double switchboard, double official,
                                String target, boolean met) {
        return new Measurement(part, measure, unit, switchboard, official, switchboard / official, target,
                met ? Verdict.PASS : Verdict.MISS);
    }
}
