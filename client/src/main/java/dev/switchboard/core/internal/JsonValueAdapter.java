package dev.switchboard.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonBoolean;
import dev.switchboard.core.JsonMissing;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;

/** Reads any JSON into a {@link JsonValue} tree and writes one back, on Moshi's streaming reader and writer. */
public final class JsonValueAdapter extends JsonAdapter<JsonValue> {
    static final JsonValueAdapter INSTANCE = new JsonValueAdapter();

    private JsonValueAdapter() {}

    /** Parses a whole JSON document; malformed JSON is an {@link OpenAIInvalidDataException}. */
    public static JsonValue parse(String json) {
        return parse(new Buffer().writeUtf8(json));
    }

    public static JsonValue parse(BufferedSource source) {
        try (JsonReader reader = JsonReader.of(source)) {
            try {
                JsonValue value = INSTANCE.fromJson(reader);
                if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                    throw new OpenAIInvalidDataException("Malformed JSON: unexpected data after the value");
                }
                return value;
            } catch (IOException e) {
                // Moshi's syntax errors name the path; the end of input (JSON cut short) does not.
                String message = e.getMessage();
                if (message == null || !message.contains(" at path ")) message += " at path " + reader.getPath();
                throw new OpenAIInvalidDataException("Malformed JSON: " + message, e);
            }
        } catch (IOException e) {
            throw new OpenAIInvalidDataException("Malformed JSON: " + e.getMessage(), e);
        }
    }

    public static String toJsonString(JsonValue value) {
        Buffer buffer = new Buffer();
        write(value, buffer);
        return buffer.readUtf8();
    }

    public static void write(JsonValue value, Buffer sink) {
        try (JsonWriter writer = JsonWriter.of(sink)) {
            writer.setSerializeNulls(true);
            INSTANCE.toJson(writer, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JsonValue fromJson(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                Map<String, JsonValue> values = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    values.put(name, fromJson(reader));
                }
                reader.endObject();
                return JsonObject.of(values);
            }
            case BEGIN_ARRAY: {
                List<JsonValue> values = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) values.add(fromJson(reader));
                reader.endArray();
                return JsonArray.of(values);
            }
            case STRING:
                return JsonString.of(reader.nextString());
            case NUMBER:
                return JsonNumber.of(number(reader.nextString()));
            case BOOLEAN:
                return JsonBoolean.of(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.of();
            default:
                throw new OpenAIInvalidDataException("Malformed JSON: unexpected " + reader.peek() + " at " + reader.getPath());
        }
    }

    private static Number number(String literal) {
        boolean integral = literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
        if (integral) {
            if (literal.length() < 18) return Long.parseLong(literal);
            BigInteger big = new BigInteger(literal);
            return big.bitLength() < 64 ? (Number) big.longValue() : big;
        }
        return Double.parseDouble(literal);
    }

    @Override
    public void toJson(JsonWriter writer, JsonValue value) throws IOException {
        if (value == null || value instanceof JsonMissing || value instanceof JsonNull) {
            writer.nullValue();
        } else if (value instanceof JsonString) {
            writer.value(((JsonString) value).value());
        } else if (value instanceof JsonNumber) {
            writer.value(((JsonNumber) value).value());
        } else if (value instanceof JsonBoolean) {
            writer.value(((JsonBoolean) value).value());
        } else if (value instanceof JsonArray) {
            writer.beginArray();
            for (JsonValue element : ((JsonArray) value).values()) toJson(writer, element);
            writer.endArray();
        } else {
            writer.beginObject();
            for (Map.Entry<String, JsonValue> e : ((JsonObject) value).values().entrySet()) {
                // A missing value is "not set": it is left out, never sent as null.
                if (e.getValue() instanceof JsonMissing) continue;
                writer.name(e.getKey());
                toJson(writer, e.getValue());
            }
            writer.endObject();
        }
    }

    @Override
    public String toString() {
        return "JsonAdapter(JsonValue)";
    }
}
