package dev.switchboard.services.blocking;

import dev.switchboard.services.blocking.chat.ChatCompletionService;

/** Chat: {@link #completions()}. */
public interface ChatService {
    ChatCompletionService completions();
}
