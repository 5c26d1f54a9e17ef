package dev.switchboard.core.internal;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonBoolean;
import dev.switchboard.core.JsonMissing;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON object behind every model: fields are read by name with typed accessors that accept
 * what sloppy servers send and fail, only when read, with a message naming the field. Unknown
 * fields are kept, so what came in can go out again unchanged.
 */
public final class Struct {
    private static final Struct EMPTY = new Struct(JsonObject.of(Map.of()));

    private final JsonObject json;

    private Struct(JsonObject json) {
        this.json = json;
    }

    public static Struct of(JsonObject json) {
        return new Struct(json);
    }

    public static Struct empty() {
        return EMPTY;
    }

    /** The value as an object, or an exception naming {@code what} when it is not one. */
    public static Struct of(JsonValue value, String what) {
        if (value instanceof JsonObject) return new Struct((JsonObject) value);
        throw invalid(what, value);
    }

    public JsonObject json() {
        return json;
    }

    /** The raw value of a field; {@link JsonMissing} when absent. */
    public JsonValue get(String name) {
        JsonValue v = json.values().get(name);
        return v == null ? JsonMissing.of() : v;
    }

    /** Whether the field is present and not null. */
    public boolean has(String name) {
        JsonValue v = json.values().get(name);
        return v != null && !(v instanceof JsonNull);
    }

    public String string(String name) {
        return required(name, optionalString(name));
    }

    public Optional<String> optionalString(String name) {
        JsonValue v = get(name);
        if (absent(v)) return Optional.empty();
        if (v instanceof JsonString) return Optional.of(((JsonString) v).value());
        throw invalid(name, v);
    }

    public long integer(String name) {
        return required(name, optionalInteger(name));
    }

