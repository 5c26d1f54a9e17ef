package dev.switchboard.core.internal;

import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * How to wrap JSON into one of Switchboard's model classes and get it back out. Object models
 * ({@link JsonModel}) have a private constructor taking a {@link Struct}; unions ({@link JsonUnion})
 * and enum classes ({@link StringEnum}) one taking a {@link JsonValue}. Found once per class, so
 * models need no public plumbing.
 */
final class ModelClass<T> {
    private static final ClassValue<ModelClass<?>> CACHE = new ClassValue<>() {
        @Override
        protected ModelClass<?> computeValue(Class<?> type) {
            return find(type);
        }
    };
    private static final ModelClass<?> NONE = new ModelClass<>(null, null);

    private final Class<T> type;
    private final Constructor<T> constructor;

    private ModelClass(Class<T> type, Constructor<T> constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    /** The model description of {@code type}, or null when it is not a Switchboard model. */
    @SuppressWarnings("unchecked")
    static <T> ModelClass<T> of(Class<T> type) {
        ModelClass<?> model = CACHE.get(type);
        return model == NONE ? null : (ModelClass<T>) model;
    }

    T wrap(JsonValue json) {
        Object argument = JsonModel.class.isAssignableFrom(type) ? Struct.of(json, type.getSimpleName()) : json;
        try {
            return constructor.newInstance(argument);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            throw new OpenAIInvalidDataException("Cannot read " + type.getSimpleName(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type.getName(), e);
        }
    }

    static JsonValue unwrap(Object model) {
        if (model instanceof JsonModel) return ((JsonModel) model).struct.json();
        if (model instanceof JsonUnion) return ((JsonUnion) model).json;
        return ((StringEnum) model).json;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ModelClass<?> find(Class<?> type) {
        Class<?> argument;
        if (JsonModel.class.isAssignableFrom(type)) {
            argument = Struct.class;
        } else if (JsonUnion.class.isAssignableFrom(type) || StringEnum.class.isAssignableFrom(type)) {
            argument = JsonValue.class;
        } else {
            return NONE;
        }
        try {
            Constructor constructor = type.getDeclaredConstructor(argument);
            constructor.setAccessible(true);
            return new ModelClass(type, constructor);
        } catch (NoSuchMethodException e) {
            return NONE;
        }
    }

    static boolean isModel(Object value) {
        return value instanceof JsonModel || value instanceof JsonUnion || value instanceof StringEnum;
    }

    @Override
    public String toString() {
        return "ModelClass(" + (type == null ? "none" : type.getName()) + ")";
    }
}
