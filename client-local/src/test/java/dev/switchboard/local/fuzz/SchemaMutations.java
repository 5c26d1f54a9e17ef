package dev.switchboard.local.fuzz;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonBoolean;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * JSON schemas drawn from a seed for the llama engine's grammar path: valid schemas changed at
 * random places (keywords removed, set to values of the wrong type, subschemas copied elsewhere or
 * wrapped), and schemas built to hurt: deep nesting, huge enums, references that lead nowhere, out of
 * the schema or round in circles, giant or broken patterns, bounds that are huge, negative,
 * fractional or crossed.
 */
final class SchemaMutations {
    private static final String[] BASES = {
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"pattern\":\"^[a-z]{1,6}$\"},"
                    + "\"age\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":99},\"pet\":{\"enum\":[\"cat\",\"dog\"]}},"
                    + "\"required\":[\"name\",\"age\",\"pet\"],\"additionalProperties\":false}",
            "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
                    + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"maxLength\":5},\"maxItems\":3}},"
                    + "\"required\":[\"id\"]},\"minItems\":1,\"maxItems\":2}",
            "{\"$defs\":{\"node\":{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"integer\"},"
                    + "\"next\":{\"anyOf\":[{\"$ref\":\"#/$defs/node\"},{\"type\":\"null\"}]}},\"required\":[\"value\",\"next\"]}},"
                    + "\"type\":\"object\",\"properties\":{\"list\":{\"$ref\":\"#/$defs/node\"}},\"required\":[\"list\"]}",
            "{\"type\":\"object\",\"properties\":{\"when\":{\"type\":\"string\",\"format\":\"date-time\"},"
                    + "\"kind\":{\"oneOf\":[{\"const\":\"a\"},{\"type\":\"number\"},{\"type\":\"boolean\"}]},"
                    + "\"pair\":{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":[\"integer\",\"null\"]}]}}}",
    };
    private static final String[] KEYWORDS = {"type", "enum", "const", "anyOf", "oneOf", "allOf", "properties",
            "required", "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "minLength", "maxLength",
            "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "format", "$ref", "$defs",
            "definitions", "not", "if", "then", "else", "patternProperties", "uniqueItems", "contains", "multipleOf",
            "title", "description", "default", "examples", "$schema", "$id", "x-unknown", ""};
    private static final String[] REFS = {"#/$defs/missing", "#", "#/", "#/$defs", "http://example.com/schema.json",
            "other.json#/x", "#/properties", "#/properties/name", "#/items", "#/$defs/node/properties/next",
            "#/$defs/a~1b", "#/$defs/%25", "#/definitions/x", "#/$defs/" + "z".repeat(1000), "#/$defs/loop", "#/anyOf/0",
            "", "#//", "#/$defs/node/", "#/prefixItems/9"};
    private static final String[] PATTERNS = {"^[a-z]{1,100000}$", "^(((a+)+)+)+$", "^(a$", "[a-z]+", "^\\d+$", "^\\p{L}+$",
            "^.*$", "^(a|b|c|d|e|f|g|h)*$", "^[\\u0000-\\uFFFF]$", "^(?=a)a$", "^a{99999999}$", "^a{3,1}$", "^$", "^[]$",
            "^\\$", "^(a)\\1$", "^[^]$", "^(" + "a|".repeat(2000) + "b)$", "^\uD83D\uDE00+$", "^\\"};
    private static final String[] TYPES = {"string", "number", "integer", "boolean", "null", "object", "array", "any",
            "String", "", "float"};

    /** One schema and what was done to make it. */
    record Mutant(String description, JsonValue schema) {}

    private SchemaMutations() {}

