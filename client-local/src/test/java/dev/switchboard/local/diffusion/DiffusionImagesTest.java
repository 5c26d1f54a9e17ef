package dev.switchboard.local.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.models.images.Image;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiffusionImagesTest {
    private static OpenAIClient client;
    private static final List<int[]> steps = new ArrayList<>();

    @BeforeAll
    static void start() {
        client = DiffusionModels.client(DiffusionModels.deployment(DiffusionModels.tiny())
                .putOption("output_dir", DiffusionModels.dir().resolve("out").toString())
                .putOption("progress", (dev.switchboard.local.DiffusionProgress) (d, step, total) -> {
                    synchronized (steps) {
                        steps.add(new int[] {step, total});
                    }
                })
                .build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static ImageGenerateParams.Builder params(String prompt) {
        return ImageGenerateParams.builder().model("images").prompt(prompt)
                .size(ImageGenerateParams.Size.of("64x48"))
                .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON);
    }

    private static byte[] bytes(Image image) {
        return Base64.getDecoder().decode(image.b64Json().orElseThrow());
    }

    private static BufferedImage png(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void theSameSeedGivesTheSameImageAndAnotherSeedAnotherImage() {
        ImagesResponse first = client.images().generate(params("a red cat").putAdditionalBodyProperty("seed", JsonValue.from(42)).build());
        ImagesResponse again = client.images().generate(params("a red cat").putAdditionalBodyProperty("seed", JsonValue.from(42)).build());
        ImagesResponse other = client.images().generate(params("a red cat").putAdditionalBodyProperty("seed", JsonValue.from(43)).build());

        assertThat(bytes(first.data().orElseThrow().get(0))).isEqualTo(bytes(again.data().orElseThrow().get(0)));
        assertThat(bytes(first.data().orElseThrow().get(0))).isNotEqualTo(bytes(other.data().orElseThrow().get(0)));
    }

    @Test
    void theImageIsAPngOfTheSizeAsked() throws IOException {
        ImagesResponse response = client.images().generate(params("a dog").build());

        BufferedImage image = png(bytes(response.data().orElseThrow().get(0)));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        assertThat(response.size().orElseThrow().toString()).isEqualTo("64x48");
    }

    @Test
    void nImagesComeBackEachWithItsOwnSeed() {
        ImagesResponse response = client.images().generate(params("a cat").n(3)
                .putAdditionalBodyProperty("seed", JsonValue.from(100)).build());
        ImagesResponse single = client.images().generate(params("a cat")
                .putAdditionalBodyProperty("seed", JsonValue.from(101)).build());

        List<Image> data = response.data().orElseThrow();
        assertThat(data).hasSize(3);
        assertThat(data).extracting(i -> i._additionalProperties().get("seed")).containsExactly(
                JsonValue.from(100), JsonValue.from(101), JsonValue.from(102));
        assertThat(bytes(data.get(0))).isNotEqualTo(bytes(data.get(1)));
        assertThat(bytes(data.get(1))).isEqualTo(bytes(single.data().orElseThrow().get(0)));
    }

    @Test
    void urlGivesAFileUrlOfAPngInTheOutputFolder() throws IOException {
        ImagesResponse response = client.images().generate(params("a cat")
                .responseFormat(ImageGenerateParams.ResponseFormat.URL).build());

        String url = response.data().orElseThrow().get(0).url().orElseThrow();
        assertThat(url).startsWith("file:");
        Path file = Path.of(URI.create(url));
        assertThat(file.getParent()).isEqualTo(DiffusionModels.dir().resolve("out").toRealPath());
        assertThat(file.getFileName().toString()).endsWith(".png");
        assertThat(png(Files.readAllBytes(file)).getWidth()).isEqualTo(64);
        assertThat(response.data().orElseThrow().get(0).b64Json()).isEmpty();
    }

    @Test
    void aConfigFileDeploymentOfTheEngineServesItsPool() throws IOException {
        Path config = DiffusionModels.dir().resolve("switchboard.yaml");
        Files.writeString(config, "pools:\n"
                + "  images:\n"
                + "    deployments:\n"
                + "      - engine: diffusion\n"
                + "        model: " + DiffusionModels.tiny() + "\n"
                + "        threads: 1\n"
                + "        steps: 2\n"
                + "        scheduler: ddim\n"
                + "        size: 32x16\n");
        try (OpenAIClient fromFile = dev.switchboard.client.okhttp.OpenAIOkHttpClient.builder().routerConfig(config).build()) {
            ImagesResponse response = fromFile.images().generate(ImageGenerateParams.builder().model("images")
                    .prompt("a cat").build());

            BufferedImage image = png(bytes(response.data().orElseThrow().get(0)));
            assertThat(image.getWidth()).isEqualTo(32);
            assertThat(image.getHeight()).isEqualTo(16);
        }
    }

    @Test
    void aSizeThatIsNotAMultipleOfEightIsABadRequest() {
        assertThatThrownBy(() -> client.images().generate(params("a cat").size(ImageGenerateParams.Size.of("100x60")).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("size 100x60 cannot be generated: width and height must be multiples of 8 between 8"
                        + " and 1024 (the latents are an eighth of the image in each direction)");
    }
}
