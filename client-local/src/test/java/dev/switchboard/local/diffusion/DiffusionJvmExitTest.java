package dev.switchboard.local.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link DiffusionExitMain} in its own JVM. ONNX Runtime's worker threads are native threads it
 * never attaches to the JVM (unlike llama.cpp's), so no exit guard is needed: measured, the JVM ends
 * when main returns. It must print nothing to stdout either (ONNX Runtime's native library is
 * extracted and loaded quietly).
 */
class DiffusionJvmExitTest {
    @Test
    void aProgramThatPaintedAnImageEndsWhenItsMainReturnsAndPrintsNothing() throws Exception {
        Process process = new ProcessBuilder(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-cp", System.getProperty("java.class.path"), DiffusionExitMain.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) process.destroyForcibly();

        assertThat(ended).as("the JVM ended by itself").isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }
}
