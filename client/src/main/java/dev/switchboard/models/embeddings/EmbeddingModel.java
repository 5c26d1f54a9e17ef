package dev.switchboard.models.embeddings;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Validation;

/** An embedding model name. Any string is accepted: a real model of the default endpoint, or a pool name of the router. */
public final class EmbeddingModel extends StringEnum {
    public static final EmbeddingModel TEXT_EMBEDDING_ADA_002 = of("text-embedding-ada-002");
    public static final EmbeddingModel TEXT_EMBEDDING_3_SMALL = of("text-embedding-3-small");
    public static final EmbeddingModel TEXT_EMBEDDING_3_LARGE = of("text-embedding-3-large");

    private EmbeddingModel(JsonValue json) {
        super(json);
    }

    public static EmbeddingModel of(String value) {
        return new EmbeddingModel(JsonValue.from(value));
    }

    /** The constant, or OpenAIInvalidDataException for a value this version does not know. */
    public Known known() {
        return known(Known.class);
    }

    /** The constant, or {@link Value#_UNKNOWN}. */
    public Value value() {
        return value(Value.class);
    }

    /** Throws OpenAIInvalidDataException when the value is not one this version knows. */
    public EmbeddingModel validate() {
        known();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public enum Known {
        TEXT_EMBEDDING_ADA_002,
        TEXT_EMBEDDING_3_SMALL,
        TEXT_EMBEDDING_3_LARGE
    }

    public enum Value {
        TEXT_EMBEDDING_ADA_002,
        TEXT_EMBEDDING_3_SMALL,
        TEXT_EMBEDDING_3_LARGE,
        _UNKNOWN
    }
}
