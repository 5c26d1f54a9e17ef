package dev.switchboard.services.async;

import dev.switchboard.services.async.chat.ChatCompletionServiceAsync;

/** Chat, asynchronously: {@link #completions()}. */
public interface ChatServiceAsync {
    ChatCompletionServiceAsync completions();
}
