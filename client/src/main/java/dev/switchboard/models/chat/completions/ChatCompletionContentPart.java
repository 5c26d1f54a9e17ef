package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.Optional;

/** A part of a user message: text or an image. */
public final class ChatCompletionContentPart extends JsonUnion {
    private ChatCompletionContentPart(JsonValue json) {
        super(json);
    }

    public static ChatCompletionContentPart ofText(ChatCompletionContentPartText text) {
        return new ChatCompletionContentPart(JsonValue.from(text));
    }

    public static ChatCompletionContentPart ofImageUrl(ChatCompletionContentPartImage imageUrl) {
        return new ChatCompletionContentPart(JsonValue.from(imageUrl));
    }

    public boolean isText() {
        return holdsObjectWith("type", "text");
    }

    public boolean isImageUrl() {
        return holdsObjectWith("type", "image_url");
    }

    public ChatCompletionContentPartText asText() {
        return convert(ChatCompletionContentPartText.class, "text");
    }

    public ChatCompletionContentPartImage asImageUrl() {
        return convert(ChatCompletionContentPartImage.class, "imageUrl");
    }

    public Optional<ChatCompletionContentPartText> text() {
        return isText() ? Optional.of(asText()) : Optional.empty();
    }

    public Optional<ChatCompletionContentPartImage> imageUrl() {
        return isImageUrl() ? Optional.of(asImageUrl()) : Optional.empty();
    }

    public <T> T accept(Visitor<T> visitor) {
        if (isText()) return visitor.visitText(asText());
        if (isImageUrl()) return visitor.visitImageUrl(asImageUrl());
        return visitor.unknown(json());
    }

    /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
    public ChatCompletionContentPart validate() {
        accept(new Visitor<Void>() {
            @Override
            public Void visitText(ChatCompletionContentPartText text) {
                Validation.validate(text);
                return null;
            }
            @Override
            public Void visitImageUrl(ChatCompletionContentPartImage imageUrl) {
                Validation.validate(imageUrl);
                return null;
            }
        });
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public interface Visitor<T> {
        T visitText(ChatCompletionContentPartText text);

        T visitImageUrl(ChatCompletionContentPartImage imageUrl);

        /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
        default T unknown(JsonValue json) {
            throw new OpenAIInvalidDataException("Unknown ChatCompletionContentPart: " + json);
        }
    }
}
