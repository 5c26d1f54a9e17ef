package dev.switchboard.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** The problems found in one config file so far, each with its place; thrown together at the end. */
final class ConfigProblems {
    private final String source;
    private final List<Entry> entries = new ArrayList<>();

    ConfigProblems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void add(Node at, String message) {
        add(at == null ? Optional.empty() : at.getStartMark(), message);
    }

    void add(Optional<Mark> at, String message) {
        entries.add(new Entry(at.map(m -> m.getLine() + 1).orElse(0), at.map(m -> m.getColumn() + 1).orElse(0), message));
    }

    int count() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Throws the problems found, sorted by place, as one exception; does nothing when there are none. */
    void throwIfAny() {
        if (entries.isEmpty()) return;
        List<Entry> sorted = new ArrayList<>(entries);
        // A stable sort: problems found at one place keep the order they were found in.
        sorted.sort((a, b) -> a.line != b.line ? Integer.compare(a.line, b.line) : Integer.compare(a.column, b.column));
        List<String> out = new ArrayList<>();
        for (Entry e : sorted) out.add(e.line == 0 ? source + ": " + e.message : source + ":" + e.line + ":" + e.column + ": " + e.message);
        throw new RouterConfigException(source, out);
    }

    private static final class Entry {
        final int line;
        final int column;
        final String message;

        Entry(int line, int column, String message) {
            this.line = line;
            this.column = column;
            this.message = message;
        }
    }
}
