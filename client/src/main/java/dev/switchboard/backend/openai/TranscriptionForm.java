package dev.switchboard.backend.openai;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonBoolean;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.MultipartField;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * The multipart form of a transcription, as the official SDK writes it: the file first, then each
 * field as text; arrays as repeated {@code name[]} parts, objects as {@code name[key]} parts, nulls
 * left out. Built anew for each attempt from the params' bytes, so a retry sends the same audio.
 */
final class TranscriptionForm {
    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    private TranscriptionForm() {}

    static List<MultipartBody.Part> parts(TranscriptionCreateParams params) {
        List<MultipartBody.Part> parts = new ArrayList<>();
        MultipartField<InputStream> file = params._file();
        parts.add(MultipartBody.Part.createFormData("file", file.filename().orElse("audio"),
                RequestBody.create(params.fileBytes(), MediaType.get(file.contentType()))));
        ((JsonObject) JsonValue.from(params)).values().forEach((name, value) -> add(parts, name, value));
        return parts;
    }

    private static void add(List<MultipartBody.Part> parts, String name, JsonValue value) {
        if (value instanceof JsonArray) {
            for (JsonValue element : ((JsonArray) value).values()) add(parts, name + "[]", element);
        } else if (value instanceof JsonObject) {
            for (Map.Entry<String, JsonValue> e : ((JsonObject) value).values().entrySet()) {
                add(parts, name + "[" + e.getKey() + "]", e.getValue());
            }
        } else if (value instanceof JsonString) {
            parts.add(text(name, ((JsonString) value).value()));
        } else if (value instanceof JsonNumber) {
            parts.add(text(name, ((JsonNumber) value).value().toString()));
        } else if (value instanceof JsonBoolean) {
            parts.add(text(name, Boolean.toString(((JsonBoolean) value).value())));
        }
        // JSON null and missing values are not sent.
    }

    private static MultipartBody.Part text(String name, String value) {
        return MultipartBody.Part.createFormData(name, null, RequestBody.create(value, TEXT));
    }
}
