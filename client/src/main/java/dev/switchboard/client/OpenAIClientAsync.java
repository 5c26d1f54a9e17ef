package dev.switchboard.client;

import dev.switchboard.services.async.AudioServiceAsync;
import dev.switchboard.services.async.ChatServiceAsync;
import dev.switchboard.services.async.EmbeddingServiceAsync;
import dev.switchboard.services.async.ImageServiceAsync;
import dev.switchboard.services.async.ModelServiceAsync;

/** The asynchronous client: the same calls as {@link OpenAIClient}, as CompletableFutures and async streams. */
public interface OpenAIClientAsync extends AutoCloseable {

    /** The same client, blocking; it shares this client's connections and router. */
    OpenAIClient sync();

    ChatServiceAsync chat();

    EmbeddingServiceAsync embeddings();

    AudioServiceAsync audio();

    ImageServiceAsync images();

    ModelServiceAsync models();

    @Override
    void close();
}
