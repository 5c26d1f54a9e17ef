package dev.switchboard.models.images;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Validation;

/** An image model name. Any string is accepted: a real model of the default endpoint, or a pool name of the router. */
public final class ImageModel extends StringEnum {
    public static final ImageModel DALL_E_2 = of("dall-e-2");
    public static final ImageModel DALL_E_3 = of("dall-e-3");
    public static final ImageModel GPT_IMAGE_1 = of("gpt-image-1");
    public static final ImageModel GPT_IMAGE_1_MINI = of("gpt-image-1-mini");

    private ImageModel(JsonValue json) {
        super(json);
    }

    public static ImageModel of(String value) {
        return new ImageModel(JsonValue.from(value));
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
    public ImageModel validate() {
        known();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public enum Known {
        DALL_E_2,
        DALL_E_3,
        GPT_IMAGE_1,
        GPT_IMAGE_1_MINI
    }

    public enum Value {
        DALL_E_2,
        DALL_E_3,
        GPT_IMAGE_1,
        GPT_IMAGE_1_MINI,
        _UNKNOWN
    }
}
