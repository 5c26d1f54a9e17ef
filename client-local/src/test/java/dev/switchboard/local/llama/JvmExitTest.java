package dev.switchboard.local.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@link ExitMain} in its own JVM: llama.cpp's native thread must not keep it alive, nor print to stdout. */
class JvmExitTest {
    private static Process run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), ExitMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void aProgramThatLoadedAModelEndsWhenItsMainReturnsAndPrintsNothing() throws Exception {
        Process process = run();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) process.destroyForcibly();

        assertThat(ended).as("the JVM ended by itself").isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aProgramWhoseMainThrowsEndsWithStatusOne() throws Exception {
        Process process = run("fail");
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) process.destroyForcibly();

        assertThat(ended).as("the JVM ended by itself").isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
    }
}
