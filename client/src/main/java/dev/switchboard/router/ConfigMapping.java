package dev.switchboard.router;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The keys of one mapping in a config file. Reading takes keys one by one; what is left at the end is
 * either passed on (engine options) or reported as unknown, with the nearest known key, so a typo is
 * never silently ignored. A key given twice is a problem.
 */
final class ConfigMapping {
    private final ConfigNode self;
    private final Map<String, ConfigNode> entries = new LinkedHashMap<>();
    private final Map<String, Node> keyNodes = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    ConfigMapping(ConfigNode self) {
        this.self = self;
        for (NodeTuple tuple : ((MappingNode) self.node).getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode)) {
                self.child(keyNode, self.path).problem("the keys of " + name() + " must be names, was " + ConfigNode.kind(keyNode));
                continue;
            }
            String key = ((ScalarNode) keyNode).getValue();
            Node first = keyNodes.get(key);
            if (first != null) {
                String at = first.getStartMark().map(m -> " (first at line " + (m.getLine() + 1) + ")").orElse("");
                self.child(keyNode, self.path).problem(pathOf(key) + " is given twice" + at);
                continue;
            }
            keyNodes.put(key, keyNode);
            entries.put(key, self.child(tuple.getValueNode(), pathOf(key)));
        }
    }

    ConfigNode node() {
        return self;
    }

    /** The entries in file order, keys given twice counted once. */
    Map<String, ConfigNode> entries() {
        return entries;
    }

    Optional<ConfigNode> take(String key) {
        taken.add(key);
        return Optional.ofNullable(entries.get(key));
    }

    /** The entries no {@link #take} asked for, in file order. */
    Map<String, ConfigNode> rest() {
        Map<String, ConfigNode> out = new LinkedHashMap<>(entries);
        out.keySet().removeAll(taken);
        return out;
    }

    /** Reports each key not taken as unknown to {@code what} (a deployment, the router section…). */
    void rejectRest(String what, Collection<String> known) {
        rest().forEach((key, value) -> {
            String nearest = nearest(key, known);
            self.child(keyNodes.get(key), self.path).problem(value.path + " is not a setting of " + what + "; "
                    + (nearest != null ? "did you mean " + nearest + "?" : "known: " + String.join(", ", known)));
        });
    }

    String pathOf(String key) {
        return self.path.isEmpty() ? key : self.path + "." + key;
    }

    private String name() {
        return self.path.isEmpty() ? "the file" : self.path;
    }

    /** The known key {@code key} is one edit away from, for keys long enough that this is no coincidence. */
    static Optional<String> misspelt(String key, Collection<String> known) {
        if (key.length() < 5) return Optional.empty();
        for (String k : known) {
            if (distance(key.toLowerCase(java.util.Locale.ROOT), k) <= 1) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** The known key within two edits of {@code key}, if there is one. */
    private static String nearest(String key, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
