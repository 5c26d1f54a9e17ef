package dev.switchboard.demo;

import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.files.DownloadListener;
import dev.switchboard.local.files.HubEnvironment;
import dev.switchboard.local.files.HubFileRef;
import dev.switchboard.local.files.ModelFiles;
import dev.switchboard.local.tiny.TinyDiffusion;
import dev.switchboard.local.tiny.TinyLlama;
import dev.switchboard.local.tiny.TinyWhisper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The model each local engine of the demo runs: the one the user named; else a real default found on
 * disk or in the Hugging Face cache (downloaded first when the user allows it); else a tiny model
 * with random weights written here, which proves the plumbing and whose output is noise.
 */
final class LocalModels {
    /** llama.cpp's own test model (stories260K, 1 MB): a real model that writes children's stories. */
    static final String STORIES = "hf:ggml-org/models/tinyllamas/stories260K.gguf";
    /** whisper.cpp's smallest English model (75 MB). */
    static final String WHISPER_TINY_EN = "hf:ggerganov/whisper.cpp/ggml-tiny.en.bin";

    /** A model for one engine: its reference, and whether what it produces is meaningless. */
    static final class Choice {
        final String model;
        final boolean noise;
        final String origin;

        Choice(String model, boolean noise, String origin) {
            this.model = model;
            this.noise = noise;
            this.origin = origin;
        }
    }

    private final Path scratch;
    private final boolean download;
    private final PrintStream out;

    LocalModels(Path scratch, boolean download, PrintStream out) {
        this.scratch = scratch;
        this.download = download;
        this.out = out;
    }

    Choice llama(String asked) {
        if (asked != null) return new Choice(asked, false, "as asked");
        for (String candidate : new String[] {"../shared/models/stories260K.gguf", "shared/models/stories260K.gguf",
                "../../shared/models/stories260K.gguf"}) {
            if (Files.isRegularFile(Path.of(candidate))) return new Choice(candidate, false, "found on disk");
        }
        return hub(STORIES).orElseGet(() -> new Choice(
                TinyLlama.builder().seed(1).contextLength(512).build().write(scratch.resolve("tiny-llama.gguf")).toString(),
                true, "tiny random llama written for this run"));
    }

    Choice whisper(String asked) {
        if (asked != null) return new Choice(asked, false, "as asked");
        return hub(WHISPER_TINY_EN).orElseGet(() -> new Choice(
                TinyWhisper.builder().seed(1).build().write(scratch.resolve("tiny-whisper.bin")).toString(),
                true, "tiny random whisper written for this run"));
    }

    /** No default: a real Stable Diffusion 1.5 export is 2 GB or more, too much to fetch for a demo. */
    Choice diffusion(String asked) {
        if (asked != null) return new Choice(asked, false, "as asked");
        return new Choice(TinyDiffusion.builder().seed(1).build().write(scratch.resolve("tiny-sd15")).toString(),
                true, "tiny random Stable Diffusion 1.5 ONNX folder written for this run");
    }

    /** The cached file of {@code ref}; downloaded first when downloads are allowed; empty when neither works. */
    private Optional<Choice> hub(String ref) {
        HubEnvironment environment = HubEnvironment.fromSystem();
        try {
            Path cached = ModelFiles.builder().environment(environment.toBuilder().offline(true).build()).build().resolve(ref);
            return Optional.of(new Choice(cached.toString(), false, ref + " from the Hugging Face cache"));
        } catch (ModelLoadException notCached) {
            if (!download || environment.offline()) return Optional.empty();
        }
        try {
            out.println("  downloading " + ref + " …");
            Path fetched = ModelFiles.builder().environment(environment).listener(progress()).build().resolve(ref);
            return Optional.of(new Choice(fetched.toString(), false, ref + ", downloaded"));
        } catch (ModelLoadException failed) {
            out.println("  could not download " + ref + ": " + failed.getMessage());
            return Optional.empty();
        }
    }

    /** A console progress bar per download. */
    private static DownloadListener progress() {
        return new DownloadListener() {
            private ProgressBar bar;

            @Override
            public void downloadStarted(HubFileRef file, long resumedFrom, long totalBytes) {
                bar = new ProgressBarBuilder().setTaskName(file.path()).setInitialMax(Math.max(totalBytes, 0))
                        .setUnit(" MB", 1 << 20).showSpeed().build();
                bar.stepTo(resumedFrom);
            }

            @Override
            public void downloadProgress(HubFileRef file, long bytesDone, long totalBytes) {
                if (bar != null) bar.stepTo(bytesDone);
            }

            @Override
            public void downloadFinished(HubFileRef file, Path blob) {
                if (bar != null) bar.close();
            }

            @Override
            public void downloadFailed(HubFileRef file, ModelLoadException failure) {
                if (bar != null) bar.close();
            }
        };
    }
}
