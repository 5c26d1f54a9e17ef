package dev.switchboard.client;

import dev.switchboard.services.blocking.AudioService;
import dev.switchboard.services.blocking.ChatService;
import dev.switchboard.services.blocking.EmbeddingService;
import dev.switchboard.services.blocking.ImageService;
import dev.switchboard.services.blocking.ModelService;

/**
 * The blocking client. Every call goes through the client's router: a model name that names a pool
 * goes to its deployments, any other to the default endpoint, as the official SDK would send it.
 * Thread-safe; share one per application and close it when done.
 */
public interface OpenAIClient extends AutoCloseable {

    /** The same client, asynchronous; it shares this client's connections and router. */
    OpenAIClientAsync async();

    ChatService chat();

    EmbeddingService embeddings();

    AudioService audio();

    ImageService images();

    ModelService models();

    /**
     * Releases connections, threads and local models. Calls in flight are cancelled (on a client
     * built with its own {@code okHttpClient}, that client and its calls are left to the caller).
     */
    @Override
    void close();
}
