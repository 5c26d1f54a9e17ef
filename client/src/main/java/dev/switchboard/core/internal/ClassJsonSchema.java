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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The JSON schema of a user's record or class, as OpenAI's strict structured outputs want it: every
 * object closed ({@code additionalProperties: false}) with every property required; an
 * {@code Optional<T>} is still required but may be null ({@code anyOf} with {@code null}). Strings,
 * chars, numbers, booleans, enums (their JSON names), {@code List}/{@code Set}/{@code Collection}/arrays,
 * nested records and classes, and recursive types (through {@code $defs}) are supported; names and
 * descriptions follow {@link ClassProperties}.
 *
 * <p>What cannot be such a schema is refused with an {@link IllegalArgumentException} naming the class
 * and field: {@code Object} and unbound type variables, maps with non-String keys, maps at all under
 * {@link JsonSchemaLocalValidation#YES}, platform types without a JSON form (dates, BigDecimal),
 * abstract and inner classes, and recursion through required fields only, which no finite JSON fits.
 */
public final class ClassJsonSchema {
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final Set<Class<?>> STRINGS = Set.of(String.class, char.class, Character.class);
    private static final Set<Class<?>> INTEGERS = Set.of(byte.class, Byte.class, short.class, Short.class,
            int.class, Integer.class, long.class, Long.class);
    private static final Set<Class<?>> NUMBERS = Set.of(float.class, Float.class, double.class, Double.class);
    private static final Set<Class<?>> BOOLEANS = Set.of(boolean.class, Boolean.class);
    private static final Set<Class<?>> COLLECTIONS = Set.of(List.class, Set.class, Collection.class);

    private enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, ENUM, OPTIONAL, ARRAY, MAP, OBJECT }

    /** An object type reached from another through a property; {@code escapable} when an empty list or null ends it. */
    private record Edge(Type target, boolean escapable, String field) {}

    private final Class<?> root;
    private final JsonSchemaLocalValidation validation;
    private final Map<Type, List<Edge>> edges = new HashMap<>();
    private final Set<Type> recursive = new HashSet<>();
    private final Map<Type, String> definitionNames = new HashMap<>();
    private final Map<String, JsonValue> definitions = new LinkedHashMap<>();

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
        Map<String, JsonValue> schema = new LinkedHashMap<>();
        schema.put("$schema", JsonString.of(DRAFT_2020_12));
        schema.putAll(objectSchema(root));
        if (!definitions.isEmpty()) schema.put("$defs", JsonObject.of(definitions));
        return JsonObject.of(schema);
    }

    // ---- cycles

    /**
     * First through every property, marking the types that contain themselves; then, from every type
     * reached, through required object fields only, where any cycle is endless.
     */
    private void findCycles() {
        Map<Type, Boolean> reached = new LinkedHashMap<>();
        visit(root, false, reached, new ArrayList<>(), new ArrayList<>());
        Map<Type, Boolean> requiredOnly = new HashMap<>();
        for (Type node : reached.keySet()) {
            if (!requiredOnly.containsKey(node)) visit(node, true, requiredOnly, new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * Depth first; {@code visited} holds true while a type is on the path, false once done. Every
     * cycle holds a back edge, so marking back-edge targets breaks every cycle.
     */
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
            } else if (onPath) {
                if (requiredOnly) throw endless(edge, path, fields);
                recursive.add(edge.target());
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

    private Map<String, JsonValue> schema(Type type, String field) {
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
            case ENUM: {
                Class<?> enumType = Types.getRawType(type);
                ClassProperties.description(enumType).ifPresent(d -> s.put("description", JsonString.of(d)));
                s.put("type", JsonString.of("string"));
                List<JsonValue> names = new ArrayList<>();
                for (Object constant : enumType.getEnumConstants()) {
                    names.add(JsonString.of(ClassProperties.constantName((Enum<?>) constant)));
                }
                s.put("enum", JsonArray.of(names));
                break;
            }
            case OPTIONAL:
                s.put("anyOf", JsonArray.of(List.of(
                        JsonObject.of(schema(elementType(type), field)),
                        JsonObject.of(Map.of("type", JsonString.of("null"))))));
                break;
            case ARRAY:
                s.put("type", JsonString.of("array"));
                s.put("items", JsonObject.of(schema(elementType(type), field)));
                break;
            case MAP:
                s.put("type", JsonString.of("object"));
                s.put("additionalProperties", JsonObject.of(schema(mapValueType(type), field)));
                break;
            case OBJECT:
                return recursive.contains(type) ? reference(type) : objectSchema(type);
        }
        return s;
    }

    private Map<String, JsonValue> objectSchema(Type type) {
        Map<String, JsonValue> s = new LinkedHashMap<>();
        ClassProperties.description(Types.getRawType(type)).ifPresent(d -> s.put("description", JsonString.of(d)));
        s.put("type", JsonString.of("object"));
        Map<String, JsonValue> properties = new LinkedHashMap<>();
        List<JsonValue> required = new ArrayList<>();
        for (ClassProperties.Property p : properties(type)) {
            Map<String, JsonValue> property = schema(bare(p.type()), field(p));
            if (p.description().isPresent()) {
                Map<String, JsonValue> described = new LinkedHashMap<>();
                described.put("description", JsonString.of(p.description().get()));
                property.forEach(described::putIfAbsent);
                property = described;
            }
            properties.put(p.jsonName(), JsonObject.of(property));
            required.add(JsonString.of(p.jsonName()));
        }
        s.put("properties", JsonObject.of(properties));
        s.put("required", JsonArray.of(required));
        s.put("additionalProperties", JsonBoolean.of(false));
        return s;
    }

    /** A recursive type: defined once under $defs (the root is "#") and referred to everywhere. */
    private Map<String, JsonValue> reference(Type type) {
        String ref;
        if (type.equals(root)) {
            ref = "#";
        } else {
            String name = definitionNames.get(type);
            if (name == null) {
                name = definitionName(type);
                definitionNames.put(type, name);
                definitions.put(name, null); // reserves the name and the order while the body is built
                definitions.put(name, JsonObject.of(objectSchema(type)));
            }
            ref = "#/$defs/" + name;
        }
        Map<String, JsonValue> s = new LinkedHashMap<>();
        s.put("$ref", JsonString.of(ref));
        return s;
    }

    private String definitionName(Type type) {
        String base = describe(type).replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", "");
        String name = base;
        for (int i = 2; definitions.containsKey(name); i++) name = base + i;
        return name;
    }

    // ---- types

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
