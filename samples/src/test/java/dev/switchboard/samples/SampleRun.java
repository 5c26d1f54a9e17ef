package dev.switchboard.samples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okio.ByteString;

/**
 * One run of a compiled sample's {@code main} in a JVM of its own, so that nothing (system
 * properties, threads, the working directory, System.out) leaks from one run into another. The JVM
 * must exit by itself: a thread left running after {@code main} means a client was not closed.
 */
record SampleRun(int exitCode, String stdout, String stderr, Map<String, ByteString> filesWritten) {
    static final String API_KEY = "sk-samples-test";
    private static final Duration TIME_LIMIT = Duration.ofSeconds(30);

    static SampleRun fork(String mainClass, Path classes, String classPath, String baseUrl, Path runDir) {
        try {
            Path work = Files.createDirectories(runDir.resolve("work"));
            Path tmp = Files.createDirectories(runDir.resolve("tmp"));
            Path stdout = runDir.resolve("stdout.txt");
            Path stderr = runDir.resolve("stderr.txt");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // A short run: the quick compiler and a small heap start fastest.
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                    "-Dfile.encoding=UTF-8",
                    "-Djava.io.tmpdir=" + tmp,
                    "-Dopenai.baseUrl=" + baseUrl,
                    "-Dopenai.apiKey=" + API_KEY,
                    "-cp", classes + File.pathSeparator + classPath,
                    mainClass));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            // Only the system properties above configure the clients.
            builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("AZURE_OPENAI"));
            Process process = builder.start();
            if (!process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(mainClass + " did not exit within " + TIME_LIMIT.toSeconds()
                        + " s: main never returned, or a thread outlived it (is every client closed?)\nstdout:\n"
                        + text(stdout) + "\nstderr:\n" + text(stderr));
            }
            return new SampleRun(process.exitValue(), text(stdout), text(stderr), filesUnder(work));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static Map<String, ByteString> filesUnder(Path dir) throws IOException {
        Map<String, ByteString> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString(), ByteString.of(Files.readAllBytes(p)));
            }
        }
        return files;
    }
}
