package dev.switchboard.samples;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.client.okhttp.OpenAIOkHttpClientAsync;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.StructuredChatCompletionCreateParams;
import java.util.List;

/**
 * Structured output with the asynchronous client, from plain classes with public fields: the parsed
 * answer arrives as a CompletableFuture. A field marked {@code @JsonIgnore} is not part of the schema.
 */
public final class StructuredOutputsAsyncExample {
    private StructuredOutputsAsyncExample() {}

    public static class Inventor {
        @JsonPropertyDescription("The inventor's first name and surname.")
        public String name;

        public int born;

        @Override
        public String toString() {
            return name + " (born " + born + ")";
        }
    }

    @JsonClassDescription("An invention that changed how people talk to each other.")
    public static class Invention {
        public String name;

        @JsonPropertyDescription("The year of the first working device.")
        public int year;

        public List<Inventor> inventors;

        // Kept by the program, never asked of the model.
        @JsonIgnore
        public String museumCatalogNumber;

        @Override
        public String toString() {
            return name + " (" + year + ") by " + inventors;
        }
    }

    public static class InventionList {
        public List<Invention> inventions;
    }

    public static void main(String[] args) {
        OpenAIClientAsync client = OpenAIOkHttpClientAsync.fromEnv();
        try {
            StructuredChatCompletionCreateParams<InventionList> params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(1024)
                    .responseFormat(InventionList.class)
                    .addUserMessage("List two inventions of the nineteenth century that changed communication.")
                    .build();

            client.chat()
                    .completions()
                    .create(params)
                    .thenAccept(completion -> completion.choices().stream()
                            .flatMap(choice -> choice.message().content().stream())
                            .flatMap(list -> list.inventions.stream())
                            .forEach(invention -> System.out.println(" - " + invention)))
                    .join();
        } finally {
            client.close();
        }
    }
}
