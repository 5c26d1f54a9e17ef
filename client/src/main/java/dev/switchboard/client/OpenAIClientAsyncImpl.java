package dev.switchboard.client;

import dev.switchboard.client.internal.ClientCore;
import dev.switchboard.services.async.AudioServiceAsync;
import dev.switchboard.services.async.AudioServiceAsyncImpl;
import dev.switchboard.services.async.ChatServiceAsync;
import dev.switchboard.services.async.ChatServiceAsyncImpl;
import dev.switchboard.services.async.EmbeddingServiceAsync;
import dev.switchboard.services.async.EmbeddingServiceAsyncImpl;
import dev.switchboard.services.async.ImageServiceAsync;
import dev.switchboard.services.async.ImageServiceAsyncImpl;
import dev.switchboard.services.async.ModelServiceAsync;
import dev.switchboard.services.async.ModelServiceAsyncImpl;

/** The async client over a {@link ClientCore}. Built by {@code OpenAIOkHttpClientAsync}. */
public final class OpenAIClientAsyncImpl implements OpenAIClientAsync {
    private final ClientCore core;
    private final ChatServiceAsync chat;
    private final EmbeddingServiceAsync embeddings;
    private final AudioServiceAsync audio;
    private final ImageServiceAsync images;
    private final ModelServiceAsync models;
    private volatile OpenAIClient sync;

    public OpenAIClientAsyncImpl(ClientCore core) {
        this.core = core;
        this.chat = new ChatServiceAsyncImpl(core);
        this.embeddings = new EmbeddingServiceAsyncImpl(core);
        this.audio = new AudioServiceAsyncImpl(core);
        this.images = new ImageServiceAsyncImpl(core);
        this.models = new ModelServiceAsyncImpl(core);
    }

    OpenAIClientAsyncImpl(ClientCore core, OpenAIClient sync) {
        this(core);
        this.sync = sync;
    }

    /** The core this client's calls run on; for Switchboard's own views (such as the Rx client). */
    public ClientCore core() {
        return core;
    }

    @Override
    public OpenAIClient sync() {
        OpenAIClient s = sync;
        if (s == null) {
            synchronized (this) {
                if (sync == null) sync = new OpenAIClientImpl(core, this);
                s = sync;
            }
        }
        return s;
    }

    @Override
    public ChatServiceAsync chat() {
        return chat;
    }

    @Override
    public EmbeddingServiceAsync embeddings() {
        return embeddings;
    }

    @Override
    public AudioServiceAsync audio() {
        return audio;
    }

    @Override
    public ImageServiceAsync images() {
        return images;
    }

    @Override
    public ModelServiceAsync models() {
        return models;
    }

    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "OpenAIClientAsync{" + core.router() + "}";
    }
}
