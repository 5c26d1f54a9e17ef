package dev.switchboard.local.files;

import dev.switchboard.errors.ModelLoadException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one blob into the cache: streamed to {@code blobs/<etag>.incomplete}, resumed from what
 * that file already holds with a {@code Range} request, checked against the hub's ETag while it is
 * written, then moved to {@code blobs/<etag>} in one step, so a blob in place is always whole.
 *
 * <p>It does not retry: an interrupted download keeps its bytes, and the next resolve (the router's
 * next attempt, or the next start of the program) resumes it. The caller holds the blob's {@link BlobLock}.
 */
final class BlobDownload {
    private static final Logger log = LoggerFactory.getLogger(BlobDownload.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 64 * 1024;

    private final OkHttpClient http;
    private final HubEnvironment env;
    private final LongSupplier nanoTime;

    BlobDownload(OkHttpClient http, HubEnvironment env, LongSupplier nanoTime) {
        // A download takes as long as it takes; OkHttp's read timeout still ends a stalled one.
        this.http = http.newBuilder().retryOnConnectionFailure(false).callTimeout(Duration.ZERO).build();
        this.env = env;
        this.nanoTime = nanoTime;
    }

    /** Puts the content {@code meta} describes at {@code cache.blob(meta.etag)}. */
    void run(HubFileRef file, HubClient.Metadata meta, HubCache cache, HubErrors errors, DownloadListener listener) {
        Path blob = cache.blob(meta.etag);
        Path incomplete = cache.incomplete(meta.etag);
        try {
            Files.createDirectories(blob.getParent());
        } catch (IOException e) {
            throw errors.cacheNotWritable(blob.getParent(), e);
        }
        long offset = sizeOf(incomplete);
        if (meta.size >= 0 && offset > meta.size) {
            delete(incomplete); // longer than the file: not a prefix of it
            offset = 0;
        }
        checkRoom(meta.size - offset, blob.getParent(), errors);

        long total;
        try (FileChannel out = FileChannel.open(incomplete, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(offset).position(offset);
            total = fetch(file, meta, incomplete, out, offset, errors, listener);
        } catch (IOException e) {
            throw errors.cacheNotWritable(incomplete, e); // opening the file, before the download started
        }
        try {
            HubCache.moveIntoPlace(incomplete, blob);
        } catch (IOException e) {
            ModelLoadException failure = errors.cacheNotWritable(blob, e);
            listener.downloadFailed(file, failure);
            throw failure;
        }
        log.info("Downloaded {} ({}) into {}", file, HubErrors.bytes(total), blob);
        listener.downloadFinished(file, blob);
    }

    /** Requests the bytes from {@code offset} on and writes them to {@code out}; returns the file's size. */
    private long fetch(HubFileRef file, HubClient.Metadata meta, Path incomplete, FileChannel out, long offset,
            HubErrors errors, DownloadListener listener) throws IOException {
        if (meta.size >= 0 && offset == meta.size) {
            // A previous attempt got every byte but stopped before the check: check what is there.
            ProgressReport progress = new ProgressReport(listener, file, meta.size, nanoTime);
            progress.started(offset);
            try {
                Optional<ContentCheck> check = ContentCheck.forEtag(meta.etag, meta.size);
                if (check.isPresent()) hashExisting(incomplete, offset, check.get());
                return finish(file, meta, incomplete, out, offset, check, progress, errors);
            } catch (ModelLoadException e) {
                listener.downloadFailed(file, e);
                throw e;
            } catch (IOException e) {
                throw failed(file, errors.cacheNotWritable(incomplete, e), listener);
            }
        }
        for (boolean rangeRefused = false; ; ) {
            Request.Builder request = new Request.Builder().get().url(meta.location)
                    .header("User-Agent", HubClient.USER_AGENT)
                    .header("Accept-Encoding", "identity"); // a byte range of the file, not of a compressed form
            if (offset > 0) request.header("Range", "bytes=" + offset + "-");
            if (sameHost(meta.location, env.endpointUrl())) {
                // The hub itself serves the file (a small one kept in git): it may need the token. A CDN's
                // address is signed, and the token is not sent there, as huggingface_hub does not.
                env.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
            }
            if (offset > 0) log.info("Resuming the download of {} at {}", file, HubErrors.bytes(offset));
            else log.info("Downloading {}{} from {}", file, meta.size >= 0 ? " (" + HubErrors.bytes(meta.size) + ")" : "",
                    meta.location.host());
            Response response;
            try {
                response = http.newCall(request.build()).execute();
            } catch (IOException e) {
                throw errors.cut(offset, meta.size, incomplete, e);
            }
            try (response) {
                if (response.code() == 416 && offset > 0 && !rangeRefused) {
                    // The server cannot serve the rest of what we hold (the file changed?): start over once.
                    rangeRefused = true;
                    out.truncate(0).position(0);
                    offset = 0;
                    continue;
                }
                if (!response.isSuccessful()) {
                    HubRefusal refusal = HubRefusal.of(response);
                    throw sameHost(response.request().url(), env.endpointUrl())
                            ? errors.refused(refusal)
                            : errors.downloadRefused(refusal, response.request().url().host());
                }
                Optional<ContentCheck> check;
                long total = meta.size;
                if (offset > 0 && response.code() == 206) {
                    String range = response.header("Content-Range", "");
                    Matcher m = CONTENT_RANGE.matcher(range.strip());
                    if (!m.matches() || Long.parseLong(m.group(1)) != offset) {
                        out.close();
                        delete(incomplete);
                        throw errors.rangeRefused(offset, range);
                    }
                    if (total < 0 && !m.group(3).equals("*")) total = Long.parseLong(m.group(3));
                    check = ContentCheck.forEtag(meta.etag, total);
                    if (check.isPresent()) hashExisting(incomplete, offset, check.get());
                } else {
                    if (offset > 0) {
                        // The server ignored the Range and sends the whole file: keep none of the old bytes.
                        log.info("The server sent all of {} instead of resuming at {}", file, HubErrors.bytes(offset));
                        out.truncate(0).position(0);
                        offset = 0;
                    }
                    if (total < 0) total = contentLength(response.body());
                    check = ContentCheck.forEtag(meta.etag, total);
                }
                ProgressReport progress = new ProgressReport(listener, file, total, nanoTime);
                progress.started(offset);
                try {
                    long done = copy(response.body(), out, offset, total, check, progress, incomplete, errors);
                    return finish(file, meta, incomplete, out, done, check, progress, errors);
                } catch (ModelLoadException e) {
                    throw failed(file, e, listener);
                } catch (IOException e) {
                    throw failed(file, errors.cacheNotWritable(incomplete, e), listener);
                }
            }
        }
    }

    private long copy(ResponseBody body, FileChannel out, long offset, long total, Optional<ContentCheck> check,
            ProgressReport progress, Path incomplete, HubErrors errors) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long done = offset;
        try (InputStream in = body.byteStream()) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw errors.cut(done, total, incomplete, e);
                }
                if (n < 0) break;
                if (total >= 0 && done + n > total) {
                    out.close();
                    delete(incomplete);
                    throw errors.tooLong(done + n, total);
                }
                check.ifPresent(c -> c.update(buffer, 0, n));
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) out.write(bytes);
                done += n;
                progress.advanced(done);
                if (Thread.currentThread().isInterrupted()) throw errors.interrupted("downloading");
            }
        }
        if (total >= 0 && done < total) {
            throw errors.cut(done, total, incomplete, new EOFException("the server ended the file early"));
        }
        return done;
    }

    /** Checks the content and flushes it; returns its size. */
    private static long finish(HubFileRef file, HubClient.Metadata meta, Path incomplete, FileChannel out, long done,
            Optional<ContentCheck> check, ProgressReport progress, HubErrors errors) throws IOException {
        if (check.isPresent()) {
            String actual = check.get().actual();
            if (!actual.equals(check.get().expected())) {
                out.close();
                delete(incomplete);
                throw errors.corrupt(check.get(), actual);
            }
        } else {
            log.debug("{}: ETag {} is not a digest; only the size was checked", file, meta.etag);
        }
        out.force(true); // on disk before it is named as whole
        progress.completed(done);
        return done;
    }

    private static ModelLoadException failed(HubFileRef file, ModelLoadException failure, DownloadListener listener) {
        listener.downloadFailed(file, failure);
        return failure;
    }

    private static void hashExisting(Path incomplete, long length, ContentCheck check) throws IOException {
        try (FileChannel in = FileChannel.open(incomplete, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long left = length;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(BUFFER, left));
                int n = in.read(buffer);
                if (n < 0) throw new EOFException(incomplete + " is shorter than " + length + " bytes");
                buffer.flip();
                check.update(buffer);
                left -= n;
            }
        }
    }

    private static void checkRoom(long needed, Path folder, HubErrors errors) {
        if (needed <= 0) return;
        long free;
        try {
            free = Files.getFileStore(folder).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return; // unknown: let the writes say so
        }
        if (free < needed) throw errors.noRoom(needed, free, folder);
    }

    private static boolean sameHost(HttpUrl a, HttpUrl b) {
        return a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }

    private static long contentLength(ResponseBody body) {
        return body == null ? -1 : body.contentLength();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}
