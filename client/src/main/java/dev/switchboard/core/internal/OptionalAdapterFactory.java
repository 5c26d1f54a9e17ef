package dev.switchboard.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;

/** {@code Optional<T>} as T or null, for structured-output classes that use Optional fields. */
final class OptionalAdapterFactory implements JsonAdapter.Factory {

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (Types.getRawType(type) != Optional.class) return null;
        Type element = type instanceof ParameterizedType
                ? ((ParameterizedType) type).getActualTypeArguments()[0]
                : Object.class;
        return new OptionalAdapter<>(moshi.adapter(element, annotations));
    }

    private static final class OptionalAdapter<T> extends JsonAdapter<Optional<T>> {
        private final JsonAdapter<T> element;

        OptionalAdapter(JsonAdapter<T> element) {
            this.element = element;
        }

        @Override
        public Optional<T> fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NULL) {
                reader.nextNull();
                return Optional.empty();
            }
            return Optional.ofNullable(element.fromJson(reader));
        }

        @Override
        public void toJson(JsonWriter writer, Optional<T> value) throws IOException {
            if (value == null || value.isEmpty()) {
                writer.nullValue();
            } else {
                element.toJson(writer, value.get());
            }
        }

        @Override
        public String toString() {
            return "JsonAdapter(Optional<" + element + ">)";
        }
    }
}
