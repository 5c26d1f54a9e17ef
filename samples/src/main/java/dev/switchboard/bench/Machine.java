package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the figures were measured on: CPU model, cores this JVM may use, JVM, operating system. Public for Moshi. */
public record Machine(String cpu, int cores, String jvm, String os) {

    static Machine ofThisJvm() {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The CPU's model name from /proc/cpuinfo on Linux; elsewhere what the JVM knows of the architecture. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst().orElse("unknown (no model name in /proc/cpuinfo)");
            } catch (IOException | RuntimeException e) {
                return "unknown (/proc/cpuinfo unreadable: " + e.getMessage() + ")";
            }
        }
        return "unknown " + System.getProperty("os.arch");
    }

    @Override
    public String toString() {
        return cpu + ", " + cores + " cores available, " + jvm + ", " + os;
    }
}
