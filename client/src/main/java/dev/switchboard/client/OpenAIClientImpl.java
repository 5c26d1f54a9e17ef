package dev.switchboard.client;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.services.blocking.AudioService;
import dev.switchboard.services.blocking.AudioServiceImpl;
import dev.switchboard.services.blocking.ChatService;
import dev.switchboard.services.blocking.ChatServiceImpl;
import dev.switchboard.services.blocking.EmbeddingService;
import dev.switchboard.services.blocking.EmbeddingServiceImpl;
import dev.switchboard.services.blocking.ImageService;
import dev.switchboard.services.blocking.ImageServiceImpl;
import dev.switchboard.services.blocking.ModelService;
import dev.switchboard.services.blocking.ModelServiceImpl;

/** The blocking client over a {@link ClientCore}. Built by {@code OpenAIOkHttpClient}. */
public final class OpenAIClientImpl implements OpenAIClient {
    private final ClientCore core;
    private final ChatService chat;
    private final EmbeddingService embeddings;
    private final AudioService audio;
    private final ImageService images;
    private final ModelService models;
    private volatile OpenAIClientAsync async;

    public OpenAIClientImpl(ClientCore core) {
        this.core = core;
        this.chat = new ChatServiceImpl(core);
        this.embeddings = new EmbeddingServiceImpl(core);
        this.audio = new AudioServiceImpl(core);
        this.images = new ImageServiceImpl(core);
        this.models = new ModelServiceImpl(core);
    }

    OpenAIClientImpl(ClientCore core, OpenAIClientAsync async) {
        this(core);
        this.async = async;
    }

    /** The core this client's calls run on; for Switchboard's own views (such as the Rx client). */
    public ClientCore core() {
        return core;
    }

    @Override
    public OpenAIClientAsync async() {
        OpenAIClientAsync a = async;
        if (a == null) {
            synchronized (this) {
                if (async == null) async = new OpenAIClientAsyncImpl(core, this);
                a = async;
            }
        }
        return a;
    }

    @Override
    public ChatService chat() {
        return chat;
    }

    @Override
    public EmbeddingService embeddings() {
        return embeddings;
    }

    @Override
    public AudioService audio() {
        return audio;
    }

    @Override
    public ImageService images() {
        return images;
    }

    @Override
    public ModelService models() {
        return models;
    }

    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "OpenAIClient{" + core.router() + "}";
    }
}