    public Optional<Long> optionalInteger(String name) {
        JsonValue v = get(name);
        if (absent(v)) return Optional.empty();
        if (v instanceof JsonNumber) {
            Number n = ((JsonNumber) v).value();
            double d = n.doubleValue();
            if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
                return Optional.of(n.longValue());
            }
            if (d == Math.rint(d) && !Double.isInfinite(d)) return Optional.of((long) d);
        }
        throw invalid(name, v);
    }

    public double number(String name) {
        return required(name, optionalNumber(name));
    }

    public Optional<Double> optionalNumber(String name) {
        JsonValue v = get(name);
        if (absent(v)) return Optional.empty();
        if (v instanceof JsonNumber) return Optional.of(((JsonNumber) v).value().doubleValue());
        throw invalid(name, v);
    }

    public boolean bool(String name) {
        return required(name, optionalBool(name));
    }

    public Optional<Boolean> optionalBool(String name) {
        JsonValue v = get(name);
        if (absent(v)) return Optional.empty();
        if (v instanceof JsonBoolean) return Optional.of(((JsonBoolean) v).value());
        throw invalid(name, v);
    }

    /** A nested object field, wrapped by {@code wrap}. */
    public <T> T object(String name, Function<Struct, T> wrap) {
        return required(name, optionalObject(name, wrap));
    }

    public <T> Optional<T> optionalObject(String name, Function<Struct, T> wrap) {
        JsonValue v = get(name);
        if (absent(v)) return Optional.empty();
        if (v instanceof JsonObject) return Optional.of(wrap.apply(new Struct((JsonObject) v)));
        throw invalid(name, v);
    }

    /** A field of any JSON shape (an enum class or a union), wrapped by {@code wrap}. */
    public <T> T value(String name, Function<JsonValue, T> wrap) {
        return required(name, optionalValue(name, wrap));
    }

    public <T> Optional<T> optionalValue(String name, Function<JsonValue, T> wrap) {
        JsonValue v = get(name);
        if (absent(v)) return Optional.empty();
        return Optional.of(wrap.apply(v));
    }

    /** An array field; each element is wrapped by {@code wrap}. */
    public <T> List<T> list(String name, Function<JsonValue, T> wrap) {
        return required(name, optionalList(name, wrap));
    }

    public <T> Optional<List<T>> optionalList(String name, Function<JsonValue, T> wrap) {
        JsonValue v = get(name);
        if (absent(v)) return Optional.empty();
        if (!(v instanceof JsonArray)) throw invalid(name, v);
        List<JsonValue> values = ((JsonArray) v).values();
        List<T> out = new ArrayList<>(values.size());
        for (JsonValue element : values) out.add(wrap.apply(element));
        return Optional.of(Collections.unmodifiableList(out));
    }

    /** An array of objects; each element is wrapped by {@code wrap}. */
    public <T> List<T> objects(String name, Function<Struct, T> wrap) {
        return list(name, element -> wrap.apply(of(element, name + "[]")));
    }

    public <T> Optional<List<T>> optionalObjects(String name, Function<Struct, T> wrap) {
        return optionalList(name, element -> wrap.apply(of(element, name + "[]")));
    }

    public List<String> strings(String name) {
        return list(name, element -> stringElement(name, element));
    }

    public Optional<List<String>> optionalStrings(String name) {
        return optionalList(name, element -> stringElement(name, element));
    }

    /** A field holding a model, an enum class or a union (see {@link JsonBinding#fromJson}). */
    public <T> T model(String name, Class<T> type) {
        return required(name, optionalModel(name, type));
    }

    public <T> Optional<T> optionalModel(String name, Class<T> type) {
        JsonValue v = get(name);
        if (absent(v)) return Optional.empty();
        return Optional.of(convert(name, v, type));
    }

    /** An array of models, enum classes or unions. */
    public <T> List<T> models(String name, Class<T> type) {
        return required(name, optionalModels(name, type));
    }

    public <T> Optional<List<T>> optionalModels(String name, Class<T> type) {
        return optionalList(name, element -> convert(name + "[]", element, type));
    }

    private static <T> T convert(String name, JsonValue value, Class<T> type) {
        if (JsonModel.class.isAssignableFrom(type) && !(value instanceof JsonObject)) throw invalid(name, value);
        return JsonBinding.fromJson(value, type);
    }

    /** An array of numbers as floats, read without a detour through Moshi: embeddings are long. */
    public List<Float> floats(String name) {
        return required(name, optionalFloats(name));
    }

    public Optional<List<Float>> optionalFloats(String name) {
        return optionalList(name, element -> {
            if (element instanceof JsonNumber) return ((JsonNumber) element).value().floatValue();
            throw invalid(name + "[]", element);
        });
    }

    /** An array of integers, such as token ids. */
    public List<Long> longs(String name) {
        return required(name, optionalLongs(name));
    }

    public Optional<List<Long>> optionalLongs(String name) {
        return optionalList(name, element -> {
            if (element instanceof JsonNumber) {
                Number n = ((JsonNumber) element).value();
                if (n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
            }
            throw invalid(name + "[]", element);
        });
    }

    /** The fields whose names are not in {@code known}, in their order. */
    public Map<String, JsonValue> additionalProperties(Set<String> known) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        json.values().forEach((k, v) -> {
            if (!known.contains(k)) out.put(k, v);
        });
        return Collections.unmodifiableMap(out);
    }

    public Builder toBuilder() {
        return new Builder(json.values());
    }

    public static Builder builder() {
        return new Builder(Map.of());
    }

    /** {@code Type{field=value, …}}, the shape of the official SDK's toString. */
    public String toString(String typeName) {
        StringBuilder out = new StringBuilder(typeName).append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : json.values().entrySet()) {
            if (!first) out.append(", ");
            out.append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return out.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Struct && ((Struct) o).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json.toString();
    }

    private static String stringElement(String name, JsonValue element) {
        if (element instanceof JsonString) return ((JsonString) element).value();
        throw invalid(name + "[]", element);
    }

    private static boolean absent(JsonValue v) {
        return v instanceof JsonMissing || v instanceof JsonNull;
    }

    private <T> T required(String name, Optional<T> value) {
        if (value.isPresent()) return value.get();
        throw new OpenAIInvalidDataException("`" + name + "` is not present");
    }

    private static OpenAIInvalidDataException invalid(String name, JsonValue value) {
        return new OpenAIInvalidDataException("`" + name + "` is invalid, received " + JsonValueAdapter.toJsonString(value));
    }

    /** Collects fields in the order they are set; {@link #build} checks the required ones. */
    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> values;

        private Builder(Map<String, JsonValue> initial) {
            this.values = new LinkedHashMap<>(initial);
        }

        /** Sets a field; Java null becomes JSON null, as the official SDK sends it. */
        public Builder put(String name, JsonValue value) {
            values.put(name, value == null ? JsonNull.of() : value);
            return this;
        }

        /** Sets a field from any Java value (see {@link JsonValue#from}). */
        public Builder put(String name, Object value) {
            return put(name, JsonValue.from(value));
        }

        /** Sets a field from an Optional: empty becomes JSON null. */
        public Builder putOptional(String name, Optional<?> value) {
            return put(name, JsonValue.from(value.orElse(null)));
        }

        /** Appends to an array field, creating it when absent. */
        public Builder add(String name, Object element) {
            JsonValue current = values.get(name);
            List<JsonValue> list = new ArrayList<>();
            if (current instanceof JsonArray) list.addAll(((JsonArray) current).values());
            list.add(JsonValue.from(element));
            values.put(name, JsonArray.of(list));
            return this;
        }

        public Builder putAll(Map<String, ? extends JsonValue> entries) {
            entries.forEach(this::put);
            return this;
        }

        public Builder remove(String name) {
            values.remove(name);
            return this;
        }

        /** Removes every field not named in {@code keep}; "set all additional properties" starts with it. */
        public Builder retainOnly(Set<String> keep) {
            values.keySet().retainAll(keep);
            return this;
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        public JsonValue get(String name) {
            JsonValue v = values.get(name);
            return v == null ? JsonMissing.of() : v;
        }

        /** The struct, or IllegalStateException naming the first required field not set. */
        public Struct build(String... required) {
            return build(List.of(), required);
        }

        /**
         * The struct with the fields named in {@code order} first, in that order (the schema's order,
         * as the official SDK writes them), then any others as they were set.
         */
        public Struct build(List<String> order, String... required) {
            for (String name : required) {
                if (!values.containsKey(name)) {
                    throw new IllegalStateException("`" + name + "` is required, but was not set");
                }
            }
            if (order.isEmpty()) return new Struct(JsonObject.of(values));
            LinkedHashMap<String, JsonValue> ordered = new LinkedHashMap<>();
            for (String name : order) {
                JsonValue v = values.get(name);
                if (v != null) ordered.put(name, v);
            }
            values.forEach(ordered::putIfAbsent);
            return new Struct(JsonObject.of(ordered));
        }
    }
}
