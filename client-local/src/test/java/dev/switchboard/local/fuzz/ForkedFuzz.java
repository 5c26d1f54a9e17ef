package dev.switchboard.local.fuzz;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a fuzz kind's cases in child JVMs ({@link FuzzChild}), a batch per child, and gathers one
 * outcome per case. A child that dies (a signal, an abort, an exit code other than 0, an hs_err file)
 * or hangs is a death of the case it had started; the next child starts after that case, so one
 * crash costs one case.
 */
final class ForkedFuzz {
    /**
     * How one case ended: {@code answer}, {@code exception <class> <message>}, or {@code death}/{@code hang};
     * what the case was, and how long it took in the child.
     */
    record Outcome(int index, String kind, String detail, String description, long millis) {
        @Override
        public String toString() {
            return "case " + index + " [" + description + "]: " + kind + " " + detail + " (" + millis + " ms)";
        }
    }

    /** Every case's outcome, and the JVMs that died or hung, with what they left behind. */
    record Report(FuzzKind kind, long seed, List<Outcome> outcomes, List<String> deaths, long millis) {
        Map<String, Long> tally() {
            Map<String, Long> out = new TreeMap<>();
            for (Outcome o : outcomes) {
                String key = o.kind().equals("exception") ? o.detail().split(" ", 2)[0] : o.kind();
                out.merge(key, 1L, Long::sum);
            }
            return out;
        }

        /** The cases that took longer than {@code millis}. */
        List<Outcome> slowerThan(long millis) {
            return outcomes.stream().filter(o -> o.millis() > millis).toList();
        }

        Outcome slowest() {
            return outcomes.stream().max(java.util.Comparator.comparingLong(Outcome::millis)).orElse(null);
        }

        @Override
        public String toString() {
            return "fuzz " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + outcomes.size() + " cases, seed " + seed
                    + ", " + millis + " ms, " + deaths.size() + " JVM deaths; outcomes " + tally() + "; slowest " + slowest()
                    + (deaths.isEmpty() ? "" : "\n  " + String.join("\n  ", deaths));
        }
    }

    private ForkedFuzz() {}

    static Report run(FuzzKind kind, long seed, int cases, int batch, Path dir, long secondsPerCase) {
        long started = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        List<String> deaths = new ArrayList<>();
        int next = 0;
        while (next < cases) {
            int to = Math.min(cases, next + batch);
            next = child(kind, seed, next, to, dir, secondsPerCase, outcomes, deaths);
        }
        return new Report(kind, seed, outcomes, deaths, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Runs cases {@code from} to {@code to} in one child; returns the first case it did not settle. */
    private static int child(FuzzKind kind, long seed, int from, int to, Path dir, long secondsPerCase,
            List<Outcome> outcomes, List<String> deaths) {
        try {
            Path work = Files.createDirectories(dir.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + from));
            Path stderr = work.resolve("stderr.txt");
            List<String> command = List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ErrorFile=" + work.resolve("hs_err_pid%p.log"),
                    "-cp", System.getProperty("java.class.path"), FuzzChild.class.getName(),
                    kind.name(), Long.toString(seed), Integer.toString(from), Integer.toString(to), work.toString());
            Process process = new ProcessBuilder(command).directory(work.toFile())
                    .redirectError(stderr.toFile()).start();
            int started = -1;
            String startedCase = "";
            long startedAt = System.nanoTime();
            int settled = from;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20 + secondsPerCase * (to - from));
            Thread watchdog = new Thread(() -> {
                try {
                    if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) process.destroyForcibly();
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            }, "fuzz-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] parts = line.split(" ", 4);
                    if (parts[0].equals("start")) {
                        started = Integer.parseInt(parts[1]);
                        startedCase = line.substring(Math.min(line.length(), 7 + parts[1].length()));
                        startedAt = System.nanoTime();
                    } else if (parts[0].equals("end")) {
                        int index = Integer.parseInt(parts[1]);
                        String detail = parts.length > 3 ? parts[3] : "";
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
                        int took = detail.lastIndexOf(" [");
                        if (took >= 0 && detail.endsWith(" ms]")) {
                            millis = Long.parseLong(detail.substring(took + 2, detail.length() - 4));
                            detail = detail.substring(0, took);
                        }
                        outcomes.add(new Outcome(index, parts[2], detail, index == started ? startedCase : "", millis));
                        settled = index + 1;
                    }
                }
            }
            boolean hung = System.nanoTime() >= deadline;
            int exit = process.waitFor();
            List<Path> crashes;
            try (Stream<Path> files = Files.list(work)) {
                crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
            }
            if (settled < to || exit != 0 || !crashes.isEmpty()) {
                int victim = started >= settled ? started : settled;
                String what = hung ? "hang" : "death";
                String seen = "JVM " + what + " at case " + victim + " (seed " + seed + ")"
                        + (victim == started ? ": " + startedCase : "") + "; exit code " + exit
                        + (crashes.isEmpty() ? "" : ", " + crashes.get(0)) + ", stderr tail: " + tail(stderr);
                deaths.add(seen);
                if (victim < to) {
                    outcomes.add(new Outcome(victim, what, "exit code " + exit, victim == started ? startedCase : "",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt)));
                    return victim + 1;
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    }
}