    static Mutant of(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> done = new ArrayList<>();
        Object schema;
        switch (random.nextInt(6)) {
            case 0:
                schema = deep(random, done);
                break;
            case 1:
                schema = hugeEnum(random, done);
                break;
            default:
                schema = plain(JsonValueAdapter.parse(BASES[random.nextInt(BASES.length)]));
                done.add("base");
        }
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) schema = change(schema, random, done);
        return new Mutant(String.join("; ", done), json(schema));
    }

    /** Objects nested {@code depth} levels through one keyword. */
    private static Object deep(SplittableRandom random, List<String> done) {
        int depth = new int[] {10, 63, 64, 65, 100, 300, 1000, 5000}[random.nextInt(8)];
        String via = new String[] {"properties", "items", "anyOf", "additionalProperties", "$defs"}[random.nextInt(5)];
        Object inner = obj("type", "string");
        for (int i = 0; i < depth; i++) {
            switch (via) {
                case "properties":
                    inner = obj("type", "object", "properties", obj("p", inner));
                    break;
                case "items":
                    inner = obj("type", "array", "items", inner);
                    break;
                case "anyOf":
                    inner = obj("anyOf", new ArrayList<>(List.of(inner, obj("type", "null"))));
                    break;
                case "additionalProperties":
                    inner = obj("type", "object", "additionalProperties", inner);
                    break;
                default:
                    inner = obj("$defs", obj("d", inner), "type", "object");
            }
        }
        done.add("nested " + depth + " levels through " + via);
        return inner;
    }

    private static Object hugeEnum(SplittableRandom random, List<String> done) {
        int size = new int[] {0, 1, 1000, 10_000, 50_000}[random.nextInt(5)];
        List<Object> values = new ArrayList<>(size);
        boolean mixed = random.nextBoolean();
        for (int i = 0; i < size; i++) values.add(mixed ? value(random, 1) : "v" + i);
        done.add("enum of " + size + (mixed ? " mixed values" : " strings"));
        return obj("type", "object", "properties", obj("e", obj("enum", values)), "required", new ArrayList<>(List.of("e")));
    }

    /** One change at a random place of the schema. */
    private static Object change(Object schema, SplittableRandom random, List<String> done) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        collect(schema, nodes, 0);
        if (nodes.isEmpty()) {
            done.add("replaced the whole schema");
            return random.nextBoolean() ? value(random, 2) : obj("type", TYPES[random.nextInt(TYPES.length)]);
        }
        Map<String, Object> node = nodes.get(random.nextInt(nodes.size()));
        String key = KEYWORDS[random.nextInt(KEYWORDS.length)];
        switch (random.nextInt(8)) {
            case 0:
                if (!node.isEmpty()) {
                    String k = new ArrayList<>(node.keySet()).get(random.nextInt(node.size()));
                    node.remove(k);
                    done.add("removed " + k);
                }
                return schema;
            case 1: {
                Object v = value(random, 3);
                node.put(key, v);
                done.add(key + " := a random " + kind(v));
                return schema;
            }
            case 2: {
                Object ref = random.nextInt(5) == 0 ? value(random, 1) : REFS[random.nextInt(REFS.length)];
                node.put("$ref", ref);
                if ("#/$defs/loop".equals(ref) && schema instanceof Map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> root = (Map<String, Object>) schema;
                    root.put("$defs", obj("loop", random.nextBoolean() ? obj("$ref", "#/$defs/loop")
                            : obj("anyOf", new ArrayList<>(List.of(obj("$ref", "#/$defs/loop"))))));
                }
                done.add("$ref := " + String.valueOf(ref).substring(0, Math.min(40, String.valueOf(ref).length())));
                return schema;
            }
            case 3: {
                String p = PATTERNS[random.nextInt(PATTERNS.length)];
                node.put("type", "string");
                node.put("pattern", p);
                done.add("pattern := " + p.substring(0, Math.min(40, p.length())));
                return schema;
            }
            case 4: {
                String[] bounds = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
                        "minItems", "maxItems"};
                String b = bounds[random.nextInt(bounds.length)];
                Object v = bound(random);
                node.put(b, v);
                if (random.nextBoolean()) node.put("type", TYPES[random.nextInt(3)]);
                done.add(b + " := " + v);
                return schema;
            }
            case 5: {
                // A copy of another part of the schema, placed under this one.
                Map<String, Object> other = nodes.get(random.nextInt(nodes.size()));
                String where = new String[] {"items", "additionalProperties", "anyOf", "properties"}[random.nextInt(4)];
                Object copy = copy(other);
                node.put(where, where.equals("anyOf") ? new ArrayList<>(List.of(copy)) : where.equals("properties") ? obj("x", copy) : copy);
                done.add("copied a subschema under " + where);
                return schema;
            }
            case 6: {
                Object types = random.nextBoolean() ? TYPES[random.nextInt(TYPES.length)]
                        : new ArrayList<>(List.of(TYPES[random.nextInt(TYPES.length)], TYPES[random.nextInt(TYPES.length)]));
                node.put("type", types);
                done.add("type := " + types);
                return schema;
            }
            default:
                done.add("wrapped in anyOf");
                return obj("anyOf", new ArrayList<>(List.of(schema, obj("type", "null"))));
        }
    }

    private static Object bound(SplittableRandom random) {
        Object[] bounds = {0, -1, 1, 1.5, 1e9, 1e12, Long.MAX_VALUE, Long.MIN_VALUE, new BigDecimal("1e400"),
                new BigDecimal("-1e400"), 9_007_199_254_740_993L, 1e-300, Integer.MAX_VALUE, 2147483648L, "5", true};
        return bounds[random.nextInt(bounds.length)];
    }

    private static void collect(Object value, List<Map<String, Object>> nodes, int depth) {
        if (depth > 200 || nodes.size() > 2000) return;
        if (value instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            nodes.add(map);
            for (Object v : map.values()) collect(v, nodes, depth + 1);
        } else if (value instanceof List) {
            for (Object v : (List<?>) value) collect(v, nodes, depth + 1);
        }
    }

    private static Object value(SplittableRandom random, int depth) {
        switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return bound(random);
            case 3:
                return TYPES[random.nextInt(TYPES.length)];
            case 4:
                return REFS[random.nextInt(REFS.length)];
            case 5:
                return random.nextInt(1000);
            case 6: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) list.add(value(random, depth - 1));
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) map.put(KEYWORDS[random.nextInt(KEYWORDS.length)], value(random, depth - 1));
                return map;
            }
        }
    }

    private static String kind(Object v) {
        return v == null ? "null" : v instanceof Map ? "object" : v instanceof List ? "array" : v.getClass().getSimpleName();
    }

    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    private static Object copy(Object value) {
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, copy(v)));
            return out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            ((List<?>) value).forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    /** The plain Java form of a JSON value, to change in place. */
    private static Object plain(JsonValue value) {
        if (value instanceof JsonObject) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((JsonObject) value).values().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (value instanceof JsonArray) {
            List<Object> out = new ArrayList<>();
            ((JsonArray) value).values().forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof JsonString) return ((JsonString) value).value();
        if (value instanceof JsonNumber) return ((JsonNumber) value).value();
        if (value instanceof JsonBoolean) return ((JsonBoolean) value).value();
        return null;
    }

    private static JsonValue json(Object value) {
        if (value == null) return JsonNull.of();
        if (value instanceof Map) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, json(v)));
            return JsonObject.of(out);
        }
        if (value instanceof List) {
            List<JsonValue> out = new ArrayList<>();
            ((List<?>) value).forEach(v -> out.add(json(v)));
            return JsonArray.of(out);
        }
        if (value instanceof String) return JsonString.of((String) value);
        if (value instanceof Boolean) return JsonBoolean.of(((Boolean) value).booleanValue());
        return JsonNumber.of((Number) value);
    }
}
