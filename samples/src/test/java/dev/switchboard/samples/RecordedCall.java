package dev.switchboard.samples;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import okio.ByteString;

/**
 * What a request asked for, in a form that two SDKs agree on when they mean the same thing: method,
 * target, media type, authorization, and a body compared as a JSON tree (a schema's properties in
 * order), as multipart parts (sorted by name), or as bytes. Headers that name the SDK (User-Agent, X-Stainless-*) are left out.
 */
record RecordedCall(String method, String target, String mediaType, String authorization, Object body) {
    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
    private static final Pattern DISPOSITION_NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern DISPOSITION_FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    /** One multipart part: its field name, file name (null for plain fields) and content. */
    record Part(String name, String filename, ByteString content) {
        @Override
        public String toString() {
            String shown = content.size() <= 64 ? "\"" + content.utf8() + "\"" : content.size() + " bytes, sha256 " + content.sha256().hex();
            return name + (filename != null ? "(filename=" + filename + ")" : "") + "=" + shown;
        }
    }

    static RecordedCall of(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        String mediaType = type == null ? null : type.type() + "/" + type.subtype();
        ByteString bytes = request.getBody().clone().readByteString();
        Object body;
        if (bytes.size() == 0) {
            body = null;
        } else if ("application/json".equals(mediaType)) {
            body = json(bytes.utf8());
        } else if ("multipart/form-data".equals(mediaType)) {
            body = parts(bytes, type.parameter("boundary"));
        } else {
            body = bytes;
        }
        return new RecordedCall(request.getMethod(), request.getPath(), mediaType, request.getHeader("Authorization"), body);
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object body) {
        return body instanceof List ? (List<T>) body : List.of();
    }

    private static Object json(String text) {
        try {
            return withOrderedProperties(JSON.fromJson(text));
        } catch (IOException e) {
            return "malformed JSON (" + e.getMessage() + "): " + text;
        }
    }

    /**
     * A JSON object whose keys must come in the same order, not just with the same values: a JSON
     * schema's {@code properties}, which a model fills in the order they are listed.
     */
    record InOrder(Map<String, Object> members) {
        @Override
        public boolean equals(Object o) {
            return o instanceof InOrder && new ArrayList<>(members.entrySet()).equals(new ArrayList<>(((InOrder) o).members.entrySet()));
        }

        @Override
        public int hashCode() {
            return new ArrayList<>(members.entrySet()).hashCode();
        }

        @Override
        public String toString() {
            return members.toString();
        }
    }

    /** The JSON with every object under a {@code "properties"} key made {@link InOrder}. */
    private static Object withOrderedProperties(Object json) {
        if (json instanceof Map) {
            Map<String, Object> members = new LinkedHashMap<>();
            ((Map<?, ?>) json).forEach((k, v) -> {
                Object value = withOrderedProperties(v);
                members.put((String) k, k.equals("properties") && value instanceof Map ? new InOrder(cast(value)) : value);
            });
            return members;
        }
        if (json instanceof List) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) json) items.add(withOrderedProperties(item));
            return items;
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    private static List<Part> parts(ByteString bytes, String boundary) {
        List<Part> parts = new ArrayList<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(bytes), boundary)) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = part.headers().get("Content-Disposition");
                parts.add(new Part(group(DISPOSITION_NAME, disposition), group(DISPOSITION_FILENAME, disposition),
                        part.body().readByteString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable multipart body", e);
        }
        parts.sort(Comparator.comparing(Part::name));
        return parts;
    }

    private static String group(Pattern pattern, String text) {
        if (text == null) return null;
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
