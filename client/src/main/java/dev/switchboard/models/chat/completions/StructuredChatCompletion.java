package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.models.completions.CompletionUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ChatCompletion} whose messages' content is read as a {@code T}, the class a
 * {@link StructuredChatCompletionCreateParams} derived its schema from. Everything else is the raw
 * completion's.
 *
 * @param <T> the class the content is read into
 */
public final class StructuredChatCompletion<T> {
    private final Class<T> responseType;
    private final ChatCompletion rawChatCompletion;
    private volatile List<Choice<T>> choices;

    public StructuredChatCompletion(Class<T> responseType, ChatCompletion rawChatCompletion) {
        this.responseType = Objects.requireNonNull(responseType, "responseType");
        this.rawChatCompletion = Objects.requireNonNull(rawChatCompletion, "rawChatCompletion");
    }

    public Class<T> responseType() {
        return responseType;
    }

    public ChatCompletion rawChatCompletion() {
        return rawChatCompletion;
    }

    public String id() {
        return rawChatCompletion.id();
    }

    /** The choices, made once so that each message reads its content once. */
    public List<Choice<T>> choices() {
        List<Choice<T>> known = choices;
        if (known != null) return known;
        List<Choice<T>> out = new ArrayList<>();
        for (ChatCompletion.Choice choice : rawChatCompletion.choices()) out.add(new Choice<>(responseType, choice));
        choices = Collections.unmodifiableList(out);
        return choices;
    }

    public long created() {
        return rawChatCompletion.created();
    }

    public String model() {
        return rawChatCompletion.model();
    }

    public JsonValue _object_() {
        return rawChatCompletion._object_();
    }

    public Optional<ChatCompletion.ServiceTier> serviceTier() {
        return rawChatCompletion.serviceTier();
    }

    public Optional<String> systemFingerprint() {
        return rawChatCompletion.systemFingerprint();
    }

    public Optional<CompletionUsage> usage() {
        return rawChatCompletion.usage();
    }

    public Map<String, JsonValue> _additionalProperties() {
        return rawChatCompletion._additionalProperties();
    }

    /** Validates the raw completion; each content is checked when it is read. */
    public StructuredChatCompletion<T> validate() {
        choices().forEach(Choice::validate);
        rawChatCompletion.validate();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructuredChatCompletion
                && ((StructuredChatCompletion<?>) o).responseType.equals(responseType)
                && ((StructuredChatCompletion<?>) o).rawChatCompletion.equals(rawChatCompletion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(responseType, rawChatCompletion);
    }

    @Override
    public String toString() {
        return "StructuredChatCompletion{responseType=" + responseType + ", rawChatCompletion=" + rawChatCompletion + "}";
    }

    /** One of the n answers, its message read as a {@code T}. */
    public static final class Choice<T> {
        private final Class<T> responseType;
        private final ChatCompletion.Choice rawChoice;
        private volatile StructuredChatCompletionMessage<T> message;

        Choice(Class<T> responseType, ChatCompletion.Choice rawChoice) {
            this.responseType = responseType;
            this.rawChoice = rawChoice;
        }

        public Class<T> responseType() {
            return responseType;
        }

        public ChatCompletion.Choice rawChoice() {
            return rawChoice;
        }

        public ChatCompletion.Choice.FinishReason finishReason() {
            return rawChoice.finishReason();
        }

        public long index() {
            return rawChoice.index();
        }

        public Optional<ChatCompletion.Choice.Logprobs> logprobs() {
            return rawChoice.logprobs();
        }

        public StructuredChatCompletionMessage<T> message() {
            StructuredChatCompletionMessage<T> known = message;
            if (known != null) return known;
            message = new StructuredChatCompletionMessage<>(responseType, rawChoice.message());
            return message;
        }

        public Map<String, JsonValue> _additionalProperties() {
            return rawChoice._additionalProperties();
        }

        /** Validates the raw choice; the content is checked when it is read. */
        public Choice<T> validate() {
            message().validate();
            rawChoice.validate();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Choice
                    && ((Choice<?>) o).responseType.equals(responseType)
                    && ((Choice<?>) o).rawChoice.equals(rawChoice);
        }

        @Override
        public int hashCode() {
            return Objects.hash(responseType, rawChoice);
        }

        @Override
        public String toString() {
            return "Choice{responseType=" + responseType + ", rawChoice=" + rawChoice + "}";
        }
    }
}
