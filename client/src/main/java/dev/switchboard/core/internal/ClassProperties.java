package dev.switchboard.core.internal;

import com.squareup.moshi.Json;
import com.squareup.moshi.Types;
import dev.switchboard.core.JsonField;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's record or plain class seen as a JSON object: its properties with their JSON names,
 * resolved types and descriptions. The schema derived from a class ({@link ClassJsonSchema}) and
 * the reading and writing of its values ({@link UserTypeAdapterFactory}) follow these same rules,
 * so the names a model is asked for are the names read back.
 *
 * <p>A property's name is Moshi's {@code @Json(name = …)}, else Jackson's {@code @JsonProperty("…")},
 * else the Java name. Static and transient fields, {@code @Json(ignore = true)} and Jackson's
 * {@code @JsonIgnore} are left out. A record's properties are its components, in order; a class's are
 * its fields, those of its superclasses first, that Jackson (and so the official SDK) sees as
 * properties: public fields, fields named by {@code @JsonProperty} or {@code @Json}, and fields with a
 * public getter ({@code getX}, {@code isX} for booleans) or setter. Any other field is the class's own
 * business, never asked of a model nor read from its answer.
 */
final class ClassProperties {
    private static final List<String> PLATFORM_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "android.", "kotlin.", "scala.");

    /** One property. {@code ignored} ones are kept (a record's constructor still takes them) but never read or written. */
    record Property(String javaName, String jsonName, Type type, Optional<String> description, boolean ignored, Field field) {}

    private ClassProperties() {}

    /**
     * The properties of {@code type}, a record or plain class (raw, or parameterized with its type
     * arguments, which are substituted into the properties' types).
     */
    static List<Property> of(Type type) {
        Class<?> raw = Types.getRawType(type);
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        bind(raw, type, bindings);
        List<Property> properties = new ArrayList<>();
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                Field field = declaredField(raw, component.getName());
                Method accessor = component.getAccessor();
                properties.add(property(component.getName(), resolve(component.getGenericType(), bindings), field,
                        component, field, accessor));
            }
        } else {
            List<Class<?>> chain = new ArrayList<>();
            Map<Class<?>, Map<TypeVariable<?>, Type>> chainBindings = new HashMap<>();
            Type current = type;
            for (Class<?> c = raw; c != null && c != Object.class && !isPlatform(c); c = c.getSuperclass()) {
                chain.add(c);
                Map<TypeVariable<?>, Type> b = new HashMap<>(bindings);
                bind(c, current, b);
                chainBindings.put(c, b);
                bindings = b;
                current = resolve(c.getGenericSuperclass(), b);
            }
            Collections.reverse(chain);
            for (Class<?> c : chain) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) continue;
                    Property property = property(field.getName(), resolve(field.getGenericType(), chainBindings.get(c)), field, field);
                    if (property.ignored() || isVisible(raw, field)) properties.add(property);
                }
            }
        }
        checkDistinctNames(raw, properties);
        return properties;
    }

    /** Whether Jackson sees {@code field} of a plain class as a property of {@code owner}. */
    private static boolean isVisible(Class<?> owner, Field field) {
        if (Modifier.isPublic(field.getModifiers()) || moshiJson(field) != null || JacksonAnnotations.property(field)) return true;
        String name = field.getName();
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        boolean bool = field.getType() == boolean.class || field.getType() == Boolean.class;
        for (Method method : owner.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) continue;
            int parameters = method.getParameterCount();
            String methodName = method.getName();
            if ((parameters == 0 && methodName.equals("get" + suffix))
                    || (parameters == 0 && bool && methodName.equals("is" + suffix))
                    || (parameters == 1 && methodName.equals("set" + suffix))) {
                return true;
            }
        }
        return false;
    }

    private static Property property(String javaName, Type type, Field field, AnnotatedElement... annotated) {
        Json json = moshiJson(annotated);
        boolean ignored = (json != null && json.ignore()) || JacksonAnnotations.ignored(annotated);
        String jsonName = json != null && !Json.UNSET_NAME.equals(json.name())
                ? json.name()
                : JacksonAnnotations.propertyName(annotated).orElse(javaName);
        return new Property(javaName, jsonName, type, JacksonAnnotations.propertyDescription(annotated), ignored, field);
    }

    /** Whether a Jackson annotation renames or hides a property of {@code raw}: Moshi alone would miss it. */
    static boolean hasJacksonNames(Class<?> raw) {
        if (raw.isEnum()) {
            for (Field constant : raw.getDeclaredFields()) {
                if (constant.isEnumConstant() && moshiJson(constant) == null
                        && JacksonAnnotations.propertyName(constant).isPresent()) {
                    return true;
                }
            }
            return false;
        }
        for (Class<?> c = raw; c != null && c != Object.class && !isPlatform(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || moshiJson(field) != null) continue;
                if (JacksonAnnotations.propertyName(field).isPresent() || JacksonAnnotations.ignored(field)) return true;
            }
        }
        return false;
    }

    /** The JSON string of an enum constant: {@code @Json(name)}, else {@code @JsonProperty}, else its name. */
    static String constantName(Enum<?> constant) {
        Field field = declaredField(constant.getDeclaringClass(), constant.name());
        Json json = moshiJson(field);
        if (json != null && !Json.UNSET_NAME.equals(json.name())) return json.name();
        return JacksonAnnotations.propertyName(field).orElse(constant.name());
    }

    /** {@code @JsonClassDescription} of a class or enum. */
    static Optional<String> description(Class<?> type) {
        return JacksonAnnotations.classDescription(type);
    }

    /** The name of a function tool taken from a class: {@code @JsonTypeName}, else the simple name. */
    static String typeName(Class<?> type) {
        return JacksonAnnotations.typeName(type).orElse(type.getSimpleName());
    }

    /**
     * Why values of {@code raw} cannot be read as a JSON object, or empty when they can: it must be a
     * concrete, static, non-platform class or record.
     */
    static Optional<String> problem(Class<?> raw) {
        if (JsonModel.class.isAssignableFrom(raw) || JsonUnion.class.isAssignableFrom(raw)
                || StringEnum.class.isAssignableFrom(raw) || JsonField.class.isAssignableFrom(raw)) {
            return Optional.of("is a Switchboard API type; structured outputs take the user's own records and classes");
        }
        if (isPlatform(raw)) {
            return Optional.of("is a platform type with no JSON form here; use String, a number, boolean, an enum,"
                    + " List, Set, Optional, a record or a class");
        }
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            return Optional.of("is abstract; JSON can only be read into a concrete record or class");
        }
        if (!raw.isRecord() && (raw.isAnonymousClass() || raw.isLocalClass())) {
            return Optional.of("is an anonymous or local class; declare it as a top-level or static nested class");
        }
        if (raw.isMemberClass() && !Modifier.isStatic(raw.getModifiers())) {
            return Optional.of("is an inner class; make it static, so it can be created without an enclosing instance");
        }
        return Optional.empty();
    }

    static boolean isPlatform(Class<?> raw) {
        String name = raw.getName();
        for (String prefix : PLATFORM_PREFIXES) if (name.startsWith(prefix)) return true;
        return false;
    }

    /** {@code type} with the type variables bound in {@code bindings} replaced; unbound ones stay. */
    static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable) {
            return bindings.getOrDefault(type, type);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Type[] args = p.getActualTypeArguments().clone();
            for (int i = 0; i < args.length; i++) args[i] = resolve(args[i], bindings);
            Type owner = p.getOwnerType();
            return owner == null
                    ? Types.newParameterizedType(p.getRawType(), args)
                    : Types.newParameterizedTypeWithOwner(owner, p.getRawType(), args);
        }
        if (type instanceof GenericArrayType) {
            return Types.arrayOf(resolve(((GenericArrayType) type).getGenericComponentType(), bindings));
        }
        if (type instanceof WildcardType) {
            WildcardType w = (WildcardType) type;
            if (w.getLowerBounds().length > 0) return Types.supertypeOf(resolve(w.getLowerBounds()[0], bindings));
            return Types.subtypeOf(resolve(w.getUpperBounds()[0], bindings));
        }
        return type;
    }

    /** Binds the type parameters of {@code raw} to the arguments of {@code type}, when it has them. */
    private static void bind(Class<?> raw, Type type, Map<TypeVariable<?>, Type> bindings) {
        if (!(type instanceof ParameterizedType)) return;
        TypeVariable<?>[] parameters = raw.getTypeParameters();
        Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
        for (int i = 0; i < parameters.length && i < arguments.length; i++) bindings.put(parameters[i], arguments[i]);
    }

    private static void checkDistinctNames(Class<?> raw, List<Property> properties) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Property p : properties) {
            if (p.ignored()) continue;
            String previous = seen.put(p.jsonName(), p.javaName());
            if (previous != null) {
                throw new IllegalArgumentException(raw.getName() + " has two properties named `" + p.jsonName()
                        + "` in JSON: " + previous + " and " + p.javaName());
            }
        }
    }

    private static Json moshiJson(AnnotatedElement... elements) {
        for (AnnotatedElement element : elements) {
            Json json = element == null ? null : element.getAnnotation(Json.class);
            if (json != null) return json;
        }
        return null;
    }

    private static Field declaredField(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + " has no field " + name, e);
        }
    }
}
