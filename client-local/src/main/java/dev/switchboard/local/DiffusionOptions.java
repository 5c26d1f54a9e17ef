package dev.switchboard.local;

import dev.switchboard.router.Deployment;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of one {@code engine: diffusion} deployment, read from its options and checked when the
 * router is built: a bad value is an {@link IllegalArgumentException} naming the deployment, the
 * option and the value.
 *
 * <pre>
 * - name: local-images
 *   engine: diffusion
 *   model: ./models/stable-diffusion-v1-5-onnx   # a folder in the SD 1.5 ONNX layout, or hf:owner/repo
 *   threads: 4               # ONNX Runtime's intra-op threads
 *   provider: auto           # auto (CUDA when present at run time, else CPU) | cpu | cuda
 *   steps: 25                # denoising steps unless a call says (extra body property steps)
 *   guidance_scale: 7.5      # classifier-free guidance unless a call says
 *   scheduler: euler         # euler | euler_a | ddim | dpmpp_2m; the model's own when it is one of them, else euler
 *   size: 512x512            # the size of size=auto (and of calls that give none)
 *   max_size: 1024           # the largest width or height a call may ask for
 *   max_batch: 4             # UNet batch per call at most (a guided image counts 2): bounds memory for large n
 *   output_dir: /srv/images  # where response_format=url writes its PNG files
 * </pre>
 */
public final class DiffusionOptions {
    /** The schedulers the engine runs. */
    public static final Set<String> SCHEDULERS = Set.of("euler", "euler_a", "ddim", "dpmpp_2m");

    /** Where ONNX Runtime runs the models. */
    public enum Provider {
        /** CUDA when ONNX Runtime's CUDA provider is present at run time, otherwise the CPU. */
        AUTO,
        CPU,
        /** CUDA, or a failed load when its provider is absent. */
        CUDA
    }

    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    private static final List<String> KEYS = List.of("threads", "provider", "steps", "guidance_scale", "scheduler",
            "size", "max_size", "max_batch", "output_dir", "progress");

    private final int threads;
    private final Provider provider;
    private final int steps;
    private final double guidanceScale;
    private final String scheduler;
    private final int width;
    private final int height;
    private final int maxSize;
    private final int maxBatch;
    private final Path outputDir;
    private final DiffusionProgress progress;

