package dev.switchboard.models.embeddings;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An embedding vector as JSON carries it: an array of floats, or (with {@code encoding_format=base64})
 * a base64 string of little-endian float32 values. Either reads as floats through {@link #asFloats()}.
 *
 * <p>Answers from a server arrive as floats: the backend decodes base64 vectors as it reads the answer,
 * so a corrupt vector fails the call (and is retried) rather than the later read.
 */
public final class EmbeddingValue extends JsonUnion {
    private EmbeddingValue(JsonValue json) {
        super(json);
    }

    public static EmbeddingValue ofFloats(List<Float> floats) {
        return new EmbeddingValue(JsonValue.from(List.copyOf(floats)));
    }

    public static EmbeddingValue ofBase64(String base64) {
        return new EmbeddingValue(JsonValue.from(base64));
    }

    public boolean isFloats() {
        return holdsNumbers();
    }

    public boolean isBase64() {
        return holdsString();
    }

    public Optional<List<Float>> floats() {
        return isFloats() ? Optional.of(asFloats()) : Optional.empty();
    }

    public Optional<String> base64() {
        return isBase64() ? Optional.of(jsonString("base64")) : Optional.empty();
    }

    /** The vector; a base64 string is decoded. Throws OpenAIInvalidDataException when it is neither. */
    public List<Float> asFloats() {
        if (isBase64()) return decode(jsonString("base64"));
        if (!isFloats()) throw notVariant("floats");
        List<JsonValue> values = ((JsonArray) json()).values();
        List<Float> out = new ArrayList<>(values.size());
        for (JsonValue v : values) out.add(((JsonNumber) v).value().floatValue());
        return Collections.unmodifiableList(out);
    }

    /** The vector as base64 of little-endian float32 values; floats are encoded. */
    public String asBase64() {
        if (isBase64()) return jsonString("base64");
        List<Float> floats = asFloats();
        ByteBuffer buffer = ByteBuffer.allocate(floats.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : floats) buffer.putFloat(f);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    public <T> T accept(Visitor<T> visitor) {
        if (isFloats()) return visitor.visitFloats(asFloats());
        if (isBase64()) return visitor.visitBase64(jsonString("base64"));
        return visitor.unknown(json());
    }

    /** Checks that the JSON is floats or decodable base64; throws OpenAIInvalidDataException. */
    @Override
    public EmbeddingValue validate() {
        if (!isFloats() && !isBase64()) throw unknownVariant();
        asFloats();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    /**
     * Little-endian float32 values from base64, as the OpenAI API sends them. A string that is not
     * base64, or whose bytes are not a whole number of floats, is an OpenAIInvalidDataException.
     */
    static List<Float> decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new OpenAIInvalidDataException("An embedding is not valid base64: " + e.getMessage(), e);
        }
        if (bytes.length % Float.BYTES != 0) {
            throw new OpenAIInvalidDataException(
                    "A base64 embedding has " + bytes.length + " bytes, not a whole number of 4-byte floats");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Float> out = new ArrayList<>(bytes.length / Float.BYTES);
        while (buffer.hasRemaining()) out.add(buffer.getFloat());
        return Collections.unmodifiableList(out);
    }

    public interface Visitor<T> {
        T visitFloats(List<Float> floats);

        T visitBase64(String base64);

        /** Called for JSON that is neither; throws OpenAIInvalidDataException unless overridden. */
        default T unknown(JsonValue json) {
            throw new OpenAIInvalidDataException("Unknown EmbeddingValue: " + json);
        }
    }
}
