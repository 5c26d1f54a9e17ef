package dev.switchboard.rx;

import dev.switchboard.client.internal.ClientCore;
import io.reactivex.rxjava3.core.Scheduler;

/** Chat: {@link #completions()}. */
public final class RxChatService {
    private final RxChatCompletionService completions;

    RxChatService(ClientCore core, Scheduler scheduler) {
        this.completions = new RxChatCompletionService(core, scheduler);
    }

    public RxChatCompletionService completions() {
        return completions;
    }
}