    private DiffusionOptions(Builder b) {
        this.threads = b.threads;
        this.provider = b.provider;
        this.steps = b.steps;
        this.guidanceScale = b.guidanceScale;
        this.scheduler = b.scheduler;
        this.width = b.width;
        this.height = b.height;
        this.maxSize = b.maxSize;
        this.maxBatch = b.maxBatch;
        this.outputDir = b.outputDir;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The options of a deployment, checked; throws IllegalArgumentException naming deployment, option and value. */
    public static DiffusionOptions of(Deployment deployment) {
        OptionReader options = OptionReader.of(deployment, "diffusion", KEYS);
        String at = options.at();
        Builder b = builder();
        b.at = at;
        options.integer("threads").ifPresent(b::threads);
        options.integer("steps").ifPresent(b::steps);
        options.integer("max_size").ifPresent(b::maxSize);
        options.integer("max_batch").ifPresent(b::maxBatch);
        options.number("guidance_scale").ifPresent(b::guidanceScale);
        Object provider = options.value("provider").orElse(null);
        if (provider != null) {
            try {
                b.provider(Provider.valueOf(String.valueOf(provider).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".provider must be auto, cpu or cuda, was '" + provider + "'");
            }
        }
        options.text("scheduler").ifPresent(b::scheduler);
        Object size = options.value("size").orElse(null);
        if (size != null) {
            Matcher m = SIZE.matcher(String.valueOf(size));
            if (!m.matches()) {
                throw new IllegalArgumentException(at + ".size must be WIDTHxHEIGHT such as 512x512, was '" + size + "'");
            }
            b.size(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        Object dir = options.value("output_dir").orElse(null);
        if (dir != null) {
            try {
                b.outputDir(Path.of(String.valueOf(dir)));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(at + ".output_dir is not a path: " + e.getMessage());
            }
        }
        Object progress = options.value("progress").orElse(null);
        if (progress != null) {
            if (!(progress instanceof DiffusionProgress)) {
                throw new IllegalArgumentException(at + ".progress must be a " + DiffusionProgress.class.getName()
                        + " set in code, was '" + progress + "'");
            }
            b.progress((DiffusionProgress) progress);
        }
        return b.build();
    }

    public int threads() {
        return threads;
    }

    public Provider provider() {
        return provider;
    }

    /** Denoising steps of a call that does not say. */
    public int steps() {
        return steps;
    }

    /** Classifier-free guidance of a call that does not say; 1 or less turns guidance off. */
    public double guidanceScale() {
        return guidanceScale;
    }

    /** {@code euler}, {@code euler_a}, {@code ddim} or {@code dpmpp_2m}; empty for the model's own (when the engine has it, else euler). */
    public Optional<String> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /** The width of {@code size=auto}. */
    public int width() {
        return width;
    }

    /** The height of {@code size=auto}. */
    public int height() {
        return height;
    }

    /** The largest width or height a call may ask for. */
    public int maxSize() {
        return maxSize;
    }

    /**
     * The largest batch one UNet call runs (a guided image counts twice: its unconditional and
     * conditional halves); more images run in several calls a step, so memory stays bounded whatever n is.
     */
    public int maxBatch() {
        return maxBatch;
    }

    /** The folder {@code response_format=url} writes its files to. */
    public Path outputDir() {
        return outputDir;
    }

    public DiffusionProgress progress() {
        return progress;
    }

    /** The options as written in a config file, for messages and logs. */
    @Override
    public String toString() {
        return "threads=" + threads + ", provider=" + provider.name().toLowerCase(Locale.ROOT) + ", steps=" + steps
                + ", guidance_scale=" + guidanceScale + (scheduler == null ? "" : ", scheduler=" + scheduler) + ", size="
                + width + "x" + height + ", max_size=" + maxSize + ", max_batch=" + maxBatch + ", output_dir=" + outputDir;
    }

    public static final class Builder {
        private String at = "diffusion";
        private int threads = Runtime.getRuntime().availableProcessors();
        private Provider provider = Provider.AUTO;
        private int steps = 25;
        private double guidanceScale = 7.5;
        private String scheduler;
        private int width = 512;
        private int height = 512;
        private int maxSize = 1024;
        private int maxBatch = 4;
        private Path outputDir = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-images");
        private DiffusionProgress progress = DiffusionProgress.NONE;

        private Builder() {}

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder provider(Provider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        public Builder guidanceScale(double guidanceScale) {
            this.guidanceScale = guidanceScale;
            return this;
        }

        /** {@code euler}, {@code euler_a}, {@code ddim} or {@code dpmpp_2m}. */
        public Builder scheduler(String scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        public Builder maxBatch(int maxBatch) {
            this.maxBatch = maxBatch;
            return this;
        }

        public Builder outputDir(Path outputDir) {
            this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
            return this;
        }

        public Builder progress(DiffusionProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Throws IllegalArgumentException naming the option and the bad value. */
        public DiffusionOptions build() {
            range("threads", threads, 1, 1024);
            range("steps", steps, 1, 1000);
            range("max_size", maxSize, 8, 4096);
            range("max_batch", maxBatch, 1, 64);
            if (!Double.isFinite(guidanceScale) || guidanceScale < 0 || guidanceScale > 100) {
                throw new IllegalArgumentException(at + ".guidance_scale must be between 0 and 100, was " + guidanceScale);
            }
            if (scheduler != null && !SCHEDULERS.contains(scheduler)) {
                throw new IllegalArgumentException(at + ".scheduler must be one of " + new TreeSet<>(SCHEDULERS)
                        + ", was '" + scheduler + "'");
            }
            for (int side : new int[] {width, height}) {
                if (side < 8 || side > maxSize || side % 8 != 0) {
                    throw new IllegalArgumentException(at + ".size " + width + "x" + height + " must have sides that are"
                            + " multiples of 8 between 8 and max_size " + maxSize);
                }
            }
            return new DiffusionOptions(this);
        }

        private void range(String option, int value, int min, int max) {
            OptionReader.range(at, option, value, min, max);
        }
    }
}
