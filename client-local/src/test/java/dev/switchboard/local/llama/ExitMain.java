package dev.switchboard.local.llama;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.local.tiny.TinyLlama;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.nio.file.Files;
import java.nio.file.Path;

/** A program that loads a model, answers once and returns from main: run in its own JVM by {@link JvmExitTest}. */
public final class ExitMain {
    public static void main(String[] args) throws Exception {
        Path model = TinyLlama.builder().seed(5).build().write(Files.createTempDirectory("exit").resolve("m.gguf"));
        try (OpenAIClient client = LocalModels.client(LocalModels.deployment(model).build())) {
            client.chat().completions().create(ChatCompletionCreateParams.builder().model("local")
                    .addUserMessage("hi").maxCompletionTokens(3).build());
        }
        if (args.length > 0) throw new IllegalStateException("main fails on purpose");
    }
}
