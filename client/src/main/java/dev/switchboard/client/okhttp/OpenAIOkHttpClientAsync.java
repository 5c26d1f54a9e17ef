package dev.switchboard.client.okhttp;

import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.OpenAIClientAsyncImpl;

/** Builds the asynchronous client on OkHttp, as the official SDK's class of the same name does. */
public final class OpenAIOkHttpClientAsync {
    private OpenAIOkHttpClientAsync() {}

    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from OPENAI_* environment variables or openai.* system properties. */
    public static OpenAIClientAsync fromEnv() {
        return builder().fromEnv().build();
    }

    public static final class Builder extends ClientBuilder<Builder> {
        private Builder() {}

        public OpenAIClientAsync build() {
            return new OpenAIClientAsyncImpl(buildCore());
        }
    }
}
