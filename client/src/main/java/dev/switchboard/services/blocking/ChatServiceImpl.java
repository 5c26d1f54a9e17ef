package dev.switchboard.services.blocking;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.services.blocking.chat.ChatCompletionService;
import dev.switchboard.services.blocking.chat.ChatCompletionServiceImpl;

public final class ChatServiceImpl implements ChatService {
    private final ChatCompletionService completions;

    public ChatServiceImpl(ClientCore core) {
        this.completions = new ChatCompletionServiceImpl(core);
    }

    @Override
    public ChatCompletionService completions() {
        return completions;
    }
}
