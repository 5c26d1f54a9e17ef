package dev.switchboard.cli;

import dev.switchboard.gateway.Gateway;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** One in-process run of the switchboard command: its exit code and what it printed. */
final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun of(Map<String, String> env, String stdin, Consumer<Gateway> onServe, String... args) {
        Switchboard root = new Switchboard(env::get, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), onServe);
        CommandLine line = Switchboard.commandLine(root);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(Map<String, String> env, String... args) {
        return of(env, "", g -> { }, args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
