package dev.switchboard.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks (a) to (e) with JMH, each in its own forked JVM, prints one table with the
 * issue's targets, and writes the same as JSON to {@code samples/target/benchmarks.json}:
 *
 * <pre>
 * mvn -q -pl samples -am -DskipTests package exec:java -Dexec.mainClass=dev.switchboard.bench.BenchmarkReport
 * </pre>
 *
 * Arguments (in {@code -Dexec.args}): the parts to run, e.g. {@code "b c"} (all by default); {@code -v}
 * shows JMH's own output; {@code --quick} runs one short iteration of each (a smoke test, no figures). The whole run takes about five minutes.
 */
public final class BenchmarkReport {
    static final double ROUTING_P99_TARGET_MICROS = 5;
    static final int ROUTING_TARGET_POOL = 8;
    static final double THROUGHPUT_RATIO_TARGET = 1.2;
    static final double STREAM_CPU_RATIO_TARGET = 0.8;
    static final double FAILOVER_TARGET_MILLIS = 5;
    /** "then ~0": what a cooled deployment may still add at the median, in milliseconds. */
    static final double COOLED_TARGET_MILLIS = 0.1;

    private static final String ALLOCATION = "gc.alloc.rate.norm";

    /** One warm-up and one measured iteration each: proves the benchmarks run, gives no figures to quote. */
    private static boolean quick;

    private BenchmarkReport() {}

    public static void main(String[] args) throws RunnerException, IOException {
        Set<String> parts = new LinkedHashSet<>();
        boolean verbose = false;
        for (String arg : args) {
            if (arg.equals("-v")) verbose = true;
            else if (arg.equals("--quick")) quick = true;
            else if (arg.matches("[a-e]")) parts.add(arg);
            else throw new IllegalArgumentException("unknown argument '" + arg + "': give parts a to e (e.g. \"b c\"), -v for JMH's output, --quick for one short iteration each (a smoke test, not figures)");
        }
        if (parts.isEmpty()) parts.addAll(List.of("a", "b", "c", "d", "e"));
        forkWithThisClassPath();

        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        VerboseMode mode = verbose ? VerboseMode.NORMAL : VerboseMode.SILENT;
        List<Measurement> rows = new ArrayList<>();
        if (parts.contains("a")) {
            progress("(a) routing: 6 strategies x 3 pool sizes, ~8 s each, and the machine's noise");
            rows.addAll(routing(run(RoutingBenchmark.class, mode, 4, 1, 3, 1, false)));
            rows.addAll(noise(run(NoiseBenchmark.class, mode, 1, 1, 2, 1, false)));
        }
        if (parts.contains("b")) {
            progress("(b) loopback chat completion: both clients and bare OkHttp, ~12 s each");
            rows.addAll(chat(run(ChatBenchmark.class, mode, 5, 1, 5, 1, false)));
        }
        Collection<RunResult> chat = null;
        if (parts.contains("e")) {
            // Apart from (b): the gc profiler's bytes per operation are only dependable in a mode that
            // counts every operation, which sampling does not.
            progress("(e) allocation per chat completion: both clients and bare OkHttp, ~8 s each");
            chat = run(ChatBenchmark.class, Mode.AverageTime, mode, 4, 1, 3, 1, true);
        }
        Collection<RunResult> stream = null;
        if (parts.contains("c") || parts.contains("e")) {
            progress("(c, e) streaming " + CannedAnswers.STREAM_CHUNKS + " chunks: both clients, ~12 s each");
            stream = run(StreamBenchmark.class, mode, 5, 1, 5, 1, true);
            if (parts.contains("c")) rows.addAll(stream(stream));
        }
        if (parts.contains("d")) {
            progress("(d) failover: direct, failing over, cooled, ~12 s each");
            rows.addAll(failover(run(FailoverBenchmark.class, mode, 4, 1, 5, 1, false)));
        }
        if (parts.contains("e")) rows.addAll(allocation(chat, stream));

        Report report = new Report(Machine.ofThisJvm(), started.toString(), (quick ? "QUICK SMOKE RUN, not figures to quote; " : "")
                + "JMH, 1 fork per benchmark, 1 thread, -Xms1g -Xmx1g", rows);
        Path json = targetDirectory().resolve("benchmarks.json");
        Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(report.table());
        System.out.println();
        System.out.println("Written to " + json);
    }

    private static Collection<RunResult> run(Class<?> benchmark, VerboseMode mode, int warmups, int warmupSeconds,
                                             int measurements, int measurementSeconds, boolean allocation) throws RunnerException {
        return run(benchmark, null, mode, warmups, warmupSeconds, measurements, measurementSeconds, allocation);
    }

