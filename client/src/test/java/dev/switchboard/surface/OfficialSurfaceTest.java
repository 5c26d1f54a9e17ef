package dev.switchboard.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Every member the official SDK's own examples touch (the reference list, read from the compiled
 * official examples) exists under {@code dev.switchboard} with the same name, parameter types and
 * return type. Jackson-typed members are out of scope.
 */
class OfficialSurfaceTest {
    private static final String ROOT = "dev.switchboard.";

    @Test
    void everyReferencedMemberExistsWithItsOfficialSignature() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String line : referenceLines()) {
            String[] parts = line.split("\\s+", 2);
            String problem = parts[0].equals("field") ? checkField(parts[1]) : checkMethod(parts[1]);
            if (problem != null) missing.add(line + "  <- " + problem);
        }
        assertThat(missing).as("official members missing or different").isEmpty();
    }

    private static List<String> referenceLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                OfficialSurfaceTest.class.getResourceAsStream("/openai-java-4-surface.txt")), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#") || line.contains("jackson")) continue;
                lines.add(line.trim());
            }
        }
        return lines;
    }

    private static String checkField(String spec) {
        int dot = spec.lastIndexOf('.');
        Class<?> owner = type(spec.substring(0, dot));
        if (owner == null) return "no class " + spec.substring(0, dot);
        try {
            Field f = owner.getField(spec.substring(dot + 1));
            return Modifier.isStatic(f.getModifiers()) ? null : "not static";
        } catch (NoSuchFieldException e) {
            return "no such field";
        }
    }

    /** {@code owner.name(Param, Param) -> ReturnType}, names relative to the root package or java. */
    private static String checkMethod(String spec) {
        String signature = spec.substring(0, spec.indexOf(" -> ")).trim();
        String returns = spec.substring(spec.indexOf(" -> ") + 4).trim();
        String head = signature.substring(0, signature.indexOf('('));
        String params = signature.substring(signature.indexOf('(') + 1, signature.length() - 1);
        int dot = head.lastIndexOf('.');
        Class<?> owner = type(head.substring(0, dot));
        if (owner == null) return "no class " + head.substring(0, dot);
        String name = head.substring(dot + 1);
        List<Class<?>> wanted = new ArrayList<>();
        for (String p : params.isEmpty() ? new String[0] : params.split(",\\s*")) {
            Class<?> t = type(p);
            if (t == null) return "no parameter type " + p;
            wanted.add(t);
        }
        Class<?> wantedReturn = returns.equals("void") ? void.class : type(returns);
        for (Method m : owner.getMethods()) {
            if (!m.getName().equals(name) || !Arrays.asList(m.getParameterTypes()).equals(wanted)) continue;
            Class<?> returned = returnType(owner, m);
            if (wantedReturn == null || wantedReturn.isAssignableFrom(returned)) return null;
            return "returns " + returned.getName();
        }
        return "no method " + name + wanted;
    }

    /**
     * The return type as the source sees it from {@code owner}: a builder method inherited from a
     * generic base ({@code ModelBuilder<Builder>}) returns the owner's builder, not the erased base.
     */
    private static Class<?> returnType(Class<?> owner, Method m) {
        Type generic = m.getGenericReturnType();
        if (!(generic instanceof TypeVariable)) return m.getReturnType();
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            Type superType = c.getGenericSuperclass();
            if (superType instanceof ParameterizedType
                    && ((ParameterizedType) superType).getRawType() == m.getDeclaringClass()) {
                TypeVariable<?>[] variables = m.getDeclaringClass().getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    Type actual = ((ParameterizedType) superType).getActualTypeArguments()[i];
                    if (variables[i].equals(generic) && actual instanceof Class) return (Class<?>) actual;
                }
            }
        }
        return m.getReturnType();
    }

    /** Resolves names as the reference writes them: relative to the root, or a JDK type. */
    private static Class<?> type(String name) {
        switch (name) {
            case "long":
                return long.class;
            case "double":
                return double.class;
            case "boolean":
                return boolean.class;
            case "int":
                return int.class;
            case "String":
            case "Object":
            case "Class":
                return load("java.lang." + name);
            case "List":
            case "Map":
            case "Optional":
                return load("java.util." + name);
            default:
                break;
        }
        if (name.startsWith("concurrent.") || name.startsWith("function.") || name.startsWith("stream.")) {
            return load("java.util." + name);
        }
        if (name.startsWith("java.")) return load(name);
        return load(ROOT + name);
    }

    /** Loads a class, trying nested-class names when the dotted name is not a top-level class. */
    private static Class<?> load(String dotted) {
        String candidate = dotted;
        while (true) {
            try {
                return Class.forName(candidate);
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) return null;
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }
}
