package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.images.Image;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImageModel;
import dev.switchboard.models.images.ImagesResponse;
import java.util.List;

/** Generates two images from a prompt and prints where to download them. */
public final class ImageGenerationExample {
    private ImageGenerationExample() {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            ImageGenerateParams params = ImageGenerateParams.builder()
                    .model(ImageModel.DALL_E_2)
                    .prompt("A switchboard operator connecting calls, in the style of a 1950s poster")
                    .n(2)
                    .size(ImageGenerateParams.Size._512X512)
                    .responseFormat(ImageGenerateParams.ResponseFormat.URL)
                    .build();

            ImagesResponse response = client.images().generate(params);
            List<Image> images = response.data().orElse(List.of());
            System.out.println(images.size() + " images");
            for (Image image : images) {
                image.url().ifPresent(System.out::println);
                image.revisedPrompt().ifPresent(prompt -> System.out.println("  revised prompt: " + prompt));
            }
        } finally {
            client.close();
        }
    }
}
