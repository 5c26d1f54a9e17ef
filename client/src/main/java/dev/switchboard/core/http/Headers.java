package dev.switchboard.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** HTTP headers: names compared without case, each with one or more values. Immutable. */
public final class Headers {
    private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final TreeMap<String, List<String>> map;

    private Headers(TreeMap<String, List<String>> map) {
        this.map = map;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        map.forEach((k, v) -> b.map.put(k, new ArrayList<>(v)));
        return b;
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(map.keySet());
    }

    public List<String> values(String name) {
        List<String> v = map.get(name);
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    public int size() {
        int n = 0;
        for (List<String> v : map.values()) n += v.size();
        return n;
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers && ((Headers) o).map.equals(map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    /** Names only: header values may hold credentials. */
    @Override
    public String toString() {
        return "Headers{names=" + map.keySet() + "}";
    }

    public static final class Builder {
        private final TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {}

        public Builder put(String name, String value) {
            map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder put(String name, Iterable<String> values) {
            for (String v : values) put(name, v);
            return this;
        }

        public Builder putAll(Map<String, ? extends Iterable<String>> headers) {
            headers.forEach(this::put);
            return this;
        }

        public Builder putAll(Headers headers) {
            headers.map.forEach(this::put);
            return this;
        }

        public Builder replace(String name, String value) {
            map.remove(name);
            return put(name, value);
        }

        public Builder replace(String name, Iterable<String> values) {
            map.remove(name);
            return put(name, values);
        }

        public Builder replaceAll(Map<String, ? extends Iterable<String>> headers) {
            headers.forEach(this::replace);
            return this;
        }

        public Builder replaceAll(Headers headers) {
            headers.map.forEach(this::replace);
            return this;
        }

        public Builder remove(String name) {
            map.remove(name);
            return this;
        }

        public Builder removeAll(Set<String> names) {
            names.forEach(map::remove);
            return this;
        }

        public Builder clear() {
            map.clear();
            return this;
        }

        public Headers build() {
            if (map.isEmpty()) return EMPTY;
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new Headers(copy);
        }
    }
}
