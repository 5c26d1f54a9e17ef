package dev.switchboard.router;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${NAME}} and {@code ${NAME:-default}} in a config value from the environment, so a
 * file can name its secrets without holding them. {@code $${} is a literal {@code ${}. As in a
 * shell, the default is used when the variable is unset or empty.
 */
final class EnvSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> env;

    EnvSubstitution(Function<String, String> env) {
        this.env = env;
    }

    /** A value with its references filled in, or the reasons it could not be. */
    static final class Result {
        final String value;
        final boolean substituted;
        final List<String> errors;

        private Result(String value, boolean substituted, List<String> errors) {
            this.value = value;
            this.substituted = substituted;
            this.errors = errors;
        }
    }

    Result resolve(String text) {
        if (text.indexOf("${") < 0) return new Result(text, false, List.of());
        List<String> errors = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        boolean substituted = false;
        Matcher m = REFERENCE.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(text, at, m.start());
            at = m.end();
            if (m.group(1) == null) {
                out.append("${");
                continue;
            }
            substituted = true;
            String reference = m.group(1);
            int dash = reference.indexOf(":-");
            String name = dash < 0 ? reference : reference.substring(0, dash);
            if (!NAME.matcher(name).matches()) {
                errors.add("'${" + reference + "}' is not a reference: write ${NAME} or ${NAME:-default}");
                continue;
            }
            String value = env.apply(name);
            if (dash >= 0 && (value == null || value.isEmpty())) value = reference.substring(dash + 2);
            if (value == null) {
                errors.add("the environment variable " + name + " is not set (write ${" + name
                        + ":-default} to give a default)");
                continue;
            }
            out.append(value);
        }
        String rest = text.substring(at);
        if (rest.contains("${")) errors.add("'${' is not closed: write ${NAME} or ${NAME:-default}, or $${ for a literal ${");
        out.append(rest);
        return new Result(errors.isEmpty() ? out.toString() : null, substituted, errors);
    }
}
