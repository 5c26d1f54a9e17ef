package dev.switchboard.local.llama;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonBoolean;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.BadRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a JSON schema before llama.cpp's grammar converter sees it. The converter (b4916) aborts
 * the JVM on anything it cannot handle (an unresolvable or non-local {@code $ref}, a subschema that
 * is not an object, a value of the wrong type, a pattern without {@code ^…$}), and silently ignores
 * some keywords (so the output would not honour them). This admits what it converts faithfully and
 * refuses the rest with a 400 that names the place and the problem:
 *
 * <ul>
 *   <li>{@code type} (one of the seven JSON types, or a list of them), {@code enum}, {@code const},
 *       {@code anyOf}/{@code oneOf}, {@code properties}, {@code required}, {@code additionalProperties},
 *       {@code items}, {@code prefixItems}, {@code minItems}/{@code maxItems}, {@code minLength}/
 *       {@code maxLength} and {@code pattern} on strings, {@code minimum}/{@code maximum} (and the
 *       exclusive ones) on integers, {@code format};
 *   <li>{@code $ref} to {@code #/…} inside the schema, with {@code $defs}/{@code definitions};
 *       recursion only through properties or items (a loop of bare references produces nothing);
 *   <li>annotations: {@code title}, {@code description}, {@code default}, {@code examples}, …
 * </ul>
 */
final class SchemaCheck {
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "null", "object", "array");
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "examples", "$comment",
            "$schema", "$id", "deprecated", "readOnly", "writeOnly", "$defs", "definitions");
    private static final Set<String> KEYWORDS = Set.of("type", "enum", "const", "anyOf", "oneOf", "properties",
            "required", "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "minLength", "maxLength",
            "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "format", "$ref");
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("allOf", "llama.cpp's converter keeps only the properties of allOf's parts and drops the rest;"
                    + " merge the parts into one schema"),
            Map.entry("not", "llama.cpp's grammar cannot exclude values"),
            Map.entry("if", "llama.cpp's grammar has no conditionals"),
            Map.entry("then", "llama.cpp's grammar has no conditionals"),
            Map.entry("else", "llama.cpp's grammar has no conditionals"),
            Map.entry("patternProperties", "llama.cpp's converter ignores it"),
            Map.entry("propertyNames", "llama.cpp's converter ignores it"),
            Map.entry("uniqueItems", "llama.cpp's grammar cannot make items unique"),
            Map.entry("contains", "llama.cpp's converter ignores it"),
            Map.entry("multipleOf", "llama.cpp's converter ignores it"),
            Map.entry("minProperties", "llama.cpp's converter ignores it"),
            Map.entry("maxProperties", "llama.cpp's converter ignores it"),
            Map.entry("dependentRequired", "llama.cpp's converter ignores it"),
            Map.entry("dependentSchemas", "llama.cpp's converter ignores it"),
            Map.entry("unevaluatedProperties", "llama.cpp's converter ignores it"),
            Map.entry("unevaluatedItems", "llama.cpp's converter ignores it"));
    private static final Set<String> CONSUMING = Set.of("properties", "additionalProperties", "items", "prefixItems");
    private static final int MAX_DEPTH = 64;
    /**
     * JSON nesting, annotations and values included. Our JSON writer stops at 255 levels, and the
     * grammar path wraps a tool's parameters in a few more.
     */
    private static final int MAX_JSON_DEPTH = 200;
    private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);
    /**
     * How many elements llama.cpp may unroll for a schema's bounds: its grammar spells each
     * {@code maxLength}, {@code maxItems} and pattern {@code {m,n}} out as that many copies. Measured
     * (b4916, tiny model): maxLength 1,000,000 took 5.5 s and 480 MB to compile; 100,000,000 passed
     * 17 GB and two minutes, enough for the system to kill the JVM. 100,000 costs about 50 MB.
     */
    private static final long MAX_UNROLLED = 100_000;
    private static final int MAX_CHARS = 256 * 1024;
    /**
     * llama.cpp reads integer bounds into 32-bit ints (1e12 overflowed, and INT_MIN or INT_MAX after the
     * exclusive shift mean "unbounded" there: with no bound left its converter threw, aborting the
     * JVM; found by fuzzing). Within this range each bound stays a bound.
     */
    private static final long MAX_INT_BOUND = Integer.MAX_VALUE - 1L;

    private final JsonObject root;
    private final String param;
    /** Each reference target (a JSON pointer) and the references reachable from it without consuming input. */
    private final Map<String, Set<String>> bareRefs = new HashMap<>();
    /** The elements the grammar unrolls for the bounds seen so far. */
    private long unrolled;

    private SchemaCheck(JsonObject root, String param) {
        this.root = root;
        this.param = param;
    }

    /**
     * Checks {@code schema}, the value of request field {@code param}; returns it as a JSON object,
     * or throws BadRequestException naming what llama.cpp could not honour.
     */
    static JsonObject check(JsonValue schema, String param) {
        if (!(schema instanceof JsonObject)) {
            throw BackendErrors.badRequest(param, "invalid_json_schema", param + " must be a JSON schema object");
        }
        SchemaCheck check = new SchemaCheck((JsonObject) schema, param);
        check.values(schema, "", 0);
        if (dev.switchboard.core.internal.JsonValueAdapter.toJsonString(schema).length() > MAX_CHARS) {
            throw BackendErrors.badRequest(param, "invalid_json_schema", param + " is larger than " + MAX_CHARS
                    + " characters; a grammar that large is not worth compiling per request");
        }
        check.definitions();
        check.bareRefs.put("", new LinkedHashSet<>());
        check.subschema(schema, "", 0, check.bareRefs.get(""));
        check.everyRef(schema, "");
        check.noBareLoops();
        return (JsonObject) schema;
    }

    private BadRequestException bad(String at, String problem) {
        String where = at.isEmpty() ? param : param + " at " + at;
        return BackendErrors.badRequest(param, "invalid_json_schema", where + ": " + problem);
    }

    /**
     * Every JSON value of the schema, keywords or not: nested no deeper than {@link #MAX_JSON_DEPTH},
     * and numbers within a double's range. llama.cpp's JSON parser (nlohmann) throws on a number it
     * cannot hold in a double, such as 1e400, and nothing catches it there: measured with
     * de.kherud:llama 4.2.0, the process aborts ("number overflow parsing '1E+400'"), wherever the
     * number sits (a default, an enum value, a title's neighbour).
     */
    private void values(JsonValue value, String at, int depth) {
        if (depth > MAX_JSON_DEPTH) throw bad(at, "nests deeper than " + MAX_JSON_DEPTH + " levels of JSON");
        if (value instanceof JsonObject) {
            for (Map.Entry<String, JsonValue> e : ((JsonObject) value).values().entrySet()) {
                values(e.getValue(), at + "/" + e.getKey(), depth + 1);
            }
        } else if (value instanceof JsonArray) {
            List<JsonValue> items = ((JsonArray) value).values();
            for (int i = 0; i < items.size(); i++) values(items.get(i), at + "/" + i, depth + 1);
        } else if (value instanceof JsonNumber && !withinDouble(((JsonNumber) value).value())) {
            throw bad(at, value + " is beyond the range of a double (±" + Double.MAX_VALUE + "), which llama.cpp cannot read");
        }
    }

    private static boolean withinDouble(Number n) {
        if (n instanceof Double || n instanceof Float) return Double.isFinite(n.doubleValue());
        try {
            return new BigDecimal(n.toString()).abs().compareTo(MAX_DOUBLE) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** $defs and definitions hold schemas too; each is checked, referenced or not. */
    private void definitions() {
        for (String container : List.of("$defs", "definitions")) {
            JsonValue defs = root.values().get(container);
            if (defs == null) continue;
            if (!(defs instanceof JsonObject)) throw bad("/" + container, "must be an object of schemas");
            for (Map.Entry<String, JsonValue> def : ((JsonObject) defs).values().entrySet()) {
                String pointer = "/" + container + "/" + def.getKey();
                Set<String> refs = new LinkedHashSet<>();
                bareRefs.put(pointer, refs);
                subschema(def.getValue(), pointer, 1, refs);
            }
        }
    }

    private void subschema(JsonValue value, String at, int depth, Set<String> bare) {
        if (depth > MAX_DEPTH) throw bad(at, "nests deeper than " + MAX_DEPTH + " levels");
        if (!(value instanceof JsonObject)) {
            throw bad(at, "a subschema must be a JSON object (true/false schemas are not supported), was " + value);
        }
        Map<String, JsonValue> s = ((JsonObject) value).values();
        for (String key : s.keySet()) {
            if (REFUSED.containsKey(key)) throw bad(at, key + " is not supported: " + REFUSED.get(key));
            if (!KEYWORDS.contains(key) && !ANNOTATIONS.contains(key)) {
                throw bad(at, "'" + key + "' is not a JSON-schema keyword llama.cpp's grammar supports; supported: "
                        + new java.util.TreeSet<>(KEYWORDS));
            }
            if (key.equals("$defs") || key.equals("definitions")) {
                if (!at.isEmpty()) throw bad(at, key + " must sit at the root of the schema");
            }
        }
        String format = null;
        if (s.containsKey("format")) format = string(s.get("format"), at + "/format");
        if (s.containsKey("$ref")) {
            String ref = string(s.get("$ref"), at + "/$ref");
            bare.add(resolve(ref, at + "/$ref"));
            return; // llama.cpp uses the reference alone
        }
        // llama.cpp takes oneOf when both are there, and ignores anyOf.
        for (String union : List.of("oneOf", "anyOf")) {
            if (!s.containsKey(union)) continue;
            List<JsonValue> alternatives = array(s.get(union), at + "/" + union);
            if (alternatives.isEmpty()) throw bad(at + "/" + union, "must list at least one schema");
            for (int i = 0; i < alternatives.size(); i++) subschema(alternatives.get(i), at + "/" + union + "/" + i, depth + 1, bare);
            return; // the union replaces everything beside it
        }
        Set<String> types = new HashSet<>();
        if (s.containsKey("type")) {
            JsonValue type = s.get("type");
            if (type instanceof JsonArray) {
                List<JsonValue> list = ((JsonArray) type).values();
                if (list.isEmpty()) throw bad(at + "/type", "must name at least one type");
                for (JsonValue t : list) types.add(typeName(t, at + "/type"));
            } else {
                types.add(typeName(type, at + "/type"));
            }
        }
        if (s.containsKey("const")) return;
        if (s.containsKey("enum")) {
            if (array(s.get("enum"), at + "/enum").isEmpty()) throw bad(at + "/enum", "must list at least one value");
            return;
        }
        boolean structural = s.containsKey("properties") || s.containsKey("additionalProperties") || s.containsKey("items")
                || s.containsKey("prefixItems") || s.containsKey("pattern") || s.containsKey("minLength")
                || s.containsKey("maxLength") || format != null;
        if (types.isEmpty() && !structural && !s.isEmpty()) {
            throw bad(at, "needs a type (or enum, const, $ref, anyOf, properties, items); llama.cpp cannot convert a schema"
                    + " of annotations alone");
        }
        if (s.containsKey("properties")) {
            JsonValue properties = s.get("properties");
            if (!(properties instanceof JsonObject)) throw bad(at + "/properties", "must be an object of schemas");
            for (Map.Entry<String, JsonValue> p : ((JsonObject) properties).values().entrySet()) {
                subschema(p.getValue(), at + "/properties/" + p.getKey(), depth + 1, new LinkedHashSet<>());
            }
        }
        if (s.containsKey("required")) {
            for (JsonValue name : array(s.get("required"), at + "/required")) string(name, at + "/required");
        }
        if (s.containsKey("additionalProperties")) {
            JsonValue additional = s.get("additionalProperties");
            if (!(additional instanceof JsonBoolean)) {
                subschema(additional, at + "/additionalProperties", depth + 1, new LinkedHashSet<>());
            }
        }
        if (s.containsKey("prefixItems") || (s.get("items") instanceof JsonArray)) {
            String key = s.containsKey("items") ? "items" : "prefixItems";
            List<JsonValue> items = array(s.get(key), at + "/" + key);
            for (int i = 0; i < items.size(); i++) subschema(items.get(i), at + "/" + key + "/" + i, depth + 1, new LinkedHashSet<>());
        } else if (s.containsKey("items")) {
            subschema(s.get("items"), at + "/items", depth + 1, new LinkedHashSet<>());
        }
        long minItems = count(s, "minItems", at);
        long maxItems = count(s, "maxItems", at);
        if (minItems > maxItems) throw bad(at, "minItems " + minItems + " is more than maxItems " + maxItems);
        if (s.containsKey("maxItems")) unroll(maxItems, at + "/maxItems");
        else if (s.containsKey("minItems")) unroll(minItems, at + "/minItems");
        boolean stringOnly = types.equals(Set.of("string"));
        if (s.containsKey("minLength") || s.containsKey("maxLength")) {
            if (!stringOnly) throw bad(at, "minLength and maxLength are honoured only with \"type\": \"string\"");
            long min = count(s, "minLength", at);
            long max = count(s, "maxLength", at);
            if (min > max) throw bad(at, "minLength " + min + " is more than maxLength " + max);
            if (s.containsKey("maxLength")) unroll(max, at + "/maxLength");
            else unroll(min, at + "/minLength");
        }
        if (s.containsKey("pattern")) pattern(string(s.get("pattern"), at + "/pattern"), at + "/pattern");
        boolean bounded = s.containsKey("minimum") || s.containsKey("maximum") || s.containsKey("exclusiveMinimum")
                || s.containsKey("exclusiveMaximum");
        if (bounded) {
            if (!types.equals(Set.of("integer"))) {
                throw bad(at, "minimum and maximum are honoured only with \"type\": \"integer\" (llama.cpp's grammar"
                        + " ignores them on numbers)");
            }
            long min = Math.max(bound(s, "minimum", at, 0), bound(s, "exclusiveMinimum", at, 1));
            long max = Math.min(bound(s, "maximum", at, 0), bound(s, "exclusiveMaximum", at, -1));
            if (min > max) throw bad(at, "no integer lies between its minimum and maximum");
        }
    }

    /** Adds {@code n} elements the grammar will unroll, refusing the schema once they are too many. */
    private void unroll(long n, String at) {
        unrolled = Math.min(Long.MAX_VALUE / 2, unrolled + n);
        if (unrolled > MAX_UNROLLED) {
            throw bad(at, "brings the elements llama.cpp's grammar must spell out for lengths, item counts and pattern"
                    + " repetitions to " + (n > MAX_UNROLLED ? n : unrolled) + " (at most " + MAX_UNROLLED + " in a schema);"
                    + " it unrolls each bound into that many copies, which takes seconds and gigabytes beyond this");
        }
    }

    /**
     * The elements a pattern unrolls: one for each atom, times its repetition {@code {m}}, {@code {m,}}
     * or {@code {m,n}} (nested repetitions multiply); {@code *}, {@code +} and {@code ?} unroll nothing.
     */
    private static long unrolledIn(String p, int[] pos) {
        long total = 0;
        while (pos[0] < p.length()) {
            char c = p.charAt(pos[0]);
            if (c == ')') break;
            if (c == '|') {
                pos[0]++;
                continue;
            }
            long atom = 1;
            if (c == '(') {
                pos[0]++;
                if (p.startsWith("?:", pos[0])) pos[0] += 2;
                atom = Math.max(1, unrolledIn(p, pos));
                pos[0]++; // the ')'
            } else if (c == '[') {
                pos[0]++;
                if (pos[0] < p.length() && p.charAt(pos[0]) == '^') pos[0]++;
                if (pos[0] < p.length() && p.charAt(pos[0]) == ']') pos[0]++;
                while (pos[0] < p.length() && p.charAt(pos[0]) != ']') pos[0] += p.charAt(pos[0]) == '\\' ? 2 : 1;
                pos[0]++;
            } else {
                pos[0] += c == '\\' ? 2 : 1;
            }
            long times = 1;
            if (pos[0] < p.length() && p.charAt(pos[0]) == '{') {
                int close = p.indexOf('}', pos[0]);
                if (close > 0) {
                    String[] bounds = p.substring(pos[0] + 1, close).split(",", -1);
                    times = Math.max(1, repetitions(bounds.length > 1 && !bounds[1].isEmpty() ? bounds[1] : bounds[0]));
                    pos[0] = close + 1;
                }
            } else if (pos[0] < p.length() && "*+?".indexOf(p.charAt(pos[0])) >= 0) {
                pos[0]++;
            }
            if (pos[0] < p.length() && p.charAt(pos[0]) == '?') pos[0]++; // lazy
            total = Math.min(Long.MAX_VALUE / 2, total + (atom > Long.MAX_VALUE / 2 / times ? Long.MAX_VALUE / 2 : atom * times));
        }
        return total;
    }

    private static long repetitions(String digits) {
        try {
            return Long.parseLong(digits.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    private String typeName(JsonValue type, String at) {
        String name = string(type, at);
        if (!TYPES.contains(name)) throw bad(at, "unknown type '" + name + "'; the types are " + new java.util.TreeSet<>(TYPES));
        return name;
    }

    private String string(JsonValue value, String at) {
        if (!(value instanceof JsonString)) throw bad(at, "must be a string, was " + value);
        return ((JsonString) value).value();
    }

    private List<JsonValue> array(JsonValue value, String at) {
        if (!(value instanceof JsonArray)) throw bad(at, "must be an array, was " + value);
        return ((JsonArray) value).values();
    }

    /** A non-negative whole count (minItems, maxLength, …); absent minimums are 0, absent maximums unbounded. */
    private long count(Map<String, JsonValue> s, String key, String at) {
        JsonValue value = s.get(key);
        if (value == null) return key.startsWith("min") ? 0 : Long.MAX_VALUE;
        Long n = whole(value);
        if (n == null || n < 0 || n > Integer.MAX_VALUE) throw bad(at + "/" + key, "must be a whole number from 0 to " + Integer.MAX_VALUE + ", was " + value);
        return n;
    }

    /** An integer bound made inclusive; {@code shift} is +1 for exclusiveMinimum and -1 for exclusiveMaximum. */
    private long bound(Map<String, JsonValue> s, String key, String at, int shift) {
        JsonValue value = s.get(key);
        if (value == null) return key.toLowerCase(java.util.Locale.ROOT).contains("min") ? Long.MIN_VALUE : Long.MAX_VALUE;
        Long n = whole(value);
        if (n == null || Math.abs(n) > MAX_INT_BOUND) {
            throw bad(at + "/" + key, "must be a whole number within ±" + MAX_INT_BOUND + " (llama.cpp reads integer bounds"
                    + " as 32-bit ints), was " + value);
        }
        return n + shift;
    }

    private static Long whole(JsonValue value) {
        if (!(value instanceof JsonNumber)) return null;
        try {
            BigDecimal d = new BigDecimal(((JsonNumber) value).value().toString());
            return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** What a local reference leads to; throws when it is not local or leads nowhere. */
    private JsonValue target(String ref, String at) {
        if (!ref.startsWith("#/")) {
            throw bad(at, "'" + ref + "' is not a local reference; llama.cpp resolves only #/… inside the schema");
        }
        String pointer = ref.substring(1);
        if (pointer.contains("~") || pointer.contains("%")) {
            throw bad(at, "'" + ref + "' uses JSON-pointer escapes, which llama.cpp does not decode");
        }
        JsonValue target = root;
        for (String token : pointer.substring(1).split("/", -1)) {
            JsonValue next = target instanceof JsonObject ? ((JsonObject) target).values().get(token) : null;
            if (next == null || next instanceof JsonNull) throw bad(at, "'" + ref + "' leads nowhere: no '" + token + "' there");
            target = next;
        }
        return target;
    }

    /**
     * llama.cpp resolves every {@code $ref} of the document before it converts anything, wherever
     * the reference sits (beside an anyOf, inside a const or a default), and one it cannot resolve
     * (not a string, not local, leading nowhere) aborts the process: measured, found by fuzzing. So
     * each must be a string that leads somewhere. As there, an object with a $ref is not looked into.
     */
    private void everyRef(JsonValue value, String at) {
        if (value instanceof JsonArray) {
            List<JsonValue> items = ((JsonArray) value).values();
            for (int i = 0; i < items.size(); i++) everyRef(items.get(i), at + "/" + i);
        } else if (value instanceof JsonObject) {
            Map<String, JsonValue> o = ((JsonObject) value).values();
            if (o.containsKey("$ref")) {
                target(string(o.get("$ref"), at + "/$ref"), at + "/$ref");
                return;
            }
            for (Map.Entry<String, JsonValue> e : o.entrySet()) everyRef(e.getValue(), at + "/" + e.getKey());
        }
    }

    /** A local reference, as the JSON pointer it names; it must lead to an object inside this schema. */
    private String resolve(String ref, String at) {
        JsonValue target = target(ref, at);
        String pointer = ref.substring(1);
        if (!(target instanceof JsonObject)) throw bad(at, "'" + ref + "' must lead to a schema object");
        if (!bareRefs.containsKey(pointer) && !pointer.startsWith("/$defs/") && !pointer.startsWith("/definitions/")) {
            // A reference into the schema's own body (not into $defs): check what it leads to as a schema too.
            Set<String> refs = new LinkedHashSet<>();
            bareRefs.put(pointer, refs);
            subschema(target, pointer, 1, refs);
        }
        return pointer;
    }

    /** Refuses a loop of references that never passes through a property or an item: its grammar would produce nothing. */
    private void noBareLoops() {
        Map<String, Integer> state = new HashMap<>();
        for (String start : new ArrayList<>(bareRefs.keySet())) visit(start, state, new ArrayList<>());
    }

    private void visit(String node, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) return;
        if (s != null && s == 1) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            loop.add(node);
            throw bad("#" + node, "references loop back to themselves without a property or item in between ("
                    + String.join(" -> ", loop.stream().map(p -> "#" + p).toArray(String[]::new))
                    + "); such a schema matches nothing finite");
        }
        state.put(node, 1);
        path.add(node);
        for (String next : bareRefs.getOrDefault(node, Set.of())) visit(next, state, path);
        path.remove(path.size() - 1);
        state.put(node, 2);
    }

    /**
     * A pattern llama.cpp turns into grammar faithfully: anchored with ^ and $, a valid regular
     * expression, without lookaround, back-references or shorthand classes such as \d (which it
     * would copy into the grammar as the letters).
     */
    private void pattern(String pattern, String at) {
        if (pattern.length() < 2 || !pattern.startsWith("^") || !pattern.endsWith("$")) {
            throw bad(at, "llama.cpp needs a pattern anchored as ^…$, was '" + pattern + "'");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw bad(at, "'" + pattern + "' is not a valid regular expression: " + e.getDescription());
        }
        String body = pattern.substring(1, pattern.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(i + 1);
                if (Character.isLetterOrDigit(next)) {
                    throw bad(at, "'\\" + next + "' is not supported by llama.cpp's pattern converter; spell classes out,"
                            + " such as [0-9] for \\d");
                }
                i++;
            } else if (c == '(' && i + 1 < body.length() && body.charAt(i + 1) == '?'
                    && !(i + 2 < body.length() && body.charAt(i + 2) == ':')) {
                throw bad(at, "lookaround and named groups are not supported by llama.cpp's pattern converter");
            } else if (c == '^' || c == '$') {
                if (c == '^' && i > 0 && body.charAt(i - 1) == '[') continue; // a negated class
                throw bad(at, "anchors are supported only at the start and end of a pattern");
            }
        }
        unroll(unrolledIn(body, new int[] {0}), at);
    }
}
