package dev.switchboard.local.files;

import dev.switchboard.errors.ModelLoadException;
import java.nio.file.Path;

/**
 * Hears about model file downloads: each {@link #downloadStarted} is followed by progress and then
 * exactly one of {@link #downloadFinished} or {@link #downloadFailed}. Files found in the cache are
 * not downloaded and make no events. Every method has an empty default, so a listener overrides what
 * it needs. Callbacks run on the downloading thread and should be quick; what one throws is logged and
 * ignored, never a reason to stop a download.
 */
public interface DownloadListener {
    /** Hears nothing. */
    DownloadListener NONE = new DownloadListener() {
        @Override
        public String toString() {
            return "DownloadListener.NONE";
        }
    };

    /**
     * A download begins, at byte {@code resumedFrom} when an interrupted one is resumed (0 otherwise).
     * {@code totalBytes} is the file's size, or -1 when the hub did not say.
     */
    default void downloadStarted(HubFileRef file, long resumedFrom, long totalBytes) {}

    /**
     * {@code bytesDone} of {@code totalBytes} (-1 when unknown) are on disk, counting resumed bytes. Called
     * when the download starts, then at most about every 1% of the file or a quarter second, and at the
     * end with {@code bytesDone == totalBytes}. It never decreases.
     */
    default void downloadProgress(HubFileRef file, long bytesDone, long totalBytes) {}

    /** The file was checked and moved into the cache as {@code blob}. */
    default void downloadFinished(HubFileRef file, Path blob) {}

    /** The download stopped; {@code failure} is what {@link ModelFiles#resolve(ModelRef)} throws. */
    default void downloadFailed(HubFileRef file, ModelLoadException failure) {}
}
