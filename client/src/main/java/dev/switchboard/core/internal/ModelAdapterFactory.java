package dev.switchboard.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/** Lets Moshi (and so Retrofit) read and write Switchboard models: JSON tree in, model out. */
final class ModelAdapterFactory implements JsonAdapter.Factory {

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty() || !(type instanceof Class)) return null;
        ModelClass<?> model = ModelClass.of(Types.getRawType(type));
        return model == null ? null : new ModelAdapter<>(model).nullSafe();
    }

    private static final class ModelAdapter<T> extends JsonAdapter<T> {
        private final ModelClass<T> model;

        ModelAdapter(ModelClass<T> model) {
            this.model = model;
        }

        @Override
        public T fromJson(JsonReader reader) throws IOException {
            return model.wrap(JsonValueAdapter.INSTANCE.fromJson(reader));
        }

        @Override
        public void toJson(JsonWriter writer, T value) throws IOException {
            JsonValueAdapter.INSTANCE.toJson(writer, ModelClass.unwrap(value));
        }

        @Override
        public String toString() {
            return "JsonAdapter(" + model + ")";
        }
    }
}
