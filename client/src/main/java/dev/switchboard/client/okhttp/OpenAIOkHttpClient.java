package dev.switchboard.client.okhttp;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientImpl;

/** Builds the blocking client on OkHttp, as the official SDK's class of the same name does. */
public final class OpenAIOkHttpClient {
    private OpenAIOkHttpClient() {}

    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from OPENAI_* environment variables or openai.* system properties. */
    public static OpenAIClient fromEnv() {
        return builder().fromEnv().build();
    }

    public static final class Builder extends ClientBuilder<Builder> {
        private Builder() {}

        public OpenAIClient build() {
            return new OpenAIClientImpl(buildCore());
        }
    }
}
