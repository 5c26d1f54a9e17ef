package dev.switchboard.router;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;

/**
 * One value of a config file with its path ({@code pools.chat.deployments[1].weight}): typed reads that
 * fill in environment references and record a problem, with place and path, when the value does not fit.
 * A read that found a problem gives empty, so parsing goes on and every problem is reported at once.
 * A YAML null ({@code ~}, {@code null} or nothing) and an empty value count as not set.
 */
final class ConfigNode {
    private static final JsonScalarResolver TYPES = new JsonScalarResolver();
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    final Node node;
    final String path;
    private final ConfigProblems problems;
    private final EnvSubstitution env;

    ConfigNode(Node node, String path, ConfigProblems problems, EnvSubstitution env) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.env = env;
    }

    ConfigNode child(Node child, String childPath) {
        return new ConfigNode(child, childPath, problems, env);
    }

    void problem(String message) {
        problems.add(node, message);
    }

    /** The path, or "the file" for the root. */
    String where() {
        return path.isEmpty() ? "the file" : path;
    }

    boolean isNull() {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** A scalar with its environment references filled in. */
    private static final class Scalar {
        final String text;
        final String shown;
        final boolean plain;

        Scalar(String text, String shown, boolean plain) {
            this.text = text;
            this.shown = shown;
            this.plain = plain;
        }

        /** The value as messages may show it, quoted: as the file writes it when it came from the environment. */
        String quoted() {
            return "'" + shown + "'";
        }
    }

    /** The scalar, or empty when it is null, empty, not a scalar or an unresolvable reference. */
    private Optional<Scalar> scalar(String expected) {
        if (isNull()) return Optional.empty();
        if (!(node instanceof ScalarNode)) {
            problem(where() + " must be " + expected + ", was " + kind(node));
            return Optional.empty();
        }
        ScalarNode s = (ScalarNode) node;
        EnvSubstitution.Result r = env.resolve(s.getValue());
        r.errors.forEach(e -> problem(path + ": " + e));
        if (r.value == null || r.value.isEmpty()) return Optional.empty();
        return Optional.of(new Scalar(r.value, r.substituted ? s.getValue() : r.value, s.isPlain()));
    }

    Optional<String> string() {
        return scalar("a string").map(s -> s.text);
    }

    /** A secret: like {@link #string()}, but its problems never show the value. */
    Optional<String> secret() {
        if (isNull()) return Optional.empty();
        if (!(node instanceof ScalarNode)) {
            problem(where() + " must be a string, was " + kind(node));
            return Optional.empty();
        }
        EnvSubstitution.Result r = env.resolve(((ScalarNode) node).getValue());
        r.errors.forEach(e -> problem(path + ": " + e));
        return r.value == null || r.value.isEmpty() ? Optional.empty() : Optional.of(r.value);
    }

    Optional<Integer> integer(int min) {
        Optional<Scalar> s = scalar("a whole number");
        if (s.isEmpty()) return Optional.empty();
        int value;
        try {
            value = Integer.parseInt(s.get().text.trim());
        } catch (NumberFormatException e) {
            problem(where() + " must be a whole number, was " + s.get().quoted());
            return Optional.empty();
        }
        if (value < min) {
            problem(where() + " must be >= " + min + ", was " + s.get().shown);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A number within [min, max], or above min when {@code minExclusive}. */
    Optional<Double> number(double min, boolean minExclusive, double max) {
        Optional<Scalar> s = scalar("a number");
        if (s.isEmpty()) return Optional.empty();
        String text = s.get().text.trim();
        boolean percent = text.endsWith("%") && max == 100;
        String digits = percent ? text.substring(0, text.length() - 1).trim() : text;
        if (!NUMBER.matcher(digits).matches()) {
            problem(where() + " must be a number, was " + s.get().quoted());
            return Optional.empty();
        }
        double value = Double.parseDouble(digits);
        boolean low = minExclusive ? !(value > min) : value < min;
        if (low || value > max) {
            String range = max == Double.MAX_VALUE
                    ? (minExclusive ? "> " : ">= ") + plain(min)
                    : "in " + (minExclusive ? "(" : "[") + plain(min) + ", " + plain(max) + "]";
            problem(where() + " must be " + range + ", was " + s.get().shown);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Duration> duration(boolean zeroAllowed) {
        Optional<Scalar> s = scalar("a duration");
        if (s.isEmpty()) return Optional.empty();
        Optional<Duration> d = DurationText.parse(s.get().text);
        if (d.isEmpty()) {
            String hint = s.get().text.trim().matches("\\d+(\\.\\d+)?") ? " needs a unit (" : " must be a duration (";
            problem(path + hint + "500ms, 30s, 2m, 1h), was " + s.get().quoted());
            return Optional.empty();
        }
        if (!zeroAllowed && d.get().isZero()) {
            problem(where() + " must be > 0, was " + s.get().shown);
            return Optional.empty();
        }
        return d;
    }

    Optional<Boolean> bool() {
        Optional<Scalar> s = scalar("true or false");
        if (s.isEmpty()) return Optional.empty();
        String text = s.get().text.trim();
        if (text.equals("true") || text.equals("false")) return Optional.of(Boolean.valueOf(text));
        problem(where() + " must be true or false, was " + s.get().quoted());
        return Optional.empty();
    }

    Optional<List<ConfigNode>> list(String expected) {
        if (isNull()) return Optional.empty();
        if (!(node instanceof SequenceNode)) {
            problem(where() + " must be " + expected + ", was " + kind(node));
            return Optional.empty();
        }
        List<ConfigNode> out = new ArrayList<>();
        List<Node> items = ((SequenceNode) node).getValue();
        for (int i = 0; i < items.size(); i++) out.add(child(items.get(i), path + "[" + i + "]"));
        return Optional.of(out);
    }

    Optional<ConfigMapping> mapping(String expected) {
        if (isNull()) return Optional.empty();
        if (!(node instanceof MappingNode)) {
            problem(where() + " must be " + expected + ", was " + kind(node));
            return Optional.empty();
        }
        return Optional.of(new ConfigMapping(this));
    }

    /**
     * The value as plain Java, for settings Switchboard passes on without reading (engine options):
     * strings, Integer or Long, Double, Boolean, null, and lists and maps of those.
     */
    Object plainValue() {
        if (node instanceof MappingNode) {
            ConfigMapping m = new ConfigMapping(this);
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((key, value) -> out.put(key, value.plainValue()));
            return Collections.unmodifiableMap(out);
        }
        if (node instanceof SequenceNode) {
            List<Object> out = new ArrayList<>();
            list("a list").orElse(List.of()).forEach(item -> out.add(item.plainValue()));
            return Collections.unmodifiableList(out);
        }
        if (isNull()) return null;
        Optional<Scalar> s = scalar("a value");
        if (s.isEmpty()) return "";
        String text = s.get().text;
        if (!s.get().plain) return text;
        Tag tag = TYPES.resolve(text, true);
        if (tag.equals(Tag.BOOL)) return Boolean.valueOf(text);
        if (tag.equals(Tag.NULL)) return null;
        if (tag.equals(Tag.FLOAT)) return Double.valueOf(text);
        if (tag.equals(Tag.INT)) {
            BigInteger n = new BigInteger(text);
            if (n.bitLength() < 32) return n.intValue();
            if (n.bitLength() < 64) return n.longValue();
        }
        return text;
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        return "a single value";
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
