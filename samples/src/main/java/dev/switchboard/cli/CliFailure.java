package dev.switchboard.cli;

/** A problem the command line reports as one message and an exit code, without a stack trace. */
final class CliFailure extends RuntimeException {
    final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** The command was used wrong, or its config file is: exit code 2. */
    static CliFailure usage(String message) {
        return new CliFailure(Switchboard.EXIT_USAGE, message);
    }

    /** A call, a download or a server failed: exit code 1. */
    static CliFailure failed(String message) {
        return new CliFailure(Switchboard.EXIT_FAILED, message);
    }
}
