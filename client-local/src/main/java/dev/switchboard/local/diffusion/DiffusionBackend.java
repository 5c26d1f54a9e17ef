package dev.switchboard.local.diffusion;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.local.files.ModelRef;
import ai.onnxruntime.OrtException;
import dev.switchboard.backend.Backend;
import dev.switchboard.backend.Health;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.DiffusionOptions;
import dev.switchboard.local.DiffusionProgress;
import dev.switchboard.models.images.Image;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import dev.switchboard.models.models.Model;
import dev.switchboard.models.models.ModelListParams;
import dev.switchboard.router.Capability;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deployment on a Stable Diffusion 1.5 ONNX pipeline inside this JVM ({@code engine: diffusion}):
 * {@code images().generate(...)} and its model as the model list.
 *
 * <p>The pipeline loads on the first call, once per process for every deployment naming the same
 * folder with the same settings; a failed load is a {@link ModelLoadException} (the router tries the
 * pool's next deployment) and is tried again on the next call. Calls run on the subscribing thread;
 * disposing stops the run within the UNet call under way. Every request value is checked before a
 * tensor is made: what the engine cannot honour is a 400 naming the field.
 */
public final class DiffusionBackend implements Backend {
    private static final Logger log = LoggerFactory.getLogger(DiffusionBackend.class);

    private final String deployment;
    private final String modelRef;
    private final DiffusionOptions options;
    private final Clock clock;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile LoadedPipeline loaded;

    private DiffusionBackend(String deployment, String modelRef, DiffusionOptions options, Clock clock) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.modelRef = Objects.requireNonNull(modelRef, "modelRef");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A backend for deployment {@code deployment} on the model folder {@code modelRef}; nothing loads
     * until the first call. Throws IllegalArgumentException when a hub reference names no repository.
     */
    public static DiffusionBackend create(String deployment, String modelRef, DiffusionOptions options, Clock clock) {
        try {
            ModelFolder.checkReference(modelRef);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deployments." + deployment + ".model: " + e.getMessage(), e);
        }
        return new DiffusionBackend(deployment, modelRef, options, clock);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.IMAGES, Capability.MODELS);
    }

    LoadedPipeline pipeline() {
        LoadedPipeline pipeline = loaded;
        if (pipeline == null) loaded = pipeline = PipelineRegistry.PROCESS.load(deployment, modelRef, options);
        return pipeline;
    }

    @Override
    public Single<ImagesResponse> images(ImageGenerateParams params, RequestOptions requestOptions) {
        return Single.create(emitter -> {
            LoadedPipeline pipeline = pipeline();
            ImageRequest request = ImageRequest.read(params, options, pipeline);
            for (String extra : request.ignoredExtras) {
                if (warned.add(extra)) {
                    log.warn("{} ignores '{}': the diffusion engine reads no such parameter; it reads {} (this warning is"
                            + " given once per deployment and parameter)", deployment, extra,
                            new java.util.TreeSet<>(ImageRequest.EXTRAS));
                }
            }
            Generation generation = new Generation(pipeline, request, options.maxBatch());
            emitter.setCancellable(generation::cancel);
            List<float[]> pixels;
            try {
                pixels = generation.run(step -> progress(step, request.steps));
            } catch (CancellationException e) {
                emitter.tryOnError(e);
                return;
            } catch (OrtException | RuntimeException e) { // ONNX Runtime's failures, and a model answering unexpected shapes
                if (e instanceof dev.switchboard.errors.OpenAIException) throw e;
                if (!emitter.isDisposed()) {
                    emitter.tryOnError(BackendErrors.failed(deployment + ": ONNX Runtime failed to generate the image: "
                            + e.getMessage(), e));
                }
                return;
            }
            emitter.onSuccess(response(request, pixels));
        });
    }

    private void progress(int step, int steps) {
        DiffusionProgress listener = options.progress();
        if (listener == DiffusionProgress.NONE) return;
        try {
            listener.onStep(deployment, step, steps);
        } catch (RuntimeException e) {
            log.warn("{}: the progress listener failed at step {} of {}; ignored", deployment, step, steps, e);
        }
    }

    private ImagesResponse response(ImageRequest request, List<float[]> pixels) {
        List<Image> data = new ArrayList<>(pixels.size());
        String extension = request.format.equals("jpeg") ? "jpg" : "png";
        String batch = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < pixels.size(); i++) {
            byte[] bytes = ImageEncoding.encode(pixels.get(i), request.width, request.height, request.format,
                    request.jpegQuality);
            Image.Builder image = Image.builder();
            if (request.url) {
                image.url(write(bytes, clock.millis() + "-" + batch + "-" + i + "." + extension).toUri().toString());
            } else {
                image.b64Json(Base64.getEncoder().encodeToString(bytes));
            }
            image.putAdditionalProperty("seed", JsonNumber.of(request.seed + i));
            data.add(image.build());
        }
        return ImagesResponse.builder()
                .created(clock.millis() / 1000)
                .data(data)
                .outputFormat(ImagesResponse.OutputFormat.of(request.format))
                .size(ImagesResponse.Size.of(request.width + "x" + request.height))
                .build();
    }

    /** Writes a file whole (a temporary name moved into place), so no reader sees half an image. */
    private Path write(byte[] bytes, String name) {
        Path dir = options.outputDir();
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Path partial = Files.createTempFile(dir, ".image", ".part");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw BackendErrors.failed(deployment + ": cannot write the image to " + dir
                    + " (the deployment's output_dir): " + e.getMessage(), e);
        }
    }

    @Override
    public Single<List<Model>> models(ModelListParams params, RequestOptions requestOptions) {
        return Single.fromCallable(() -> List.of(Model.builder().id(modelRef).created(clock.millis() / 1000)
                .ownedBy("switchboard-local").build()));
    }

    /** The engine's state, never a generation and never a load: healthy before the first call loads the model too. */
    @Override
    public Single<Health> health(Duration timeout) {
        return Single.fromCallable(() -> {
            LoadedPipeline pipeline = loaded;
            if (pipeline == null) return Health.healthy("model not loaded yet; the first call loads it");
            return Health.healthy("model loaded on " + pipeline.provider);
        });
    }

    /** Nothing to free per deployment: the sessions are shared by every deployment naming the model, for the life of the process. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "diffusion(" + ModelRef.shortName(modelRef, "") + ")";
    }

}
