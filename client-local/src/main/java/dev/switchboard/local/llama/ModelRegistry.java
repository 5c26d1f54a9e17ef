package dev.switchboard.local.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.PoolingType;
import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.LlamaOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models this process has loaded, keyed by canonical file and load settings. llama.cpp frees
 * nothing on close (about 27 MB stay behind per load, measured) and leaves a native thread per load,
 * so each model is loaded once per process and shared. A load that fails is not remembered: the next
 * call tries again (the file may have been fixed or downloaded meanwhile). Loads of different models
 * run at once; two loads of the same one wait for each other.
 */
final class ModelRegistry {
    static final ModelRegistry PROCESS = new ModelRegistry();
    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final Map<Key, LoadedModel> loaded = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();

    /** What makes two loads the same: the file and every setting llama.cpp is loaded with. */
    private static final class Key {
        final Path file;
        final int contextSize;
        final int threads;
        final int gpuLayers;
        final int parallel;
        final boolean embeddings;
        final LlamaOptions.Pooling pooling;
        final String chatTemplate;

        Key(Path file, LlamaOptions o) {
            this.file = file;
            this.contextSize = o.contextSize();
            this.threads = o.threads();
            this.gpuLayers = o.gpuLayers();
            this.parallel = o.parallel();
            this.embeddings = o.embeddings();
            this.pooling = o.embeddings() ? o.pooling() : null;
            this.chatTemplate = o.chatTemplate().orElse(null);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) return false;
            Key k = (Key) o;
            return file.equals(k.file) && contextSize == k.contextSize && threads == k.threads && gpuLayers == k.gpuLayers
                    && parallel == k.parallel && embeddings == k.embeddings && pooling == k.pooling
                    && Objects.equals(chatTemplate, k.chatTemplate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(file, contextSize, threads, gpuLayers, parallel, embeddings, pooling, chatTemplate);
        }
    }

    /** The model a deployment names, loading it on first use; throws ModelLoadException saying what is wrong. */
    LoadedModel load(String deployment, String ref, LlamaOptions options) {
        Path file = canonical(deployment, ModelSource.resolve(ref));
        Key key = new Key(file, options);
        LoadedModel model = loaded.get(key);
        if (model != null) return model;
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            model = loaded.get(key);
            if (model != null) return model;
            model = loadNow(deployment, file, options);
            loaded.put(key, model);
            return model;
        }
    }

    private static Path canonical(String deployment, Path file) {
        try {
            return file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(deployment + ": no model file at " + file.toAbsolutePath()
                    + "; put the GGUF file there, or point the deployment's model at it");
        } catch (IOException e) {
            throw new ModelLoadException(deployment + ": cannot read the model file " + file + ": " + e.getMessage(), e);
        }
    }

    private static LoadedModel loadNow(String deployment, Path file, LlamaOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(deployment + ": " + file + " is not a file; the model must be a GGUF file");
        }
        ModelFacts facts = ModelSource.check(file); // the GGUF checks: native code never sees a file that fails them
        int contextSize = options.contextSize();
        if (facts.trainedContext > 0 && contextSize > facts.trainedContext) {
            log.debug("{}: context_size {} is more than {} was trained for; using {}", deployment, contextSize,
                    file.getFileName(), facts.trainedContext);
            contextSize = facts.trainedContext;
        }
        if (contextSize / options.parallel() < 32) {
            throw new ModelLoadException(deployment + ": " + file.getFileName() + " was trained for " + facts.trainedContext
                    + " tokens of context, which leaves each of the " + options.parallel() + " slots fewer than 32;"
                    + " lower the deployment's parallel option");
        }
        ModelParameters parameters = new ModelParameters()
                .setModel(file.toString())
                .setCtxSize(contextSize)
                .setThreads(options.threads())
                .setThreadsBatch(options.threads())
                .setParallel(options.parallel())
                .disableLog(); // llama.cpp's console logger prints to stderr whatever the callback; it stays paused
        // Only when asked: a CPU-only build prints a warning for any --gpu-layers.
        if (options.gpuLayers() != 0) parameters.setGpuLayers(options.gpuLayers());
        if (options.embeddings()) {
            parameters.enableEmbedding().setPoolingType(
                    options.pooling() == LlamaOptions.Pooling.CLS ? PoolingType.CLS : PoolingType.LAST);
        }
        options.chatTemplate().filter(t -> !t.equals(LlamaOptions.NO_TEMPLATE)).ifPresent(parameters::setChatTemplate);
        NativeLibrary.prepare();
        Set<Thread> before = ExitGuard.snapshot();
        long start = System.nanoTime();
        LlamaModel llama;
        try {
            llama = new LlamaModel(parameters);
        } catch (RuntimeException e) { // the binding's LlamaException is not public
            throw new ModelLoadException(deployment + ": llama.cpp could not load " + file + " (" + e.getMessage()
                    + "); check that it is a complete GGUF model of an architecture llama.cpp b4916 supports", e);
        }
        ExitGuard.adoptNewThreads(before);
        NativeLibrary.routeLog();
        log.debug("{}: loaded {} ({}) in {} ms", deployment, file, options, (System.nanoTime() - start) / 1_000_000);
        return new LoadedModel(llama, facts, file, options, contextSize);
    }
}
