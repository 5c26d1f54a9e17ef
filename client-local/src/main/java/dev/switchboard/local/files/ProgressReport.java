package dev.switchboard.local.files;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tells a listener how far one download is, at a rate a progress bar or a log can take: at the start,
 * then whenever another 1% of the file (1 MiB when the size is unknown) or a quarter second has passed,
 * and at the end.
 */
final class ProgressReport {
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long UNKNOWN_SIZE_STEP = 1 << 20;

    private final DownloadListener listener;
    private final HubFileRef file;
    private final long total;
    private final long step;
    private final LongSupplier nanoTime;
    private long reported;
    private long reportedAt;

    ProgressReport(DownloadListener listener, HubFileRef file, long total, LongSupplier nanoTime) {
        this.listener = listener;
        this.file = file;
        this.total = total;
        this.step = total > 0 ? Math.max(1, total / 100) : UNKNOWN_SIZE_STEP;
        this.nanoTime = nanoTime;
    }

    /** A download (or a new start of one) from byte {@code from}. */
    void started(long from) {
        listener.downloadStarted(file, from, total);
        report(from);
    }

    /** {@code done} bytes are on disk. */
    void advanced(long done) {
        if (done - reported >= step || nanoTime.getAsLong() - reportedAt >= INTERVAL_NANOS) report(done);
    }

    /** All {@code done} bytes are on disk: the last report says so, if the previous one did not. */
    void completed(long done) {
        if (done != reported) report(done);
    }

    private void report(long done) {
        reported = done;
        reportedAt = nanoTime.getAsLong();
        listener.downloadProgress(file, done, total);
    }
}
