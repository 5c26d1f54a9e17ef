package dev.switchboard.local.diffusion;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.models.images.ImageGenerateParams;

/** A program that loads a pipeline, paints once and returns from main: run in its own JVM by {@link DiffusionJvmExitTest}. */
public final class DiffusionExitMain {
    public static void main(String[] args) {
        try (OpenAIClient client = DiffusionModels.client(DiffusionModels.deployment(DiffusionModels.tiny()).build())) {
            client.images().generate(ImageGenerateParams.builder().model("images").prompt("a cat")
                    .size(ImageGenerateParams.Size.of("16x16")).build());
        }
    }
}
