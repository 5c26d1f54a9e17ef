package dev.switchboard.local.files;

import dev.switchboard.errors.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds model files for the local engines: {@link #resolve(String)} turns a {@link ModelRef} into the
 * path of a readable file, downloading a hub file into the Hugging Face cache the first time.
 *
 * <p>A hub file is resolved as {@code huggingface_hub} resolves it, in the same cache, so files either
 * downloaded are shared:
 *
 * <ul>
 *   <li>a reference pinned to a commit whose file is in the cache is used without the network;
 *   <li>offline ({@link HubEnvironment#offline()}), the cache is all there is: {@code refs/<revision>}
 *       names the commit, and its snapshot the file;
 *   <li>otherwise one {@code HEAD} request asks the hub which commit the branch or tag is at and which
 *       content the file has; a file the cache has is used as it is, a missing one downloaded (resumed
 *       if an earlier attempt was cut, checked against the hub's SHA-256, moved into place whole);
 *   <li>when the hub cannot be reached, is down, or refuses access, a cached copy of the revision
 *       still serves (with a warning); when the hub says the revision or file does not exist, it does not.
 * </ul>
 *
 * <p>Failures are {@link ModelLoadException}s that name the file and say what to do. Concurrent resolves
 * of one file, from threads of this process or from other JVMs sharing the cache, download it once.
 * One instance can serve every engine; it holds no open resources.
 */
public final class ModelFiles {
    private static final Logger log = LoggerFactory.getLogger(ModelFiles.class);

    private final HubEnvironment env;
    private final OkHttpClient http;
    private final DownloadListener listener;
    private final Duration metadataTimeout;
    private final Path home;
    private final Path workingDirectory;
    private final SnapshotLinks links;
    private final LongSupplier nanoTime;
    private final HubClient hub;
    private final BlobDownload download;

    private ModelFiles(Builder b) {
        this.env = b.env != null ? b.env : HubEnvironment.fromSystem();
        this.http = b.http != null ? b.http : new OkHttpClient();
        this.listener = b.listener;
        this.metadataTimeout = b.metadataTimeout;
        this.home = b.home;
        this.workingDirectory = b.workingDirectory;
        this.links = b.links;
        this.nanoTime = b.nanoTime;
        this.hub = new HubClient(env, http, metadataTimeout);
        this.download = new BlobDownload(http, env, nanoTime);
    }

    /** Files from this process's environment ({@link HubEnvironment#fromSystem()}), with a new HTTP client. */
    public static ModelFiles fromSystem() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder newBuilder() {
        Builder b = new Builder();
        b.env = env;
        b.http = http;
        b.listener = listener;
        b.metadataTimeout = metadataTimeout;
        b.home = home;
        b.workingDirectory = workingDirectory;
        b.links = links;
        b.nanoTime = nanoTime;
        return b;
    }

    public HubEnvironment environment() {
        return env;
    }

    /**
     * The file {@code ref} names, as {@link #resolve(ModelRef)}.
     *
     * @throws IllegalArgumentException when {@code ref} is not a valid reference
     * @throws ModelLoadException when the file is missing and cannot be downloaded
     */
    public Path resolve(String ref) {
        return resolve(ModelRef.parse(ref));
    }

    /**
     * The path of a readable file: a local reference's absolute path, or a hub reference's entry in
     * the cache ({@code <cache>/models--owner--repo/snapshots/<commit>/<path>}), downloaded if needed.
     * Blocks while downloading; an interrupt stops the download (its bytes are kept for the next attempt).
     *
     * @throws ModelLoadException when the file is missing and cannot be downloaded
     */
    public Path resolve(ModelRef ref) {
        Objects.requireNonNull(ref, "ref");
        if (ref instanceof LocalFileRef) return resolveLocal((LocalFileRef) ref);
        return resolveHub((HubFileRef) ref);
    }

    private Path resolveLocal(LocalFileRef ref) {
        Path path = ref.resolve(home, workingDirectory);
        if (Files.isRegularFile(path)) {
            if (!Files.isReadable(path)) {
                throw new ModelLoadException("model file " + path + " cannot be read: check its permissions");
            }
            return path;
        }
        String written = ref.isRelative() ? " (from '" + ref + "', relative to the working directory "
                + workingDirectory.toAbsolutePath().normalize() + ")" : "";
        if (Files.isDirectory(path)) {
            throw new ModelLoadException("model path " + path + written + " is a folder, not a file: name the model"
                    + " file in it" + filesIn(path));
        }
        String hubHint = looksLikeHubFile(ref)
                ? "; if it is a file on the Hugging Face hub, write " + ModelRef.HUB_PREFIX + ref
                : ", or name a file on the Hugging Face hub as hf:owner/repo/path";
        throw new ModelLoadException("model file " + path + written + " does not exist: put the file there" + hubHint);
    }

    /** ", such as a.gguf or b.gguf" for the first few files of {@code folder}, or nothing. */
    private static String filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().limit(4).collect(Collectors.toList());
            return names.isEmpty() ? "" : " (it holds " + String.join(", ", names) + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** {@code Qwen/Qwen3-0.6B-GGUF/model.gguf}: three or more parts, written as a hub path would be. */
    private static boolean looksLikeHubFile(LocalFileRef ref) {
        String text = ref.toString();
        if (!ref.isRelative() || text.startsWith(".")) return false;
        try {
            ModelRef.parse(ModelRef.HUB_PREFIX + text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Path resolveHub(HubFileRef file) {
        HubCache cache = new HubCache(env.cacheDir(), file);
        HubErrors errors = new HubErrors(env, file, cache);
        Optional<Path> cached = cache.cached();
        if (file.isPinned() && cached.isPresent()) return cached.get(); // a commit's files never change
        if (env.offline()) return cached.orElseThrow(errors::offline);

        HubClient.Metadata meta;
        try {
            meta = hub.head(file);
        } catch (IOException e) {
            return cachedInstead(file, cached, "the hub cannot be reached (" + HubErrors.describe(e) + ")")
                    .orElseThrow(() -> errors.unreachable(e));
        } catch (HubRefusal refusal) {
            if (!refusal.cacheMayServe()) throw errors.refused(refusal);
            return cachedInstead(file, cached, "the hub answered " + refusal.getMessage())
                    .orElseThrow(() -> errors.refused(refusal));
        }

        Path entry = cache.snapshot(meta.commit);
        if (!Files.isRegularFile(entry)) place(file, meta, cache, errors, entry);
        try {
            // Only now that the file is in place, so a failed download leaves an older commit's file findable.
            cache.writeRef(file.revision(), meta.commit);
        } catch (IOException e) {
            throw errors.cacheNotWritable(cache.refFile(file.revision()), e);
        }
        return entry;
    }

    /** Downloads the blob unless someone already did, and makes the snapshot's entry lead to it. */
    @SuppressWarnings("try") // the lock is held, not used
    private void place(HubFileRef file, HubClient.Metadata meta, HubCache cache, HubErrors errors, Path entry) {
        Path blob = cache.blob(meta.etag);
        try (BlobLock lock = BlobLock.acquire(cache.lockFile(meta.etag))) {
            // Whoever held the lock before may have just put the blob (or, without links, the entry) in place.
            if (Files.isRegularFile(entry)) return;
            boolean newBlob = !Files.isRegularFile(blob);
            if (newBlob) download.run(file, meta, cache, errors, new GuardedDownloadListener(listener));
            try {
                links.link(blob, entry, newBlob);
            } catch (IOException e) {
                throw errors.cacheNotWritable(entry, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted("waiting for another download of");
        } catch (IOException e) {
            throw errors.cacheNotWritable(cache.lockFile(meta.etag), e);
        }
    }

    private static Optional<Path> cachedInstead(HubFileRef file, Optional<Path> cached, String why) {
        cached.ifPresent(p -> log.warn("Using the cached {} as {}: {}", file, p, why));
        return cached;
    }

    @Override
    public String toString() {
        return "ModelFiles{" + env + "}";
    }

    public static final class Builder {
        private HubEnvironment env;
        private OkHttpClient http;
        private DownloadListener listener = DownloadListener.NONE;
        private Duration metadataTimeout = Duration.ofSeconds(10);
        private Path home = Path.of(System.getProperty("user.home"));
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private SnapshotLinks links = SnapshotLinks.LINK_OR_FILE;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {}

        /** Cache, hub, token and offline mode; {@link HubEnvironment#fromSystem()} when not set. */
        public Builder environment(HubEnvironment environment) {
            this.env = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * The HTTP client for the hub, such as the router's ({@code BackendContext.httpClient()}), so
         * they share connections and threads; a new one when not set. Its proxy, TLS and read timeout
         * apply; redirects, retries and the call timeout are set here.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.http = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** Hears about downloads; {@link DownloadListener#NONE} when not set. */
        public Builder listener(DownloadListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How long the hub may take to say which file to download, before a cached copy is used instead; 10 s. */
        public Builder metadataTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("metadataTimeout must be > 0, was " + timeout);
            }
            this.metadataTimeout = timeout;
            return this;
        }

        /** The folder {@code ~} stands for in local paths; {@code user.home} when not set. */
        public Builder homeDirectory(Path home) {
            this.home = Objects.requireNonNull(home, "home").toAbsolutePath();
            return this;
        }

        /** The folder relative local paths start from; the process's working directory when not set. */
        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath();
            return this;
        }

        Builder links(SnapshotLinks links) {
            this.links = links;
            return this;
        }

        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        public ModelFiles build() {
            return new ModelFiles(this);
        }
    }
}
