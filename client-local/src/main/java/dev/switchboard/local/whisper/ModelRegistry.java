package dev.switchboard.local.whisper;

import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.files.ModelFiles;
import io.github.givimad.whisperjni.WhisperContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whisper models this process has loaded, one per canonical file, shared by every deployment
 * that names it (each deployment makes its own states on it). A load that fails is not remembered:
 * the next call tries again (the file may have been fixed or downloaded meanwhile). Two loads of
 * the same file wait for each other.
 */
final class ModelRegistry {
    static final ModelRegistry PROCESS = new ModelRegistry();
    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final Map<Path, LoadedModel> loaded = new ConcurrentHashMap<>();
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();
    private volatile ModelFiles files;

    /** The model a deployment names, loading it on first use; throws ModelLoadException saying what is wrong. */
    LoadedModel load(String deployment, String ref) {
        Path file = canonical(deployment, resolve(deployment, ref));
        LoadedModel model = loaded.get(file);
        if (model != null) return model;
        synchronized (locks.computeIfAbsent(file, k -> new Object())) {
            model = loaded.get(file);
            if (model != null) return model;
            model = loadNow(deployment, file);
            loaded.put(file, model);
            return model;
        }
    }

    private Path resolve(String ref) {
        ModelFiles f = files;
        if (f == null) {
            synchronized (this) {
                if (files == null) files = ModelFiles.fromSystem();
                f = files;
            }
        }
        return f.resolve(ref);
    }

    private Path resolve(String deployment, String ref) {
        try {
            return resolve(ref);
        } catch (ModelLoadException e) {
            throw new ModelLoadException(deployment + ": " + e.getMessage(), e);
        }
    }

    private static Path canonical(String deployment, Path file) {
        try {
            return file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(deployment + ": no model file at " + file.toAbsolutePath()
                    + "; put the whisper.cpp model (ggml-*.bin) there, or point the deployment's model at it");
        } catch (IOException e) {
            throw new ModelLoadException(deployment + ": cannot read the model file " + file + ": " + e.getMessage(), e);
        }
    }

    private static LoadedModel loadNow(String deployment, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(deployment + ": " + file + " is not a file; the model must be a whisper.cpp ggml file");
        }
        WhisperModelFile checked;
        try {
            checked = WhisperModelFile.read(file); // native code never sees a file that fails these checks
        } catch (ModelLoadException e) {
            throw new ModelLoadException(deployment + ": " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        WhisperContext context = NativeWhisper.load(file);
        if (context == null) {
            throw new ModelLoadException(deployment + ": whisper.cpp could not load " + file + " (" + checked
                    + "); its log, at debug level under dev.switchboard.local.whisper.native, says why");
        }
        log.debug("{}: loaded {} in {} ms", deployment, checked, (System.nanoTime() - start) / 1_000_000);
        return new LoadedModel(context, checked);
    }
}
