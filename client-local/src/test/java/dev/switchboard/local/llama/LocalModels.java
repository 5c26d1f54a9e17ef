package dev.switchboard.local.llama;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.local.tiny.TinyLlama;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tiny random-weight models the engine's tests run on, written once per test JVM (llama.cpp
 * keeps every loaded model for the life of the process, so tests share them), and clients whose
 * virtual model {@code local} routes to a llama deployment of one.
 */
final class LocalModels {
    private static Path dir;
    private static Path chat;

    private LocalModels() {}

    /** A ChatML model that never samples its end tokens: greedy answers run to their token budget. */
    static synchronized Path chat() {
        if (chat == null) chat = TinyLlama.builder().seed(3).contextLength(512).neverEnds().build().write(dir().resolve("chat.gguf"));
        return chat;
    }

    private static Path dir() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("switchboard-llama-test");
                dir.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Deployment.Builder deployment(Path model) {
        return Deployment.builder().name("tiny").kind("llama").model(model.toString())
                .putOption("context_size", 512).putOption("threads", 1);
    }

    static OpenAIClient client(Deployment deployment) {
        Router router = Router.builder().addPool(Pool.builder().name("local").addDeployment(deployment).build()).build();
        return OpenAIOkHttpClient.builder().router(router).build();
    }
}
