package dev.switchboard.local.llama;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompt text of a conversation: rendered by llama.cpp with the model's chat template (or the
 * deployment's named one), ending with the assistant's turn; or, for a base model without a
 * template (or {@code chat_template: none}), the messages' texts joined by line breaks, so a single
 * user message is the prompt exactly as written.
 */
final class ChatPrompt {
    private ChatPrompt() {}

    static String render(LoadedModel model, List<ChatRequest.Message> messages) {
        if (!model.templated) {
            StringBuilder out = new StringBuilder();
            for (ChatRequest.Message m : messages) {
                if (out.length() > 0) out.append('\n');
                out.append(m.text);
            }
            return out.toString();
        }
        // Only roles and string contents go to llama.cpp: its request parser throws (and so aborts the
        // JVM) on fields it refuses without --jinja, such as tools.
        List<JsonValue> list = new ArrayList<>();
        for (ChatRequest.Message m : messages) {
            Map<String, JsonValue> message = new LinkedHashMap<>();
            message.put("role", JsonString.of(m.role));
            message.put("content", JsonString.of(m.text));
            list.add(JsonObject.of(message));
        }
        String request = JsonValueAdapter.toJsonString(JsonObject.of(Map.of("messages", JsonArray.of(list))));
        return model.llama.applyTemplate(request);
    }
}
