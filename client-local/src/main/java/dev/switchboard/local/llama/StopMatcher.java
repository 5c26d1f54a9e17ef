package dev.switchboard.local.llama;

import java.util.List;

/**
 * Finds stop sequences in streamed text. Text that could be the start of a stop sequence is held
 * back until the next piece shows whether it is one, so a stop sequence never reaches the caller,
 * not even in part, and text that only looked like one is released in order.
 */
final class StopMatcher {
    private final List<String> stops;
    private final StringBuilder held = new StringBuilder();
    private boolean stopped;

    StopMatcher(List<String> stops) {
        this.stops = stops;
    }

    /** Takes the next piece; returns the text now safe to pass on (possibly empty). */
    String accept(String piece) {
        if (stopped) return "";
        held.append(piece);
        int at = earliestStop();
        if (at >= 0) {
            stopped = true;
            String out = held.substring(0, at);
            held.setLength(0);
            return out;
        }
        int keep = longestPartialStop();
        String out = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        return out;
    }

    /** Whether a stop sequence was found: generation should end. */
    boolean stopped() {
        return stopped;
    }

    /** At the end of generation: whatever was held back, as it was not a stop sequence after all. */
    String flush() {
        String out = held.toString();
        held.setLength(0);
        return out;
    }

    private int earliestStop() {
        int best = -1;
        for (String stop : stops) {
            int at = held.indexOf(stop);
            if (at >= 0 && (best < 0 || at < best)) best = at;
        }
        return best;
    }

    /** The length of the longest end of the held text that begins some stop sequence. */
    private int longestPartialStop() {
        String text = held.toString();
        int best = 0;
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, text.length()); k > best; k--) {
                if (text.regionMatches(text.length() - k, stop, 0, k)) {
                    best = k;
                    break;
                }
            }
        }
        return best;
    }
}
