package dev.switchboard.models;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Validation;

/** A chat model name. Any string is accepted: a real model of the default endpoint, or a pool name of the router. */
public final class ChatModel extends StringEnum {
    public static final ChatModel GPT_5_1 = of("gpt-5.1");
    public static final ChatModel GPT_5 = of("gpt-5");
    public static final ChatModel GPT_5_MINI = of("gpt-5-mini");
    public static final ChatModel GPT_5_NANO = of("gpt-5-nano");
    public static final ChatModel GPT_5_CHAT_LATEST = of("gpt-5-chat-latest");
    public static final ChatModel GPT_4_1 = of("gpt-4.1");
    public static final ChatModel GPT_4_1_MINI = of("gpt-4.1-mini");
    public static final ChatModel GPT_4_1_NANO = of("gpt-4.1-nano");
    public static final ChatModel O4_MINI = of("o4-mini");
    public static final ChatModel O3 = of("o3");
    public static final ChatModel O3_MINI = of("o3-mini");
    public static final ChatModel O1 = of("o1");
    public static final ChatModel O1_MINI = of("o1-mini");
    public static final ChatModel GPT_4O = of("gpt-4o");
    public static final ChatModel GPT_4O_2024_11_20 = of("gpt-4o-2024-11-20");
    public static final ChatModel GPT_4O_2024_08_06 = of("gpt-4o-2024-08-06");
    public static final ChatModel GPT_4O_2024_05_13 = of("gpt-4o-2024-05-13");
    public static final ChatModel GPT_4O_AUDIO_PREVIEW = of("gpt-4o-audio-preview");
    public static final ChatModel GPT_4O_SEARCH_PREVIEW = of("gpt-4o-search-preview");
    public static final ChatModel GPT_4O_MINI = of("gpt-4o-mini");
    public static final ChatModel GPT_4O_MINI_2024_07_18 = of("gpt-4o-mini-2024-07-18");
    public static final ChatModel GPT_4O_MINI_SEARCH_PREVIEW = of("gpt-4o-mini-search-preview");
    public static final ChatModel CHATGPT_4O_LATEST = of("chatgpt-4o-latest");
    public static final ChatModel GPT_4_TURBO = of("gpt-4-turbo");
    public static final ChatModel GPT_4 = of("gpt-4");
    public static final ChatModel GPT_4_0613 = of("gpt-4-0613");
    public static final ChatModel GPT_3_5_TURBO = of("gpt-3.5-turbo");
    public static final ChatModel GPT_3_5_TURBO_0125 = of("gpt-3.5-turbo-0125");
    public static final ChatModel GPT_3_5_TURBO_16K = of("gpt-3.5-turbo-16k");

    private ChatModel(JsonValue json) {
        super(json);
    }

    public static ChatModel of(String value) {
        return new ChatModel(JsonValue.from(value));
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
    public ChatModel validate() {
        known();
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public enum Known {
        GPT_5_1,
        GPT_5,
        GPT_5_MINI,
        GPT_5_NANO,
        GPT_5_CHAT_LATEST,
        GPT_4_1,
        GPT_4_1_MINI,
        GPT_4_1_NANO,
        O4_MINI,
        O3,
        O3_MINI,
        O1,
        O1_MINI,
        GPT_4O,
        GPT_4O_2024_11_20,
        GPT_4O_2024_08_06,
        GPT_4O_2024_05_13,
        GPT_4O_AUDIO_PREVIEW,
        GPT_4O_SEARCH_PREVIEW,
        GPT_4O_MINI,
        GPT_4O_MINI_2024_07_18,
        GPT_4O_MINI_SEARCH_PREVIEW,
        CHATGPT_4O_LATEST,
        GPT_4_TURBO,
        GPT_4,
        GPT_4_0613,
        GPT_3_5_TURBO,
        GPT_3_5_TURBO_0125,
        GPT_3_5_TURBO_16K
    }

    public enum Value {
        GPT_5_1,
        GPT_5,
        GPT_5_MINI,
        GPT_5_NANO,
        GPT_5_CHAT_LATEST,
        GPT_4_1,
        GPT_4_1_MINI,
        GPT_4_1_NANO,
        O4_MINI,
        O3,
        O3_MINI,
        O1,
        O1_MINI,
        GPT_4O,
        GPT_4O_2024_11_20,
        GPT_4O_2024_08_06,
        GPT_4O_2024_05_13,
        GPT_4O_AUDIO_PREVIEW,
        GPT_4O_SEARCH_PREVIEW,
        GPT_4O_MINI,
        GPT_4O_MINI_2024_07_18,
        GPT_4O_MINI_SEARCH_PREVIEW,
        CHATGPT_4O_LATEST,
        GPT_4_TURBO,
        GPT_4,
        GPT_4_0613,
        GPT_3_5_TURBO,
        GPT_3_5_TURBO_0125,
        GPT_3_5_TURBO_16K,
        _UNKNOWN
    }
}
