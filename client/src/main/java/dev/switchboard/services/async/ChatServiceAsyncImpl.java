package dev.switchboard.services.async;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.services.async.chat.ChatCompletionServiceAsync;
import dev.switchboard.services.async.chat.ChatCompletionServiceAsyncImpl;

public final class ChatServiceAsyncImpl implements ChatServiceAsync {
    private final ChatCompletionServiceAsync completions;

    public ChatServiceAsyncImpl(ClientCore core) {
        this.completions = new ChatCompletionServiceAsyncImpl(core);
    }

    @Override
    public ChatCompletionServiceAsync completions() {
        return completions;
    }
}
