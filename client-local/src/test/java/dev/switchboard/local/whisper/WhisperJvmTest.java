package dev.switchboard.local.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@link WhisperExitMain} in JVMs of their own: what whisper.cpp would do to this one is tried there. */
class WhisperJvmTest {
    /** The child's exit status and what it printed on stdout. */
    private static Object[] run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/switchboard-whisper-hs_err_%p.log",
                "-cp", System.getProperty("java.class.path"), WhisperExitMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) process.destroyForcibly();
        assertThat(ended).as("the JVM ended by itself").isTrue();
        return new Object[] {process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)};
    }

    @Test
    void aProgramThatTranscribedEndsWhenItsMainReturnsAndPrintsNothing() throws Exception {
        Object[] result = run();

        assertThat(result[0]).isEqualTo(0);
        assertThat(result[1]).isEqualTo("");
    }

    @Test
    void whisperCppAbortsTheJvmOnAnF32ModelThatTheEngineRefuses() throws Exception {
        Object[] raw = run("raw-f32");
        Object[] checked = run("checked-f32");

        assertThat(raw[0]).as("whisper.cpp 1.7.1 on the unchecked file").isEqualTo(134); // SIGABRT
        assertThat(checked[0]).isEqualTo(0);
        assertThat(checked[1]).isEqualTo("refused\n");
    }
}