    /** Runs {@code benchmark}'s methods in one forked JVM each; {@code benchmarkMode} null keeps the class's own mode. */
    private static Collection<RunResult> run(Class<?> benchmark, Mode benchmarkMode, VerboseMode mode, int warmups,
                                             int warmupSeconds, int measurements, int measurementSeconds,
                                             boolean allocation) throws RunnerException {
        if (quick) {
            warmups = 1;
            measurements = 1;
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(1)
                .threads(1)
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(measurements).measurementTime(TimeValue.seconds(measurementSeconds))
                .jvmArgs("-Xms1g", "-Xmx1g")
                .shouldFailOnError(true)
                .verbosity(mode);
        if (allocation) options.addProfiler(GCProfiler.class);
        if (benchmarkMode != null) options.mode(benchmarkMode);
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH ran nothing for " + benchmark.getName()
                    + ": was the samples module compiled with JMH's annotation processor (mvn package)?");
        }
        return results;
    }

    static List<Measurement> routing(Collection<RunResult> results) {
        List<Measurement> rows = new ArrayList<>();
        for (RunResult r : results) {
            int size = Integer.parseInt(r.getParams().getParam("deployments"));
            String strategy = r.getParams().getParam("strategy");
            double p50 = percentile(r, 50);
            double p99 = percentile(r, 99);
            String what = "route, " + strategy + ", " + size + " deployments";
            rows.add(Measurement.of("a", what + ", p50", "µs", p50));
            if (size == ROUTING_TARGET_POOL) {
                rows.add(Measurement.checked("a", what + ", p99", "µs", p99, "<= " + number(ROUTING_P99_TARGET_MICROS),
                        p99 <= ROUTING_P99_TARGET_MICROS));
            } else {
                rows.add(Measurement.of("a", what + ", p99", "µs", p99));
            }
        }
        return rows;
    }

    static List<Measurement> noise(Collection<RunResult> results) {
        RunResult busy = method(results, "busyLoop");
        RunResult allocating = method(results, "allocatingLoop");
        return List.of(
                Measurement.of("a", "machine noise: a fixed busy loop (no allocation, no lock), p50", "µs", percentile(busy, 50)),
                Measurement.of("a", "machine noise: the same loop, p99", "µs", percentile(busy, 99)),
                Measurement.of("a", "machine noise: the loop allocating ~2 KB as routing does, p50", "µs", percentile(allocating, 50)),
                Measurement.of("a", "machine noise: the allocating loop, p99", "µs", percentile(allocating, 99)));
    }

    static List<Measurement> chat(Collection<RunResult> results) {
        RunResult sb = method(results, "switchboard");
        RunResult official = method(results, "official");
        double sbRate = 1e6 / sb.getPrimaryResult().getScore();
        double officialRate = 1e6 / official.getPrimaryResult().getScore();
        double sbP50 = percentile(sb, 50);
        double officialP50 = percentile(official, 50);
        return List.of(
                Measurement.compared("b", "chat completion, 1 thread, throughput", "calls/s", sbRate, officialRate,
                        "ratio >= " + THROUGHPUT_RATIO_TARGET, sbRate / officialRate >= THROUGHPUT_RATIO_TARGET),
                Measurement.compared("b", "chat completion, latency p50", "µs", sbP50, officialP50,
                        "no worse (<= 1)", sbP50 <= officialP50),
                Measurement.compared("b", "chat completion, latency p99", "µs", percentile(sb, 99), percentile(official, 99)),
                Measurement.of("b", "floor: the same bytes posted with bare OkHttp, p50", "µs", percentile(method(results, "okhttp"), 50)));
    }

    static List<Measurement> stream(Collection<RunResult> results) {
        RunResult sb = method(results, "switchboard");
        RunResult official = method(results, "official");
        double sbCpu = cpuMicrosPerChunk(sb);
        double officialCpu = cpuMicrosPerChunk(official);
        return List.of(
                Measurement.compared("c", "stream of " + CannedAnswers.STREAM_CHUNKS + " chunks, CPU per chunk", "µs",
                        sbCpu, officialCpu, "ratio <= " + STREAM_CPU_RATIO_TARGET, sbCpu / officialCpu <= STREAM_CPU_RATIO_TARGET),
                Measurement.compared("c", "stream of " + CannedAnswers.STREAM_CHUNKS + " chunks, wall time per chunk", "µs",
                        sb.getPrimaryResult().getScore() / CannedAnswers.STREAM_CHUNKS,
                        official.getPrimaryResult().getScore() / CannedAnswers.STREAM_CHUNKS));
    }

    static List<Measurement> failover(Collection<RunResult> results) {
        RunResult direct = param(results, "scenario", "direct");
        RunResult failover = param(results, "scenario", "failover");
        RunResult cooled = param(results, "scenario", "cooled");
        double addedP50 = (percentile(failover, 50) - percentile(direct, 50)) / 1000;
        double addedP99 = (percentile(failover, 99) - percentile(direct, 99)) / 1000;
        double cooledP50 = (percentile(cooled, 50) - percentile(direct, 50)) / 1000;
        // Tails of separate runs differ by more than a skipped deployment costs: p99s are shown as measured.
        return List.of(
                Measurement.of("d", "call to a pool of one (baseline), p50", "ms", percentile(direct, 50) / 1000),
                Measurement.of("d", "call to a pool of one (baseline), p99", "ms", percentile(direct, 99) / 1000),
                Measurement.checked("d", "first deployment refuses: added p50", "ms", addedP50,
                        "<= " + number(FAILOVER_TARGET_MILLIS), addedP50 <= FAILOVER_TARGET_MILLIS),
                Measurement.checked("d", "first deployment refuses: added p99", "ms", addedP99,
                        "<= " + number(FAILOVER_TARGET_MILLIS), addedP99 <= FAILOVER_TARGET_MILLIS),
                Measurement.checked("d", "first deployment cooled down: added p50", "ms", cooledP50,
                        "~0 (<= " + number(COOLED_TARGET_MILLIS) + ")", cooledP50 <= COOLED_TARGET_MILLIS),
                Measurement.of("d", "first deployment cooled down: p99", "ms", percentile(cooled, 99) / 1000));
    }

    static List<Measurement> allocation(Collection<RunResult> chat, Collection<RunResult> stream) {
        List<Measurement> rows = new ArrayList<>();
        rows.add(Measurement.compared("e", "allocated per chat completion", "bytes",
                allocated(method(chat, "switchboard")), allocated(method(chat, "official"))));
        rows.add(Measurement.of("e", "floor: allocated per bare OkHttp post", "bytes", allocated(method(chat, "okhttp"))));
        rows.add(Measurement.compared("e", "allocated per streamed chunk", "bytes",
                allocated(method(stream, "switchboard")) / CannedAnswers.STREAM_CHUNKS,
                allocated(method(stream, "official")) / CannedAnswers.STREAM_CHUNKS));
        return rows;
    }

    private static double percentile(RunResult result, double p) {
        return result.getPrimaryResult().getStatistics().getPercentile(p);
    }

    private static double cpuMicrosPerChunk(RunResult result) {
        double nanos = secondary(result, "cpuNanos").getScore();
        double chunks = secondary(result, "chunks").getScore();
        return nanos / 1000 / chunks;
    }

    private static double allocated(RunResult result) {
        return secondary(result, ALLOCATION).getScore();
    }

    private static Result<?> secondary(RunResult result, String name) {
        // Profilers' results are named with a leading middle dot (·gc.alloc.rate.norm), counters' without.
        Result<?> r = result.getSecondaryResults().get(name);
        if (r == null) r = result.getSecondaryResults().get("\u00b7" + name);
        if (r == null) {
            throw new IllegalStateException(result.getParams().getBenchmark() + " has no result '" + name
                    + "'; it has " + result.getSecondaryResults().keySet());
        }
        return r;
    }

    private static RunResult method(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for the benchmark method " + method));
    }

    private static RunResult param(Collection<RunResult> results, String name, String value) {
        return results.stream().filter(r -> value.equals(r.getParams().getParam(name))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + name + "=" + value));
    }

    private static String number(double value) {
        return Report.number(value);
    }

    private static void progress(String message) {
        System.out.println(String.format(Locale.ROOT, "%tT %s", System.currentTimeMillis(), message));
    }

    /**
     * JMH starts each fork with {@code java.class.path}. Under {@code mvn exec:java} that is Maven's
     * launcher, not the project; the project's class path is the loader this class came from.
     */
    private static void forkWithThisClassPath() {
        ClassLoader loader = BenchmarkReport.class.getClassLoader();
        if (!(loader instanceof URLClassLoader urls)) return;
        StringJoiner path = new StringJoiner(File.pathSeparator);
        for (URL url : urls.getURLs()) {
            try {
                path.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot use class path entry " + url + " for JMH's forks", e);
            }
        }
        System.setProperty("java.class.path", path.toString());
    }

    /** {@code samples/target}, where Maven put this class, whatever the working directory. */
    private static Path targetDirectory() {
        try {
            Path classes = Path.of(BenchmarkReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = Files.isDirectory(classes) ? classes.getParent() : Path.of("target");
            Files.createDirectories(target);
            return target;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
