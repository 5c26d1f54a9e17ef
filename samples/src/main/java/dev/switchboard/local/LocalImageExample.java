package dev.switchboard.local;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Paints an image with Stable Diffusion 1.5 running inside this JVM: the virtual model {@code images}
 * is a pool of one diffusion deployment of a model folder in the SD 1.5 ONNX layout (or
 * {@code hf:owner/repo}), and each denoising step moves a bar on the console.
 *
 * <pre>mvn -q -pl samples -am -DskipTests package exec:java -Dexec.mainClass=dev.switchboard.local.LocalImageExample \
 *     -Dexec.args="path/to/sd15-onnx 'a lighthouse at dusk, oil painting' lighthouse.png"</pre>
 */
public final class LocalImageExample {
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: LocalImageExample MODEL_FOLDER [PROMPT] [OUTPUT.png] [STEPS] [SEED]");
            System.exit(2);
        }
        String prompt = args.length > 1 ? args[1] : "a lighthouse at dusk, oil painting";
        Path output = Path.of(args.length > 2 ? args[2] : "image.png");
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;

        ProgressBar[] bar = new ProgressBar[1];
        DiffusionProgress progress = (deployment, step, total) -> {
            if (bar[0] == null) bar[0] = new ProgressBarBuilder().setTaskName("Denoising").setInitialMax(total).build();
            bar[0].stepTo(step);
        };
        Deployment sd = Deployment.builder().name("sd15").kind("diffusion").model(args[0])
                .putOption("progress", progress).build();
        Router router = Router.builder().addPool(Pool.builder().name("images").addDeployment(sd).build()).build();
        try (OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build()) {
            ImagesResponse response = client.images().generate(ImageGenerateParams.builder()
                    .model("images")
                    .prompt(prompt)
                    .size(ImageGenerateParams.Size._512X512)
                    .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON)
                    .putAdditionalBodyProperty("steps", JsonValue.from(steps))
                    .putAdditionalBodyProperty("seed", JsonValue.from(seed))
                    .putAdditionalBodyProperty("negative_prompt", JsonValue.from("blurry, low quality"))
                    .build());
            if (bar[0] != null) bar[0].close();
            byte[] png = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());
            Files.write(output, png);
            System.out.println("Wrote " + output.toAbsolutePath() + " (" + png.length + " bytes, seed " + seed + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
