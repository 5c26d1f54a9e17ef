package dev.switchboard.core.internal;

import com.squareup.moshi.Types;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonBoolean;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonSchemaLocalValidation;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The JSON schema of a user's record or class, as OpenAI's strict structured outputs want it: every
 * object closed ({@code additionalProperties: false}) with every property required; an
 * {@code Optional<T>} property is still required but may be null. Strings, chars, numbers, booleans,
 * enums (their JSON names), {@code List}/{@code Set}/{@code Collection}/arrays, nested records and
 * classes, and recursive types are supported; names and descriptions follow {@link ClassProperties}.
 *
 * <p>The schema is the one the official SDK sends for the same class, so that a model sees the same
 * request whichever SDK asks: properties and {@code required} in alphabetical order of their JSON
 * names (a model writes them in that order); a type referred to more than once defined once under
 * {@code $defs} (by its simple name, {@code Page(Point)} for a generic one, {@code Same-1} and
 * {@code Same-2} when two share a name) and the root referred to as {@code #}; an Optional property
 * as {@code "type": [T, "null"]}, or {@code anyOf} with {@code {"type": "null"}} first for enums and
 * references; bytes as strings; keys in the official order, a property's description last (first
 * for arrays). Where the official schema is one OpenAI refuses or one its own parser cannot read back,
 * this one stays readable: a property described both by itself and by its class gets its own
 * description (not an {@code allOf} of both); a map keeps its value schema; enum constants keep the
 * names Jackson reads them by.
 *
 * <p>What cannot be such a schema is refused with an {@link IllegalArgumentException} naming the class
 * and field: {@code Object} and unbound type variables, maps with non-String keys, maps at all under
 * {@link JsonSchemaLocalValidation#YES}, platform types without a JSON form (dates, BigDecimal),
 * abstract and inner classes, and recursion through required fields only, which no finite JSON fits.
 */
public final class ClassJsonSchema {
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    // Bytes are strings, as the official SDK's schema has them; a model's "12" still reads as 12.
    private static final Set<Class<?>> STRINGS = Set.of(String.class, char.class, Character.class, byte.class, Byte.class);
    private static final Set<Class<?>> INTEGERS = Set.of(short.class, Short.class, int.class, Integer.class, long.class, Long.class);
    private static final Set<Class<?>> NUMBERS = Set.of(float.class, Float.class, double.class, Double.class);
    private static final Set<Class<?>> BOOLEANS = Set.of(boolean.class, Boolean.class);
    private static final Set<Class<?>> COLLECTIONS = Set.of(List.class, Set.class, Collection.class);

    private enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, ENUM, OPTIONAL, ARRAY, MAP, OBJECT }

    /** An object type reached from another through a property; {@code escapable} when an empty list or null ends it. */
    private record Edge(Type target, boolean escapable, String field) {}

    private final Class<?> root;
    private final JsonSchemaLocalValidation validation;
    private final Map<Type, List<Edge>> edges = new HashMap<>();
    /** Records, classes and enums, in the order first met, with how often the schema refers to each. */
    private final Map<Type, Integer> references = new LinkedHashMap<>();
    private final Map<Type, String> definitionNames = new HashMap<>();

    private ClassJsonSchema(Class<?> root, JsonSchemaLocalValidation validation) {
        this.root = root;
        this.validation = validation;
    }

    /**
     * The schema of {@code type}, which must be a record or class (a JSON object at the root).
     *
     * @throws IllegalArgumentException naming the class and field that cannot be part of the schema
     */
    public static JsonObject of(Class<?> type, JsonSchemaLocalValidation validation) {
        return new ClassJsonSchema(type, validation).build();
    }

    /** The name of a function tool whose parameters are {@code type}: Jackson's {@code @JsonTypeName}, else the simple name. */
    public static String typeName(Class<?> type) {
        return ClassProperties.typeName(type);
    }

    private JsonObject build() {
        if (kind(root, null) != Kind.OBJECT) {
            throw new IllegalArgumentException("Cannot derive a JSON schema from " + describe(root)
                    + ": it must be a record or class, whose values are JSON objects");
        }
        findCycles();
        countReferences();
        nameDefinitions();
        Map<String, JsonValue> definitions = new TreeMap<>();
        definitionNames.forEach((type, name) -> definitions.put(name, JsonObject.of(body(type))));
        Map<String, JsonValue> schema = new LinkedHashMap<>();
        schema.put("$schema", JsonString.of(DRAFT_2020_12));
        if (!definitions.isEmpty()) schema.put("$defs", JsonObject.of(definitions));
        schema.putAll(objectSchema(root));
        return JsonObject.of(schema);
    }

    // ---- definitions

    /** Walks the body of every distinct record and class once, the root's first, counting what each refers to. */
    private void countReferences() {
        Deque<Type> pending = new ArrayDeque<>(List.of(root));
        Set<Type> walked = new HashSet<>(pending);
        while (!pending.isEmpty()) {
            for (ClassProperties.Property p : sortedProperties(pending.remove())) {
                for (Type named : namedTypes(bare(p.type()), field(p))) {
                    references.merge(named, 1, Integer::sum);
                    if (kind(named, field(p)) == Kind.OBJECT && walked.add(named)) pending.add(named);
                }
            }
        }
    }

    /** The records, classes and enums a property's type is made of. */
    private List<Type> namedTypes(Type type, String field) {
        switch (kind(type, field)) {
            case ENUM:
            case OBJECT:
                return List.of(type);
            case OPTIONAL:
            case ARRAY:
                return namedTypes(elementType(type), field);
            case MAP:
                return namedTypes(mapValueType(type), field);
            default:
                return List.of();
        }
    }

    /** A type referred to more than once (the root aside) is defined once; two of one name are told apart by number. */
    private void nameDefinitions() {
        Map<String, List<Type>> byName = new LinkedHashMap<>();
        references.forEach((type, count) -> {
            if (count > 1 && !type.equals(root)) byName.computeIfAbsent(definitionName(type), n -> new ArrayList<>()).add(type);
        });
        byName.forEach((name, types) -> {
            for (int i = 0; i < types.size(); i++) definitionNames.put(types.get(i), types.size() == 1 ? name : name + "-" + (i + 1));
        });
    }

    /** {@code Line}, {@code Page(Point)}, {@code Pair(List(String),Integer)}. */
    private static String definitionName(Type type) {
        if (type instanceof ParameterizedType) {
            StringJoiner args = new StringJoiner(",", "(", ")");
            for (Type arg : ((ParameterizedType) type).getActualTypeArguments()) args.add(definitionName(arg));
            return definitionName(((ParameterizedType) type).getRawType()) + args;
        }
        return describe(type);
    }

    // ---- cycles

    /** First through every property, finding every type reached; then from each through required object fields only, where any cycle is endless. */
    private void findCycles() {
        Map<Type, Boolean> reached = new LinkedHashMap<>();
        visit(root, false, reached, new ArrayList<>(), new ArrayList<>());
        Map<Type, Boolean> requiredOnly = new HashMap<>();
        for (Type node : reached.keySet()) {
            if (!requiredOnly.containsKey(node)) visit(node, true, requiredOnly, new ArrayList<>(), new ArrayList<>());
        }
    }

    /** Depth first; {@code visited} holds true while a type is on the path, false once done. Every cycle holds a back edge. */
    private void visit(Type node, boolean requiredOnly, Map<Type, Boolean> visited, List<Type> path, List<String> fields) {
        visited.put(node, true);
        path.add(node);
        for (Edge edge : edges(node)) {
            if (requiredOnly && edge.escapable()) continue;
            Boolean onPath = visited.get(edge.target());
            if (onPath == null) {
                fields.add(edge.field());
                visit(edge.target(), requiredOnly, visited, path, fields);
                fields.remove(fields.size() - 1);
            } else if (onPath && requiredOnly) {
                throw endless(edge, path, fields);
            }
        }
        path.remove(path.size() - 1);
        visited.put(node, false);
    }

    private IllegalArgumentException endless(Edge edge, List<Type> path, List<String> fields) {
        StringJoiner cycle = new StringJoiner(" -> ");
        for (int i = path.indexOf(edge.target()); i < fields.size(); i++) cycle.add(fields.get(i));
        cycle.add(edge.field());
        return rejection(edge.field(), describe(edge.target()) + " contains itself through required fields only ("
                + cycle + "), so no finite JSON value fits; make one of them Optional or a List");
    }

    private List<Edge> edges(Type node) {
        List<Edge> known = edges.get(node);
        if (known != null) return known;
        List<Edge> out = new ArrayList<>();
        List<ClassProperties.Property> properties = properties(node);
        for (ClassProperties.Property p : properties) collectEdges(bare(p.type()), false, field(p), out);
        edges.put(node, out);
        return out;
    }

    private void collectEdges(Type type, boolean escapable, String field, List<Edge> out) {
        switch (kind(type, field)) {
            case OBJECT:
                out.add(new Edge(type, escapable, field));
                break;
            case OPTIONAL:
            case ARRAY:
                collectEdges(elementType(type), true, field, out);
                break;
            case MAP:
                collectEdges(mapValueType(type), true, field, out);
                break;
            default:
                break;
        }
    }

    // ---- schemas

    /** A property's schema: its type's, nullable when it is Optional, with the property's description. */
    private Map<String, JsonValue> propertySchema(ClassProperties.Property p) {
        String field = field(p);
        Type type = bare(p.type());
        Map<String, JsonValue> s = kind(type, field) == Kind.OPTIONAL
                ? nullable(valueSchema(elementType(type), field))
                : valueSchema(type, field);
        return p.description().isPresent() ? described(s, p.description().get()) : s;
    }

    private Map<String, JsonValue> valueSchema(Type type, String field) {
        Map<String, JsonValue> s = new LinkedHashMap<>();
        switch (kind(type, field)) {
            case STRING:
                s.put("type", JsonString.of("string"));
                break;
            case INTEGER:
                s.put("type", JsonString.of("integer"));
                break;
            case NUMBER:
                s.put("type", JsonString.of("number"));
                break;
            case BOOLEAN:
                s.put("type", JsonString.of("boolean"));
                break;
            case OPTIONAL:
                // Only a property itself may be null; an Optional inside a list or map stands for its value.
                return valueSchema(elementType(type), field);
            case ARRAY:
                s.put("type", JsonString.of("array"));
                s.put("items", JsonObject.of(valueSchema(elementType(type), field)));
                break;
            case MAP:
                s.put("type", JsonString.of("object"));
                s.put("additionalProperties", JsonObject.of(valueSchema(mapValueType(type), field)));
                break;
            case ENUM:
            case OBJECT:
                return namedSchema(type);
        }
        return s;
    }

    /** A record, class or enum: a reference when it is the root or defined under $defs, else its schema inline. */
    private Map<String, JsonValue> namedSchema(Type type) {
        String definition = definitionNames.get(type);
        if (!type.equals(root) && definition == null) return body(type);
        Map<String, JsonValue> s = new LinkedHashMap<>();
        s.put("$ref", JsonString.of(type.equals(root) ? "#" : "#/$defs/" + definition));
        return s;
    }

    private Map<String, JsonValue> body(Type type) {
        Class<?> raw = Types.getRawType(type);
        return raw.isEnum() ? enumSchema(raw) : objectSchema(type);
    }

    private static Map<String, JsonValue> enumSchema(Class<?> enumType) {
        Map<String, JsonValue> s = new LinkedHashMap<>();
        s.put("type", JsonString.of("string"));
        List<JsonValue> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(JsonString.of(ClassProperties.constantName((Enum<?>) constant)));
        }
        s.put("enum", JsonArray.of(names));
        ClassProperties.description(enumType).ifPresent(d -> s.put("description", JsonString.of(d)));
        return s;
    }

    private Map<String, JsonValue> objectSchema(Type type) {
        Map<String, JsonValue> s = new LinkedHashMap<>();
        s.put("type", JsonString.of("object"));
        List<ClassProperties.Property> sorted = sortedProperties(type);
        if (!sorted.isEmpty()) {
            Map<String, JsonValue> properties = new LinkedHashMap<>();
            List<JsonValue> required = new ArrayList<>();
            for (ClassProperties.Property p : sorted) {
                properties.put(p.jsonName(), JsonObject.of(propertySchema(p)));
                required.add(JsonString.of(p.jsonName()));
            }
            s.put("properties", JsonObject.of(properties));
            s.put("required", JsonArray.of(required));
        }
        ClassProperties.description(Types.getRawType(type)).ifPresent(d -> s.put("description", JsonString.of(d)));
        s.put("additionalProperties", JsonBoolean.of(false));
        return s;
    }

    /** {@code "type": [T, "null"]} where the type is one name (and no enum lists the values), else {@code anyOf} null or it. */
    private static Map<String, JsonValue> nullable(Map<String, JsonValue> s) {
        JsonValue type = s.get("type");
        if (type instanceof JsonString && !s.containsKey("enum")) {
            s.put("type", JsonArray.of(List.of(type, JsonString.of("null")))); // keeps the key's place
            return s;
        }
        Map<String, JsonValue> either = new LinkedHashMap<>();
        either.put("anyOf", JsonArray.of(List.of(JsonObject.of(Map.of("type", JsonString.of("null"))), JsonObject.of(s))));
        return either;
    }

    /** The property's own description: first in an array's schema, last in any other, in place of its class's. */
    private static Map<String, JsonValue> described(Map<String, JsonValue> s, String description) {
        s.remove("description");
        JsonValue type = s.get("type");
        boolean array = JsonString.of("array").equals(type)
                || (type instanceof JsonArray && ((JsonArray) type).values().contains(JsonString.of("array")));
        if (!array) {
            s.put("description", JsonString.of(description));
            return s;
        }
        Map<String, JsonValue> first = new LinkedHashMap<>();
        first.put("description", JsonString.of(description));
        first.putAll(s);
        return first;
    }

    // ---- types

    /** The properties in alphabetical order of their JSON names, the order a model writes them in. */
    private List<ClassProperties.Property> sortedProperties(Type type) {
        List<ClassProperties.Property> sorted = new ArrayList<>(properties(type));
        sorted.sort(Comparator.comparing(ClassProperties.Property::jsonName));
        return sorted;
    }

    private List<ClassProperties.Property> properties(Type type) {
        List<ClassProperties.Property> out = new ArrayList<>();
        for (ClassProperties.Property p : ClassProperties.of(type)) if (!p.ignored()) out.add(p);
        if (out.isEmpty() && validation == JsonSchemaLocalValidation.YES) {
            throw rejection(null, describe(type) + " has no properties, and OpenAI's strict mode needs at least one"
                    + " (JsonSchemaLocalValidation.NO leaves that to the server)");
        }
        return out;
    }

    /** What JSON a type maps to, or the reason it cannot be part of a strict schema. */
    private Kind kind(Type type, String field) {
        if (type instanceof Class) {
            Class<?> c = (Class<?>) type;
            if (STRINGS.contains(c)) return Kind.STRING;
            if (INTEGERS.contains(c)) return Kind.INTEGER;
            if (NUMBERS.contains(c)) return Kind.NUMBER;
            if (BOOLEANS.contains(c)) return Kind.BOOLEAN;
            if (c.isEnum()) return Kind.ENUM;
            if (c.isArray()) return Kind.ARRAY;
            if (c == Object.class) throw rejection(field, "Object has no JSON schema; use a concrete type");
            if (c == Optional.class || COLLECTIONS.contains(c) || c == Map.class) {
                throw rejection(field, "raw " + c.getSimpleName() + " has no type argument; give one, as in "
                        + c.getSimpleName() + (c == Map.class ? "<String, Integer>" : "<String>"));
            }
            return objectKind(c, field);
        }
        if (type instanceof ParameterizedType) {
            Class<?> raw = Types.getRawType(type);
            if (raw == Optional.class) return Kind.OPTIONAL;
            if (COLLECTIONS.contains(raw)) return Kind.ARRAY;
            if (raw == Map.class) {
                Type key = ((ParameterizedType) type).getActualTypeArguments()[0];
                if (key != String.class) {
                    throw rejection(field, describe(type) + " has non-String keys, and JSON object keys are always strings");
                }
                if (validation == JsonSchemaLocalValidation.YES) {
                    throw rejection(field, describe(type) + " cannot be part of a strict schema, which needs"
                            + " additionalProperties: false; use a List of key/value records"
                            + " (or JsonSchemaLocalValidation.NO for a server that accepts maps)");
                }
                return Kind.MAP;
            }
            return objectKind(raw, field);
        }
        if (type instanceof GenericArrayType) return Kind.ARRAY;
        if (type instanceof WildcardType) {
            throw rejection(field, describe(type) + " has no JSON schema; use a concrete type");
        }
        if (type instanceof TypeVariable) {
            throw rejection(field, "type variable " + type + " is not bound to a type here; use a concrete type");
        }
        throw rejection(field, describe(type) + " has no JSON schema");
    }

    private Kind objectKind(Class<?> raw, String field) {
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            throw rejection(field, raw.getSimpleName() + " is a collection implementation; declare it as List, Set, Collection or Map");
        }
        Optional<String> problem = ClassProperties.problem(raw);
        if (problem.isPresent()) throw rejection(field, raw.getSimpleName() + " " + problem.get());
        return Kind.OBJECT;
    }

    /** The element of an array, a collection or an Optional. */
    private static Type elementType(Type type) {
        if (type instanceof Class) return ((Class<?>) type).getComponentType();
        if (type instanceof GenericArrayType) return ((GenericArrayType) type).getGenericComponentType();
        return bare(((ParameterizedType) type).getActualTypeArguments()[0]);
    }

    private static Type mapValueType(Type type) {
        return bare(((ParameterizedType) type).getActualTypeArguments()[1]);
    }

    /** {@code ? extends Line} reads as {@code Line}, as Moshi reads it; other wildcards stay (and are refused). */
    private static Type bare(Type type) {
        if (type instanceof WildcardType) {
            WildcardType w = (WildcardType) type;
            if (w.getLowerBounds().length == 0 && w.getUpperBounds()[0] != Object.class) return w.getUpperBounds()[0];
        }
        return type;
    }

    private static String field(ClassProperties.Property p) {
        return p.field().getDeclaringClass().getSimpleName() + "." + p.javaName();
    }

    private IllegalArgumentException rejection(String field, String reason) {
        return new IllegalArgumentException("Cannot derive a JSON schema from " + root.getSimpleName() + ": "
                + (field == null ? "" : "field " + field + ": ") + reason);
    }

    /** A type with simple names, as a reader of the code writes it: {@code Map<String, List<Line>>}. */
    static String describe(Type type) {
        if (type instanceof Class) {
            Class<?> c = (Class<?>) type;
            return c.isArray() ? describe(c.getComponentType()) + "[]" : c.getSimpleName();
        }
        if (type instanceof ParameterizedType) {
            StringJoiner args = new StringJoiner(", ", "<", ">");
            for (Type arg : ((ParameterizedType) type).getActualTypeArguments()) args.add(describe(arg));
            return describe(((ParameterizedType) type).getRawType()) + args;
        }
        if (type instanceof GenericArrayType) return describe(((GenericArrayType) type).getGenericComponentType()) + "[]";
        if (type instanceof WildcardType) {
            WildcardType w = (WildcardType) type;
            if (w.getLowerBounds().length > 0) return "? super " + describe(w.getLowerBounds()[0]);
            return w.getUpperBounds()[0] == Object.class ? "?" : "? extends " + describe(w.getUpperBounds()[0]);
        }
        return type.getTypeName();
    }
}
