package dev.switchboard.core.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Jackson's annotations, read by class name. Classes written for the official SDK name and describe
 * their properties with them; reading them reflectively keeps those names and descriptions without
 * Switchboard depending on Jackson.
 */
final class JacksonAnnotations {
    private static final String PACKAGE = "com.fasterxml.jackson.annotation.";

    private JacksonAnnotations() {}

    /** The name {@code @JsonProperty("…")} gives, when it gives one (an empty value keeps the Java name). */
    static Optional<String> propertyName(AnnotatedElement... elements) {
        return stringValue("JsonProperty", elements).filter(name -> !name.isEmpty());
    }

    /** Whether {@code @JsonProperty} marks the element as a property, whatever name it gives. */
    static boolean property(AnnotatedElement... elements) {
        return value("JsonProperty", elements).isPresent();
    }

    /** {@code @JsonPropertyDescription("…")}. */
    static Optional<String> propertyDescription(AnnotatedElement... elements) {
        return stringValue("JsonPropertyDescription", elements).filter(text -> !text.isEmpty());
    }

    /** {@code @JsonClassDescription("…")}. */
    static Optional<String> classDescription(Class<?> type) {
        return stringValue("JsonClassDescription", type).filter(text -> !text.isEmpty());
    }

    /** {@code @JsonTypeName("…")}: the official SDK names a function tool with it. */
    static Optional<String> typeName(Class<?> type) {
        return stringValue("JsonTypeName", type).filter(name -> !name.isEmpty());
    }

    /** {@code @JsonIgnore} (its value defaults to true; {@code @JsonIgnore(false)} cancels it). */
    static boolean ignored(AnnotatedElement... elements) {
        return value("JsonIgnore", elements).map(Boolean.TRUE::equals).orElse(false);
    }

    private static Optional<String> stringValue(String annotation, AnnotatedElement... elements) {
        return value(annotation, elements).map(String.class::cast);
    }

    private static Optional<Object> value(String annotation, AnnotatedElement... elements) {
        String name = PACKAGE + annotation;
        for (AnnotatedElement element : elements) {
            if (element == null) continue;
            for (Annotation a : element.getDeclaredAnnotations()) {
                if (a.annotationType().getName().equals(name)) return Optional.of(invokeValue(a));
            }
        }
        return Optional.empty();
    }

    private static Object invokeValue(Annotation annotation) {
        try {
            Method value = annotation.annotationType().getMethod("value");
            return value.invoke(annotation);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + annotation.annotationType().getName() + ".value()", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + annotation.annotationType().getName() + ".value()", e.getCause());
        }
    }
}
