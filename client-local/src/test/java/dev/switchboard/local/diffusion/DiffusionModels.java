package dev.switchboard.local.diffusion;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.local.tiny.TinyDiffusion;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.RetryPolicy;
import dev.switchboard.router.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tiny SD-shaped model folders the engine's tests run on, written once per test JVM (the engine
 * keeps each loaded pipeline for the life of the process, so tests share them), and clients whose
 * virtual model {@code images} routes to a diffusion deployment of one.
 */
final class DiffusionModels {
    private static Path dir;
    private static Path tiny;

    private DiffusionModels() {}

    static synchronized Path tiny() {
        if (tiny == null) tiny = TinyDiffusion.builder().seed(7).build().write(dir().resolve("tiny"));
        return tiny;
    }

    static synchronized Path dir() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("switchboard-diffusion-test");
                Path created = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created)));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind: nothing else to do at exit.
        }
    }

    static Deployment.Builder deployment(Path model) {
        return Deployment.builder().name("sd").kind("diffusion").model(model.toString())
                .putOption("threads", 1).putOption("steps", 4);
    }

    /** A client whose calls have one attempt: a failed load shows at once. */
    static OpenAIClient client(Deployment deployment) {
        Router router = Router.builder().addPool(Pool.builder().name("images").addDeployment(deployment).build())
                .retryPolicy(RetryPolicy.builder().maxRetries(0).build()).build();
        return OpenAIOkHttpClient.builder().router(router).build();
    }
}
