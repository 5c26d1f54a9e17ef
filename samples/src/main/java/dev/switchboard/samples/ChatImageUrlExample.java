package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletionContentPart;
import dev.switchboard.models.chat.completions.ChatCompletionContentPartImage;
import dev.switchboard.models.chat.completions.ChatCompletionContentPartText;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import java.util.List;

/** A user message made of parts, text and an image by URL, for a model that sees. */
public final class ChatImageUrlExample {
    private ChatImageUrlExample() {}

    public static void main(String[] args) {
        String imageUrl = args.length > 0 ? args[0] : "https://upload.wikimedia.org/wikipedia/commons/3/3f/JPEG_example_flower.jpg";
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            ChatCompletionContentPart question = ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                    .text("What is in this image? Answer in one sentence.")
                    .build());
            ChatCompletionContentPart image = ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                    .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                            .url(imageUrl)
                            .detail(ChatCompletionContentPartImage.ImageUrl.Detail.LOW)
                            .build())
                    .build());

            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(256)
                    .addUserMessageOfArrayOfContentParts(List.of(question, image))
                    .build();

            client.chat().completions().create(params).choices().stream()
                    .flatMap(choice -> choice.message().content().stream())
                    .forEach(System.out::println);
        } finally {
            client.close();
        }
    }
}
