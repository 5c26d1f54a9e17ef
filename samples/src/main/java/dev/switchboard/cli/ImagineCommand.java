package dev.switchboard.cli;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonValue;
import dev.switchboard.local.DiffusionProgress;
import dev.switchboard.models.images.Image;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import dev.switchboard.router.Router;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard imagine PROMPT -o FILE}: an image written to a file, with a progress bar over its steps. */
@Command(name = "imagine", mixinStandardHelpOptions = true, description = "Draws PROMPT into an image file.")
final class ImagineCommand implements Callable<Integer> {
    @ParentCommand
    Switchboard root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROMPT", arity = "1..*", description = "What to draw (the words are joined)")
    List<String> prompt;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Where the image goes (with -n above 1: FILE-1.png, FILE-2.png, ...)")
    Path output;

    @Option(names = {"-m", "--model"}, defaultValue = "images", description = "The pool (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--size", description = "WIDTHxHEIGHT, e.g. 512x512")
    String size;

    @Option(names = "-n", defaultValue = "1", description = "How many images (default: ${DEFAULT-VALUE})")
    long n;

    @Option(names = "--steps", description = "Denoising steps, for engines that take them")
    Integer steps;

    @Option(names = "--seed", description = "The seed, for the same image again")
    Long seed;

    @Option(names = "--negative", description = "What the image should not show, for engines that take it")
    String negative;

    @Option(names = "--no-progress", description = "No progress bar")
    boolean noProgress;

    @Override
    public Integer call() {
        if (n < 1 || n > 10) throw CliFailure.usage("-n must be 1 to 10, was " + n);
        PrintWriter out = spec.commandLine().getOut();
        StepBar bar = StepBar.open("Imagining", null, 1, !noProgress && System.console() != null, System.err);
        // The diffusion engine reports each denoising step to a listener set on its deployment.
        DiffusionProgress progress = (deployment, step, total) -> bar.progress(step, total);
        Router router;
        try {
            router = root.router(d -> d.kind().equals("diffusion") ? d.toBuilder().putOption("progress", progress).build() : d);
        } catch (RuntimeException e) {
            bar.close();
            throw e;
        }
        try (bar; OpenAIClient client = Switchboard.client(router)) {
            String pool = Switchboard.pool(router, model, root.configFile());
            ImageGenerateParams.Builder params = ImageGenerateParams.builder().model(pool).prompt(String.join(" ", prompt))
                    .n(n).responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON);
            if (size != null) params.size(ImageGenerateParams.Size.of(size));
            if (steps != null) params.putAdditionalBodyProperty("steps", JsonValue.from(steps));
            if (seed != null) params.putAdditionalBodyProperty("seed", JsonValue.from(seed));
            if (negative != null) params.putAdditionalBodyProperty("negative_prompt", JsonValue.from(negative));
            ImagesResponse response = client.images().generate(params.build());
            bar.close();
            List<Image> images = response.data().orElse(List.of());
            if (images.isEmpty()) throw CliFailure.failed("the pool " + pool + " answered without an image");
            for (int i = 0; i < images.size(); i++) {
                Image image = images.get(i);
                Path file = images.size() == 1 ? output : numbered(output, i + 1);
                if (image.b64Json().isPresent()) {
                    byte[] bytes = Base64.getDecoder().decode(image.b64Json().get());
                    try {
                        Files.write(file, bytes);
                    } catch (IOException e) {
                        throw CliFailure.failed("cannot write " + file + ": " + e.getMessage());
                    }
                    out.println("Wrote " + bytes.length + " bytes to " + file);
                } else {
                    out.println("Image " + (i + 1) + " is at " + image.url().orElse("(no data and no url)"));
                }
            }
            out.flush();
            return 0;
        }
    }

    private static Path numbered(Path file, int index) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot < 0 ? name + "-" + index : name.substring(0, dot) + "-" + index + name.substring(dot);
        return file.resolveSibling(numbered);
    }
}
