package dev.switchboard.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.util.List;
import java.util.Locale;

/** The benchmarks' results: the machine, how they were run, and one {@link Measurement} a row; as a table and as JSON. */
public record Report(Machine machine, String startedAt, String settings, List<Measurement> measurements) {
    private static final JsonAdapter<Report> JSON = new Moshi.Builder().build().adapter(Report.class).indent("  ");

    public Report {
        measurements = List.copyOf(measurements);
    }

    /** Whether every row that has a target met it. */
    boolean allTargetsMet() {
        return measurements.stream().noneMatch(m -> m.verdict() == Measurement.Verdict.MISS);
    }

    String json() {
        return JSON.toJson(this);
    }

    static Report fromJson(String json) {
        try {
            return JSON.fromJson(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a benchmark report: " + e.getMessage(), e);
        }
    }

    /** A plain-text table, one row per measurement, under the machine and settings (Markdown-compatible). */
    String table() {
        String[] header = {"", "measure", "Switchboard", "official SDK", "ratio", "target", "result"};
        String[][] rows = new String[measurements.size()][];
        for (int i = 0; i < rows.length; i++) {
            Measurement m = measurements.get(i);
            rows[i] = new String[] {
                    "(" + m.part() + ")",
                    m.measure() + " (" + m.unit() + ")",
                    number(m.switchboard()),
                    number(m.official()),
                    m.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", m.ratio()),
                    m.target() == null ? "" : m.target(),
                    switch (m.verdict()) {
                        case PASS -> "pass";
                        case MISS -> "MISSED";
                        case NONE -> "";
                    }};
        }
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) widths[c] = Math.max(widths[c], row[c].length());
        }
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append('\n');
        out.append("Run: ").append(startedAt).append(", ").append(settings).append("\n\n");
        line(out, header, widths);
        String[] rule = new String[header.length];
        for (int c = 0; c < rule.length; c++) rule[c] = "-".repeat(widths[c]);
        line(out, rule, widths);
        for (String[] row : rows) line(out, row, widths);
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < cells.length; c++) {
            boolean numeric = c >= 2 && c <= 4;
            String cell = cells[c];
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(numeric ? pad + cell : cell + pad).append(" |");
        }
        out.append('\n');
    }

    /** Three significant digits at least, no exponent: 0.412, 3.05, 1234. */
    static String number(Double value) {
        if (value == null) return "";
        double v = value;
        double magnitude = Math.abs(v);
        if (magnitude >= 100 || magnitude == 0) return String.format(Locale.ROOT, "%.0f", v);
        if (magnitude >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (magnitude >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
