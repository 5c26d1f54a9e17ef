package dev.switchboard.local.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SpeakMain} in its own JVM: the engine's threads never keep it alive, and FreeTTS answers where flite cannot. */
class SpeechJvmTest {

    private static String run(String classPath) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-cp", classPath, SpeakMain.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) process.destroyForcibly();
        assertThat(ended).as("the JVM ended by itself").isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void aProgramThatSpokeEndsWhenItsMainReturnsAndPrintsOnlyItsOwnLine() throws Exception {
        String expected = Speakers.synthesizers().get(0); // flite where it loads, else FreeTTS

        String output = run(System.getProperty("java.class.path"));

        assertThat(output).matches("speech\\(" + expected + "\\) \\d+");
        assertThat(Long.parseLong(output.substring(output.indexOf(' ') + 1))).isGreaterThan(48_000);
    }

    @Test
    void withoutTheFliteShimTheAutoSynthesizerIsFreeTts(@TempDir Path dir) throws Exception {
        Path classes = Path.of(FliteLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path copy = dir.resolve("classes");
        copyWithoutNatives(classes, copy);
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().equals(classes.toAbsolutePath()) ? copy.toString() : entry)
                .collect(Collectors.joining(File.pathSeparator));

        String output = run(classPath);

        assertThat(output).startsWith("speech(freetts) ");
    }

    private static void copyWithoutNatives(Path from, Path to) throws IOException {
        Path natives = from.resolve("dev/switchboard/local/speech/native");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.startsWith(natives)) continue;
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
