package dev.switchboard.router;

import java.util.List;

/**
 * A router config file that cannot be used. The message lists every problem found, one a line, each
 * with its place ({@code file:line:column}) and the key's path
 * ({@code pools.text-generation.deployments[1].weight}). No secret is ever part of it.
 */
public final class RouterConfigException extends RuntimeException {
    private final String source;
    private final List<String> problems;

    RouterConfigException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or the name given to {@code RouterConfig.parse}) the problems are in. */
    public String source() {
        return source;
    }

    /** Each problem as {@code file:line:column: path and what is wrong}, in the order of the file. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        StringBuilder out = new StringBuilder("The router config ").append(source).append(" has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (String problem : problems) out.append("\n  ").append(problem);
        return out.toString();
    }
}
