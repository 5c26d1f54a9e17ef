package dev.switchboard.local.diffusion;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.core.JsonMissing;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.local.DiffusionOptions;
import dev.switchboard.models.images.ImageGenerateParams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image generation request, read and checked before any tensor is made: every field that reaches
 * ONNX Runtime is in range, and anything the engine cannot honour is a 400 naming the field.
 *
 * <p>The official fields: {@code prompt}, {@code n} (1 to 10), {@code size} ({@code WIDTHxHEIGHT},
 * sides multiples of 8 up to the deployment's {@code max_size}; {@code auto} is the deployment's size),
 * {@code response_format} ({@code b64_json}, the default, or {@code url}), {@code output_format}
 * ({@code png} or {@code jpeg}, with {@code output_compression}), and {@code quality}, which picks the
 * number of steps when the call gives none: {@code low} 10, {@code medium} 20, {@code high} and
 * {@code hd} 40, {@code standard} and {@code auto} the deployment's. {@code style}, {@code moderation}
 * and {@code user} are accepted and have no effect. The engine's own, as additional body properties:
 * {@code steps} (1 to the schedule's training steps), {@code guidance_scale} (0 to 100; 1 or less turns
 * guidance off), {@code seed} (0 to 2^53 - 1; random when absent), {@code negative_prompt} and
 * {@code scheduler} ({@code euler}, {@code euler_a}, {@code ddim}, {@code dpmpp_2m}). Other extras are
 * ignored, with a warning once per deployment and name.
 */
final class ImageRequest {
    static final Set<String> EXTRAS = Set.of("steps", "guidance_scale", "seed", "negative_prompt", "scheduler");
    static final int MAX_IMAGES = 10;
    static final int MAX_PROMPT = 32_000;
    /** Seeds stay below 2^53, so they travel through JSON as exact numbers. */
    static final long MAX_SEED = (1L << 53) - 1;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    final String prompt;
    final String negativePrompt;
    final int n;
    final int width;
    final int height;
    final boolean url;
    final String format;
    final int jpegQuality;
    final int steps;
    final double guidanceScale;
    final long seed;
    final String scheduler;
    final String quality;
    final List<String> ignoredExtras;

    private ImageRequest(String prompt, String negativePrompt, int n, int width, int height, boolean url, String format,
            int jpegQuality, int steps, double guidanceScale, long seed, String scheduler, String quality,
            List<String> ignoredExtras) {
        this.prompt = prompt;
        this.negativePrompt = negativePrompt;
        this.n = n;
        this.width = width;
        this.height = height;
        this.url = url;
        this.format = format;
        this.jpegQuality = jpegQuality;
        this.steps = steps;
        this.guidanceScale = guidanceScale;
        this.seed = seed;
        this.scheduler = scheduler;
        this.quality = quality;
        this.ignoredExtras = ignoredExtras;
    }

