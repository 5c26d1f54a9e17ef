package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final Machine MACHINE = new Machine("Test CPU @ 3.00GHz", 2, "OpenJDK 64-Bit Server VM 17", "Linux 6 amd64");

    private static Report report(Measurement... rows) {
        return new Report(MACHINE, "2026-11-22T07:00:00Z", "JMH, 1 fork", List.of(rows));
    }

    @Test
    void tableShowsTheMachineAndOneAlignedRowPerMeasurement() {
        Report report = report(
                Measurement.compared("b", "chat completion, latency p50", "µs", 400, 800, "no worse (<= 1)", true),
                Measurement.of("d", "call to a pool of one (baseline), p50", "ms", 0.8141));

        assertThat(report.table()).isEqualTo("""
                Machine: Test CPU @ 3.00GHz, 2 cores available, OpenJDK 64-Bit Server VM 17, Linux 6 amd64
                Run: 2026-11-22T07:00:00Z, JMH, 1 fork

                |     | measure                                    | Switchboard | official SDK | ratio | target          | result |
                | --- | ------------------------------------------ | ----------- | ------------ | ----- | --------------- | ------ |
                | (b) | chat completion, latency p50 (µs)          |         400 |          800 |  0.50 | no worse (<= 1) | pass   |
                | (d) | call to a pool of one (baseline), p50 (ms) |       0.814 |              |       |                 |        |
                """);
    }

    @Test
    void aMissedTargetIsShoutedInTheTableAndFailsTheReport() {
        Report report = report(Measurement.checked("a", "route, priority, 8 deployments, p99", "µs", 7.5, "<= 5.00", false));

        assertThat(report.table()).contains(" 7.50 |").contains("| MISSED |");
        assertThat(report.allTargetsMet()).isFalse();
    }

    @Test
    void rowsWithoutTargetsDoNotFailTheReport() {
        Report report = report(
                Measurement.checked("c", "stream, CPU per chunk", "µs", 10, "ratio <= 0.8", true),
                Measurement.compared("e", "allocated per chat completion", "bytes", 30000, 60000));

        assertThat(report.allTargetsMet()).isTrue();
    }

    @Test
    void jsonHoldsWhatTheTableShows() {
        Report report = report(
                Measurement.compared("b", "chat completion, 1 thread, throughput", "calls/s", 2400, 1600, "ratio >= 1.2", true),
                Measurement.of("d", "call to a pool of one (baseline), p50", "ms", 0.8));

        String json = report.json();

        assertThat(json).contains("\"cpu\": \"Test CPU @ 3.00GHz\"", "\"ratio\": 1.5", "\"verdict\": \"PASS\"",
                "\"verdict\": \"NONE\"");
        assertThat(Report.fromJson(json)).isEqualTo(report);
    }

    @Test
    void numbersKeepThreeSignificantDigitsWithoutExponents() {
        assertThat(List.of(Report.number(0.0004123), Report.number(3.0549), Report.number(42.16), Report.number(1234.5)))
                .containsExactly("0.000", "3.05", "42.2", "1235");
    }
}
