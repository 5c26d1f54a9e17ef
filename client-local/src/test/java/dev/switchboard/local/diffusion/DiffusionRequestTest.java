package dev.switchboard.local.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.local.DiffusionProgress;
import dev.switchboard.local.tiny.TinyDiffusion;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import dev.switchboard.rx.RxOpenAIClient;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a call may ask of the engine, and the 400s for what it cannot honour. */
class DiffusionRequestTest {
    private static final List<String> heard = new ArrayList<>();
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        DiffusionProgress progress = (deployment, step, steps) -> {
            synchronized (heard) {
                heard.add(deployment + " " + step + "/" + steps);
            }
        };
        client = DiffusionModels.client(DiffusionModels.deployment(DiffusionModels.tiny()).putOption("size", "32x24")
                .putOption("max_batch", 64).putOption("progress", progress).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static ImageGenerateParams.Builder params() {
        return ImageGenerateParams.builder().model("images").prompt("a cat").size(ImageGenerateParams.Size.of("16x16"))
                .putAdditionalBodyProperty("seed", JsonValue.from(5));
    }

    private static byte[] image(ImageGenerateParams params) {
        ImagesResponse response = client.images().generate(params);
        return Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());
    }

    private static List<String> heardDuring(Runnable call) {
        synchronized (heard) {
            heard.clear();
        }
        call.run();
        synchronized (heard) {
            return new ArrayList<>(heard);
        }
    }

    @Test
    void theProgressListenerHearsEveryStepOfTheCall() {
        List<String> steps = heardDuring(() -> image(params().putAdditionalBodyProperty("steps", JsonValue.from(3)).build()));

        assertThat(steps).containsExactly("sd 1/3", "sd 2/3", "sd 3/3");
    }

    @Test
    void qualityPicksTheStepsWhenTheCallNamesNone() {
        assertThat(heardDuring(() -> image(params().quality(ImageGenerateParams.Quality.LOW).build()))).hasSize(10)
                .last().isEqualTo("sd 10/10");
        assertThat(heardDuring(() -> image(params().quality(ImageGenerateParams.Quality.LOW)
                .putAdditionalBodyProperty("steps", JsonValue.from(2)).build()))).hasSize(2);
        assertThat(heardDuring(() -> image(params().build()))).hasSize(4); // the deployment's steps
    }

    @Test
    void autoSizeIsTheDeploymentsSize() throws IOException {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(image(params().size(ImageGenerateParams.Size.AUTO).build())));