    /** Reads {@code params} against the deployment's options and the loaded model; throws BadRequestException naming the field. */
    static ImageRequest read(ImageGenerateParams params, DiffusionOptions options, LoadedPipeline pipeline) {
        String prompt = params.prompt();
        if (prompt == null || prompt.isBlank()) throw BackendErrors.badRequest("prompt", "prompt must not be empty");
        if (prompt.length() > MAX_PROMPT) {
            throw BackendErrors.badRequest("prompt", "prompt must be at most " + MAX_PROMPT + " characters, was " + prompt.length());
        }
        long n = params.n().orElse(1L);
        if (n < 1 || n > MAX_IMAGES) throw BackendErrors.badRequest("n", "n must be between 1 and " + MAX_IMAGES + ", was " + n);

        int width = options.width();
        int height = options.height();
        String size = params.size().map(s -> s.toString()).orElse("auto");
        if (!size.equals("auto")) {
            Matcher m = SIZE.matcher(size);
            if (!m.matches()) {
                throw BackendErrors.badRequest("size", "size must be WIDTHxHEIGHT (such as 512x512) or auto, was '" + size + "'");
            }
            width = Integer.parseInt(m.group(1));
            height = Integer.parseInt(m.group(2));
            int max = options.maxSize();
            if (width % 8 != 0 || height % 8 != 0 || width < 8 || height < 8 || width > max || height > max) {
                throw BackendErrors.badRequest("size", "size " + size + " cannot be generated: width and height must be multiples"
                        + " of 8 between 8 and " + max + " (the latents are an eighth of the image in each direction)");
            }
        }
        if ((pipeline.latentWidth > 0 && pipeline.latentWidth * 8 != width)
                || (pipeline.latentHeight > 0 && pipeline.latentHeight * 8 != height)) {
            throw BackendErrors.badRequest("size", "this model's UNet was exported for " + pipeline.latentWidth * 8 + "x"
                    + pipeline.latentHeight * 8 + " only; ask for that size, was " + width + "x" + height);
        }

        String responseFormat = params.responseFormat().map(Object::toString).orElse("b64_json");
        if (!responseFormat.equals("b64_json") && !responseFormat.equals("url")) {
            throw BackendErrors.badRequest("response_format", "response_format must be b64_json or url, was '" + responseFormat + "'");
        }
        String format = params.outputFormat().map(Object::toString).orElse("png");
        if (!format.equals("png") && !format.equals("jpeg")) {
            throw BackendErrors.badRequest("output_format", "output_format must be png or jpeg (this engine writes no "
                    + format + "), was '" + format + "'");
        }
        long compression = params.outputCompression().orElse(90L);
        if (compression < 0 || compression > 100) {
            throw BackendErrors.badRequest("output_compression", "output_compression must be between 0 and 100, was " + compression);
        }
        if (params.background().map(Object::toString).filter("transparent"::equals).isPresent()) {
            throw BackendErrors.badRequest("background", "background transparent cannot be generated by Stable Diffusion;"
                    + " use opaque or auto");
        }
        if (params.partialImages().orElse(0L) != 0) {
            throw BackendErrors.badRequest("partial_images", "partial_images needs streaming, which this engine does not offer");
        }

        Map<String, JsonValue> extras = params._additionalBodyProperties();
        String quality = params.quality().map(Object::toString).orElse("auto");
        int steps = (int) (long) whole(extras, "steps", 1, pipeline.schedule.trainSteps).orElse((long) stepsFor(quality, options));
        double guidance = number(extras, "guidance_scale", 0, 100).orElse(options.guidanceScale());
        long seed = whole(extras, "seed", 0, MAX_SEED).orElse(ThreadLocalRandom.current().nextLong(MAX_SEED + 1));
        String negative = text(extras, "negative_prompt");
        if (negative != null && negative.length() > MAX_PROMPT) {
            throw BackendErrors.badRequest("negative_prompt", "negative_prompt must be at most " + MAX_PROMPT + " characters");
        }
        String scheduler = text(extras, "scheduler");
        if (scheduler == null) scheduler = options.scheduler().orElse(Scheduler.defaultFor(pipeline.schedule));
        if (!DiffusionOptions.SCHEDULERS.contains(scheduler)) {
            throw BackendErrors.badRequest("scheduler", "scheduler must be one of " + new TreeSet<>(DiffusionOptions.SCHEDULERS)
                    + ", was '" + scheduler + "'");
        }
        List<String> ignored = new ArrayList<>();
        for (String key : new TreeSet<>(extras.keySet())) {
            if (!EXTRAS.contains(key)) ignored.add(key);
        }
        return new ImageRequest(prompt, negative == null ? "" : negative, (int) n, width, height,
                responseFormat.equals("url"), format, (int) compression, steps, guidance, seed, scheduler, quality, ignored);
    }

    /** The steps {@code quality} stands for when the call names no steps. */
    static int stepsFor(String quality, DiffusionOptions options) {
        switch (quality.toLowerCase(Locale.ROOT)) {
            case "low":
                return 10;
            case "medium":
                return 20;
            case "high":
            case "hd":
                return 40;
            default:
                return options.steps();
        }
    }

    boolean guided() {
        return guidanceScale > 1;
    }

    private static boolean present(JsonValue v) {
        return v != null && !(v instanceof JsonMissing) && !(v instanceof JsonNull);
    }

    private static java.util.Optional<Long> whole(Map<String, JsonValue> extras, String name, long min, long max) {
        JsonValue v = extras.get(name);
        if (!present(v)) return java.util.Optional.empty();
        Long value = null;
        if (v instanceof JsonNumber) {
            try {
                value = new BigDecimal(((JsonNumber) v).value().toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                value = null;
            }
        }
        if (value == null || value < min || value > max) {
            throw BackendErrors.badRequest(name, name + " must be a whole number between " + min + " and " + max + ", was " + v);
        }
        return java.util.Optional.of(value);
    }

    private static java.util.Optional<Double> number(Map<String, JsonValue> extras, String name, double min, double max) {
        JsonValue v = extras.get(name);
        if (!present(v)) return java.util.Optional.empty();
        double d = v instanceof JsonNumber ? ((JsonNumber) v).value().doubleValue() : Double.NaN;
        if (!Double.isFinite(d) || d < min || d > max) {
            throw BackendErrors.badRequest(name, name + " must be a number between " + (long) min + " and " + (long) max
                    + ", was " + v);
        }
        return java.util.Optional.of(d);
    }

    private static String text(Map<String, JsonValue> extras, String name) {
        JsonValue v = extras.get(name);
        if (!present(v)) return null;
        if (!(v instanceof JsonString)) throw BackendErrors.badRequest(name, name + " must be a string, was " + v);
        return ((JsonString) v).value();
    }
}
