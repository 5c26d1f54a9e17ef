package dev.switchboard.local;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;

/**
 * Tells a story with a model running inside this JVM: the virtual model {@code stories} is a pool
 * of one llama deployment of {@code shared/models/stories260K.gguf}, a tiny TinyStories model with no
 * chat template, so the user message is the prompt as written. The answer streams as it is made.
 *
 * <pre>mvn -q -pl samples exec:java -Dexec.mainClass=dev.switchboard.local.LocalStoryExample [-Dexec.args=path/to/model.gguf]</pre>
 */
public final class LocalStoryExample {
    public static void main(String[] args) {
        String model = args.length > 0 ? args[0] : "../shared/models/stories260K.gguf";
        Deployment stories = Deployment.builder().name("stories260K").kind("llama").model(model)
                .putOption("context_size", 512).build();
        Router router = Router.builder().addPool(Pool.builder().name("stories").addDeployment(stories).build()).build();
        try (OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build()) {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model("stories")
                    .addUserMessage("Once upon a time")
                    .temperature(0.0)
                    .maxCompletionTokens(120)
                    .build();
            System.out.print("Once upon a time");
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().flatMap(chunk -> chunk.choices().stream())
                        .forEach(choice -> choice.delta().content().ifPresent(System.out::print));
            }
            System.out.println();
        }
    }
}