        assertThat(png.getWidth()).isEqualTo(32);
        assertThat(png.getHeight()).isEqualTo(24);
    }

    @Test
    void theNegativePromptTheSchedulerAndTheGuidanceEachChangeTheImage() {
        byte[] plain = image(params().build());

        assertThat(image(params().putAdditionalBodyProperty("negative_prompt", JsonValue.from("a dog")).build())).isNotEqualTo(plain);
        assertThat(image(params().putAdditionalBodyProperty("scheduler", JsonValue.from("ddim")).build())).isNotEqualTo(plain);
        assertThat(image(params().putAdditionalBodyProperty("scheduler", JsonValue.from("dpmpp_2m")).build()))
                .isNotEqualTo(plain);
        assertThat(image(params().putAdditionalBodyProperty("guidance_scale", JsonValue.from(1)).build())).isNotEqualTo(plain);
        assertThat(image(params().putAdditionalBodyProperty("guidance_scale", JsonValue.from(3)).build())).isNotEqualTo(plain);
        assertThat(image(params().prompt("a dog").build())).isNotEqualTo(plain);
    }

    @Test
    void eulerAncestralIsRepeatableForASeedAndOneSeedGivesOneImageWhateverN() {
        ImageGenerateParams.Builder ancestral = params().putAdditionalBodyProperty("scheduler", JsonValue.from("euler_a"));
        byte[] first = image(ancestral.build());

        assertThat(image(ancestral.build())).isEqualTo(first);
        assertThat(first).isNotEqualTo(image(params().build()));
        ImagesResponse two = client.images().generate(ancestral.n(2).build());
        assertThat(Base64.getDecoder().decode(two.data().orElseThrow().get(0).b64Json().orElseThrow())).isEqualTo(first);
    }

    @Test
    void jpegIsWrittenWhenAsked() throws IOException {
        ImagesResponse response = client.images().generate(params().outputFormat(ImageGenerateParams.OutputFormat.JPEG).build());
        byte[] bytes = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());

        assertThat(bytes[0] & 0xff).isEqualTo(0xFF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xD8);
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes)).getWidth()).isEqualTo(16);
        assertThat(response.outputFormat().orElseThrow().toString()).isEqualTo("jpeg");
    }

    @Test
    void elevenImagesAreABadRequest() {
        assertThatThrownBy(() -> client.images().generate(params().n(11).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("n must be between 1 and 10, was 11");
    }

    @Test
    void aSizeBeyondMaxSizeIsABadRequest() {
        assertThatThrownBy(() -> client.images().generate(params().size(ImageGenerateParams.Size._1792X1024).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("size 1792x1024 cannot be generated: width and height must be multiples of 8 between 8"
                        + " and 1024");
    }

    @Test
    void aSizeThatIsNotWidthByHeightIsABadRequest() {
        assertThatThrownBy(() -> client.images().generate(params().size(ImageGenerateParams.Size.of("large")).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("size must be WIDTHxHEIGHT (such as 512x512) or auto, was 'large'");
    }

    @Test
    void anUnknownSchedulerIsABadRequestListingTheKnownOnes() {
        assertThatThrownBy(() -> client.images().generate(params()
                        .putAdditionalBodyProperty("scheduler", JsonValue.from("dpm++")).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("scheduler must be one of [ddim, dpmpp_2m, euler, euler_a], was 'dpm++'");
    }

    @Test
    void stepsGuidanceAndSeedOutOfRangeAreBadRequests() {
        assertThatThrownBy(() -> client.images().generate(params().putAdditionalBodyProperty("steps", JsonValue.from(0)).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("steps must be a whole number between 1 and 1000, was 0");
        assertThatThrownBy(() -> client.images().generate(params()
                        .putAdditionalBodyProperty("guidance_scale", JsonValue.from("high")).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("guidance_scale must be a number between 0 and 100, was high");
        assertThatThrownBy(() -> client.images().generate(params().putAdditionalBodyProperty("seed", JsonValue.from(-1)).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("seed must be a whole number between 0 and 9007199254740991, was -1");
    }

    @Test
    void webpAndTransparentBackgroundsAreBadRequests() {
        assertThatThrownBy(() -> client.images().generate(params().outputFormat(ImageGenerateParams.OutputFormat.WEBP).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("output_format must be png or jpeg (this engine writes no webp), was 'webp'");
        assertThatThrownBy(() -> client.images().generate(params().background(ImageGenerateParams.Background.TRANSPARENT).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("background transparent cannot be generated by Stable Diffusion; use opaque or auto");
    }

    @Test
    void disposingTheCallStopsTheDenoisingAtTheNextStep() {
        AtomicReference<TestObserver<ImagesResponse>> call = new AtomicReference<>();
        List<Integer> steps = new ArrayList<>();
        DiffusionProgress disposeAtTwo = (deployment, step, total) -> {
            steps.add(step);
            if (step == 2) call.get().dispose();
        };
        try (OpenAIClient cancelling = DiffusionModels.client(DiffusionModels.deployment(DiffusionModels.tiny())
                .putOption("progress", disposeAtTwo).build())) {
            TestObserver<ImagesResponse> observer = new TestObserver<>();
            call.set(observer);
            RxOpenAIClient.of(cancelling, Schedulers.trampoline()).images()
                    .generate(params().putAdditionalBodyProperty("steps", JsonValue.from(20)).build())
                    .subscribe(observer);

            assertThat(steps).containsExactly(1, 2);
            observer.assertNoValues();
        }
    }

    @Test
    void aUnetExportedForABatchOfOneGivesTheSameImageInHalves() {
        java.nio.file.Path fixed = TinyDiffusion.builder().seed(7).unetBatch(1).build()
                .write(DiffusionModels.dir().resolve("batch-of-one"));
        try (OpenAIClient other = DiffusionModels.client(DiffusionModels.deployment(fixed).putOption("size", "32x24")
                .build())) {
            ImagesResponse response = other.images().generate(params().n(2).build());

            assertThat(response.data().orElseThrow()).extracting(i -> i.b64Json().orElseThrow())
                    .isEqualTo(client.images().generate(params().n(2).build()).data().orElseThrow().stream()
                            .map(i -> i.b64Json().orElseThrow()).collect(java.util.stream.Collectors.toList()));
        }
    }

    @Test
    void maxBatchSplitsTheUnetsBatchWithoutChangingTheImages() {
        ImageGenerateParams three = params().n(3).build();
        try (OpenAIClient split = DiffusionModels.client(DiffusionModels.deployment(DiffusionModels.tiny())
                .putOption("size", "32x24").putOption("max_batch", 4).build())) {
            assertThat(split.images().generate(three).data().orElseThrow()).extracting(i -> i.b64Json().orElseThrow())
                    .isEqualTo(client.images().generate(three).data().orElseThrow().stream()
                            .map(i -> i.b64Json().orElseThrow()).collect(java.util.stream.Collectors.toList()));
        }
    }

    @Test
    void aUnetExportedForABatchOfTwoRunsASingleUnguidedImage() {
        java.nio.file.Path fixed = TinyDiffusion.builder().seed(7).unetBatch(2).build()
                .write(DiffusionModels.dir().resolve("batch-of-two"));
        ImageGenerateParams unguided = params().putAdditionalBodyProperty("guidance_scale", JsonValue.from(1)).build();
        try (OpenAIClient other = DiffusionModels.client(DiffusionModels.deployment(fixed).build())) {
            assertThat(other.images().generate(unguided).data().orElseThrow().get(0).b64Json())
                    .isEqualTo(client.images().generate(unguided).data().orElseThrow().get(0).b64Json());
        }
    }

    @Test
    void aHalfPrecisionExportGivesNearlyTheImageOfItsFloat32Twin() throws IOException {
        java.nio.file.Path half = TinyDiffusion.builder().seed(7).half().floatTimestep().build()
                .write(DiffusionModels.dir().resolve("half"));
        java.nio.file.Path full = TinyDiffusion.builder().seed(7).floatTimestep().build()
                .write(DiffusionModels.dir().resolve("full"));
        BufferedImage a;
        BufferedImage b;
        try (OpenAIClient halfClient = DiffusionModels.client(DiffusionModels.deployment(half).build());
                OpenAIClient fullClient = DiffusionModels.client(DiffusionModels.deployment(full).build())) {
            a = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                    halfClient.images().generate(params().build()).data().orElseThrow().get(0).b64Json().orElseThrow())));
            b = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                    fullClient.images().generate(params().build()).data().orElseThrow().get(0).b64Json().orElseThrow())));
        }
        long total = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) total += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
            }
        }
        assertThat(total / (16.0 * 16 * 3)).isLessThan(3.0); // within a few levels of 255 on average
    }

    @Test
    void aModelExportedWithAFloatTimestepRunsToo() throws IOException {
        java.nio.file.Path model = TinyDiffusion.builder().floatTimestep().build()
                .write(DiffusionModels.dir().resolve("float-timestep"));
        try (OpenAIClient other = DiffusionModels.client(DiffusionModels.deployment(model).build())) {
            ImagesResponse response = other.images().generate(params().build());
            byte[] png = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());

            assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(16);
        }
    }
}
