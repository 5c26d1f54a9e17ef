package dev.switchboard.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the user's records, plain classes and enums under the names {@link ClassProperties}
 * gives them, so that answers to a schema from {@link ClassJsonSchema} read back: Jackson's
 * {@code @JsonProperty} and {@code @JsonIgnore} count as Moshi's own {@code @Json} does.
 *
 * <p>Records are read through their canonical constructor whatever their visibility (Moshi's own
 * record adapter needs a public one); a missing {@code Optional} component becomes
 * {@code Optional.empty()}. Plain classes need a no-argument constructor, as Jackson does; a class
 * without one is left to Moshi's reflective adapter, unless Jackson annotations would then be missed.
 * Enums are taken over only when Jackson names their constants.
 */
final class UserTypeAdapterFactory implements JsonAdapter.Factory {

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty() || !(type instanceof Class || type instanceof ParameterizedType)) return null;
        Class<?> raw = Types.getRawType(type);
        if (raw.isEnum()) {
            return ClassProperties.hasJacksonNames(raw) ? new EnumAdapter(raw).nullSafe() : null;
        }
        if (raw.isPrimitive() || raw.isArray() || ClassProperties.problem(raw).isPresent()) return null;
        List<Binding> bindings = bindings(type, moshi);
        if (raw.isRecord()) return new RecordAdapter<>(raw, bindings).nullSafe();
        Constructor<?> noArguments = noArgumentConstructor(raw);
        if (noArguments == null) {
            if (ClassProperties.hasJacksonNames(raw)) {
                throw new IllegalArgumentException(raw.getName() + " uses Jackson's @JsonProperty or @JsonIgnore but has no"
                        + " no-argument constructor to read it with; add one, or use Moshi's @Json(name = …, ignore = …)");
            }
            return null; // Moshi's class adapter creates it without a constructor, under the same names
        }
        return new ClassAdapter<>(noArguments, bindings).nullSafe();
    }

    private static List<Binding> bindings(Type type, Moshi moshi) {
        List<Binding> out = new ArrayList<>();
        for (ClassProperties.Property p : ClassProperties.of(type)) {
            Field field = p.field();
            field.setAccessible(true);
            JsonAdapter<Object> adapter = p.ignored() ? null : moshi.adapter(p.type(),
                    Types.getFieldJsonQualifierAnnotations(field.getDeclaringClass(), field.getName()));
            out.add(new Binding(p, field, adapter));
        }
        return out;
    }

    private static Constructor<?> noArgumentConstructor(Class<?> raw) {
        try {
            Constructor<?> constructor = raw.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** One property and the adapter of its type; ignored properties have none. */
    private record Binding(ClassProperties.Property property, Field field, JsonAdapter<Object> adapter) {
        boolean isOptional() {
            return Types.getRawType(property.type()) == Optional.class;
        }

        Object get(Object owner) {
            try {
                return field.get(owner);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + field, e);
            }
        }
    }

    /** The names of the bindings that are read and written, for fast matching, and where each one goes. */
    private static final class Names {
        final JsonReader.Options options;
        final int[] binding;

        Names(List<Binding> bindings) {
            List<String> names = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < bindings.size(); i++) {
                if (bindings.get(i).property().ignored()) continue;
                names.add(bindings.get(i).property().jsonName());
                indexes.add(i);
            }
            this.options = JsonReader.Options.of(names.toArray(new String[0]));
            this.binding = indexes.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static void write(JsonWriter writer, Object value, List<Binding> bindings) throws IOException {
        writer.beginObject();
        for (Binding b : bindings) {
            if (b.property().ignored()) continue;
            writer.name(b.property().jsonName());
            b.adapter().toJson(writer, b.get(value));
        }
        writer.endObject();
    }

    private static final class RecordAdapter<T> extends JsonAdapter<T> {
        private final Class<T> type;
        private final Constructor<T> constructor;
        private final List<Binding> bindings;
        private final Names names;

        @SuppressWarnings("unchecked")
        RecordAdapter(Class<?> type, List<Binding> bindings) {
            this.type = (Class<T>) type;
            this.bindings = bindings;
            this.names = new Names(bindings);
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) parameterTypes[i] = components[i].getType();
            try {
                this.constructor = this.type.getDeclaredConstructor(parameterTypes);
                this.constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }

        @Override
        public T fromJson(JsonReader reader) throws IOException {
            Object[] values = new Object[bindings.size()];
            boolean[] present = new boolean[bindings.size()];
            String path = reader.getPath();
            reader.beginObject();
            while (reader.hasNext()) {
                int index = reader.selectName(names.options);
                if (index == -1) {
                    reader.skipName();
                    reader.skipValue();
                    continue;
                }
                int i = names.binding[index];
                values[i] = bindings.get(i).adapter().fromJson(reader);
                present[i] = true;
            }
            for (int i = 0; i < values.length; i++) {
                if (present[i]) continue;
                Binding b = bindings.get(i);
                Class<?> componentType = b.field().getType();
                if (b.isOptional()) {
                    values[i] = Optional.empty();
                } else if (componentType.isPrimitive()) {
                    if (!b.property().ignored()) throw missing(b, path);
                    values[i] = Array.get(Array.newInstance(componentType, 1), 0);
                }
            }
            reader.endObject();
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                // The record's own checks (a compact constructor) refused the values.
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) throw (RuntimeException) cause;
                throw new JsonDataException(type.getSimpleName() + " refused its values at " + reader.getPath(), cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot construct " + type.getName(), e);
            }
        }

        @Override
        public void toJson(JsonWriter writer, T value) throws IOException {
            write(writer, value, bindings);
        }

        @Override
        public String toString() {
            return "JsonAdapter(" + type.getSimpleName() + ")";
        }
    }

    private static final class ClassAdapter<T> extends JsonAdapter<T> {
        private final Constructor<T> constructor;
        private final List<Binding> bindings;
        private final Names names;

        @SuppressWarnings("unchecked")
        ClassAdapter(Constructor<?> constructor, List<Binding> bindings) {
            this.constructor = (Constructor<T>) constructor;
            this.bindings = bindings;
            this.names = new Names(bindings);
        }

        @Override
        public T fromJson(JsonReader reader) throws IOException {
            T instance;
            try {
                instance = constructor.newInstance();
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) throw (RuntimeException) cause;
                throw new IllegalStateException("Cannot construct " + constructor.getDeclaringClass().getName(), cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot construct " + constructor.getDeclaringClass().getName(), e);
            }
            boolean[] present = new boolean[bindings.size()];
            reader.beginObject();
            while (reader.hasNext()) {
                int index = reader.selectName(names.options);
                if (index == -1) {
                    reader.skipName();
                    reader.skipValue();
                    continue;
                }
                int i = names.binding[index];
                set(bindings.get(i), instance, bindings.get(i).adapter().fromJson(reader));
                present[i] = true;
            }
            reader.endObject();
            for (int i = 0; i < present.length; i++) {
                Binding b = bindings.get(i);
                if (!present[i] && b.isOptional() && b.get(instance) == null) set(b, instance, Optional.empty());
            }
            return instance;
        }

        private static void set(Binding b, Object instance, Object value) {
            try {
                b.field().set(instance, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot set " + b.field(), e);
            }
        }

        @Override
        public void toJson(JsonWriter writer, T value) throws IOException {
            write(writer, value, bindings);
        }

        @Override
        public String toString() {
            return "JsonAdapter(" + constructor.getDeclaringClass().getSimpleName() + ")";
        }
    }

    private static JsonDataException missing(Binding b, String path) {
        String name = b.property().javaName();
        String json = b.property().jsonName();
        return new JsonDataException("Required value '" + name + "'"
                + (name.equals(json) ? "" : " (JSON name '" + json + "')") + " missing at " + path);
    }

    /** An enum whose constants Jackson names; Moshi's own adapter knows only {@code @Json}. */
    private static final class EnumAdapter extends JsonAdapter<Object> {
        private final Class<?> type;
        private final Object[] constants;
        private final String[] names;
        private final JsonReader.Options options;

        EnumAdapter(Class<?> type) {
            this.type = type;
            this.constants = type.getEnumConstants();
            this.names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) names[i] = ClassProperties.constantName((Enum<?>) constants[i]);
            this.options = JsonReader.Options.of(names);
        }

        @Override
        public Object fromJson(JsonReader reader) throws IOException {
            int index = reader.selectString(options);
            if (index != -1) return constants[index];
            String path = reader.getPath();
            String name = reader.nextString();
            throw new JsonDataException("Expected one of " + Arrays.asList(names) + " but was " + name + " at path " + path);
        }

        @Override
        public void toJson(JsonWriter writer, Object value) throws IOException {
            writer.value(names[((Enum<?>) value).ordinal()]);
        }

        @Override
        public String toString() {
            return "JsonAdapter(" + type.getSimpleName() + ")";
        }
    }
}
