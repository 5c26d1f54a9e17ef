package dev.switchboard.local.diffusion;

import dev.switchboard.local.DiffusionOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipelines this process has loaded, keyed by model folder and session settings: deployments
 * naming the same model share one set of sessions (a Stable Diffusion 1.5 UNet alone is 3.4 GB in
 * float32). A load that fails is not remembered, so the next call tries again.
 */
final class PipelineRegistry {
    static final PipelineRegistry PROCESS = new PipelineRegistry();
    private static final Logger log = LoggerFactory.getLogger(PipelineRegistry.class);

    private final Map<Key, LoadedPipeline> loaded = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();

    private static final class Key {
        final Path root;
        final int threads;
        final DiffusionOptions.Provider provider;

        Key(Path root, DiffusionOptions options) {
            this.root = root;
            this.threads = options.threads();
            this.provider = options.provider();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) return false;
            Key k = (Key) o;
            return root.equals(k.root) && threads == k.threads && provider == k.provider;
        }

        @Override
        public int hashCode() {
            return Objects.hash(root, threads, provider);
        }
    }

    /** The pipeline a deployment names, loading it on first use; throws ModelLoadException saying what is wrong. */
    LoadedPipeline load(String deployment, String ref, DiffusionOptions options) {
        Path root = ModelFolder.resolve(deployment, ref);
        Key key = new Key(root, options);
        LoadedPipeline pipeline = loaded.get(key);
        if (pipeline != null) return pipeline;
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            pipeline = loaded.get(key);
            if (pipeline != null) return pipeline;
            long start = System.nanoTime();
            pipeline = LoadedPipeline.load(deployment, root, options);
            log.debug("{}: loaded {} on {} in {} ms", deployment, root, pipeline.provider,
                    (System.nanoTime() - start) / 1_000_000);
            loaded.put(key, pipeline);
            return pipeline;
        }
    }
}
