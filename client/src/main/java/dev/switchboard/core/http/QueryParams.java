package dev.switchboard.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** URL query parameters, each key with one or more values, in insertion order. Immutable. */
public final class QueryParams {
    private static final QueryParams EMPTY = new QueryParams(new LinkedHashMap<>());

    private final LinkedHashMap<String, List<String>> map;

    private QueryParams(LinkedHashMap<String, List<String>> map) {
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

    public Set<String> keys() {
        return Collections.unmodifiableSet(map.keySet());
    }

    public List<String> values(String key) {
        List<String> v = map.get(key);
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
        return o instanceof QueryParams && ((QueryParams) o).map.equals(map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    /** Keys only: some deployments carry keys in the query (api-key=…). */
    @Override
    public String toString() {
        return "QueryParams{keys=" + map.keySet() + "}";
    }

    public static final class Builder {
        private final LinkedHashMap<String, List<String>> map = new LinkedHashMap<>();

        private Builder() {}

        public Builder put(String key, String value) {
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder put(String key, Iterable<String> values) {
            for (String v : values) put(key, v);
            return this;
        }

        public Builder putAll(Map<String, ? extends Iterable<String>> params) {
            params.forEach(this::put);
            return this;
        }

        public Builder putAll(QueryParams params) {
            params.map.forEach(this::put);
            return this;
        }

        public Builder replace(String key, String value) {
            map.remove(key);
            return put(key, value);
        }

        public Builder replace(String key, Iterable<String> values) {
            map.remove(key);
            return put(key, values);
        }

        public Builder replaceAll(Map<String, ? extends Iterable<String>> params) {
            params.forEach(this::replace);
            return this;
        }

        public Builder replaceAll(QueryParams params) {
            params.map.forEach(this::replace);
            return this;
        }

        public Builder remove(String key) {
            map.remove(key);
            return this;
        }

        public Builder removeAll(Set<String> keys) {
            keys.forEach(map::remove);
            return this;
        }

        public Builder clear() {
            map.clear();
            return this;
        }

        public QueryParams build() {
            if (map.isEmpty()) return EMPTY;
            LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new QueryParams(copy);
        }
    }
}
