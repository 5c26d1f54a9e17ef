package dev.switchboard.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.errors.OpenAIException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated inputs through the local engines' native edges (GGUF files and JSON schemas through the
 * llama engine, model files through the whisper engine), each case in a child JVM that reports
 * back: the JVM never dies, every case ends in an answer or in one of the official exceptions
 * with a message, and none takes half a minute.
 *
 * <p>The suite runs a few cases per kind. The full run, 1,000 per kind:
 * {@code mvn -o -pl client-local test -Dtest=NativeEdgesFuzzTest -Dswitchboard.fuzz.cases=1000}
 * ({@code -Dswitchboard.fuzz.seed=N} for another seed; the seed is printed with the results).
 */
class NativeEdgesFuzzTest {
    private static final int CASES = Integer.getInteger("switchboard.fuzz.cases", 0);
    private static final long SEED = Long.getLong("switchboard.fuzz.seed", 20261122L);

    @TempDir
    Path dir;

    @Test
    void mutatedGgufFilesNeverKillTheJvm() throws IOException {
        check(ForkedFuzz.run(FuzzKind.GGUF, SEED, CASES > 0 ? CASES : 100, 50, dir, 10));
    }

    @Test
    void mutatedJsonSchemasNeverKillTheJvm() throws IOException {
        check(ForkedFuzz.run(FuzzKind.SCHEMA, SEED, CASES > 0 ? CASES : 100, 200, dir, 10));
    }

    @Test
    void mutatedWhisperModelFilesNeverKillTheJvm() throws IOException {
        // Small batches: whisper.cpp keeps each loaded model's ggml contexts, and a process has 64 of them.
        check(ForkedFuzz.run(FuzzKind.WHISPER, SEED, CASES > 0 ? CASES : 100, 20, dir, 10));
    }

    private static void check(ForkedFuzz.Report report) throws IOException {
        System.out.println(report);
        // Every case's outcome, to read after a run.
        Path outcomes = Files.createDirectories(Path.of("target", "fuzz"))
                .resolve(report.kind().name().toLowerCase(Locale.ROOT) + "-" + report.seed() + ".txt");
        Files.write(outcomes, report.outcomes().stream().map(Object::toString).toList());
        assertThat(report.deaths()).as("JVM deaths and hangs").isEmpty();
        // Every case takes well under a second or two; one that takes half a minute holds a caller up as a hang would.
        assertThat(report.slowerThan(30_000)).as("cases slower than 30 s").isEmpty();
        assertThat(report.outcomes()).allSatisfy(o -> {
            assertThat(o.kind()).as(o.toString()).isIn("answer", "exception");
            if (o.kind().equals("exception")) {
                String[] classAndMessage = o.detail().split(" ", 2);
                assertThat(OpenAIException.class.isAssignableFrom(Class.forName(classAndMessage[0])))
                        .as("%s is one of the official exceptions", o).isTrue();
                assertThat(classAndMessage.length > 1 ? classAndMessage[1] : "").as(o.toString()).isNotBlank().isNotEqualTo("null");
            }
        });
    }
}
