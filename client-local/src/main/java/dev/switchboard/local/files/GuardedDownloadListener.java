package dev.switchboard.local.files;

import dev.switchboard.errors.ModelLoadException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a user's listener, logging and swallowing what it throws: a listener never stops a download.
 * The first failure is logged with its stack trace, later ones (a progress bar failing at every
 * report) in one line at debug level.
 */
final class GuardedDownloadListener implements DownloadListener {
    private static final Logger log = LoggerFactory.getLogger(DownloadListener.class);

    private final DownloadListener delegate;
    private boolean failedBefore;

    GuardedDownloadListener(DownloadListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void downloadStarted(HubFileRef file, long resumedFrom, long totalBytes) {
        try {
            delegate.downloadStarted(file, resumedFrom, totalBytes);
        } catch (RuntimeException e) {
            failed("downloadStarted", file, e);
        }
    }

    @Override
    public void downloadProgress(HubFileRef file, long bytesDone, long totalBytes) {
        try {
            delegate.downloadProgress(file, bytesDone, totalBytes);
        } catch (RuntimeException e) {
            failed("downloadProgress", file, e);
        }
    }

    @Override
    public void downloadFinished(HubFileRef file, Path blob) {
        try {
            delegate.downloadFinished(file, blob);
        } catch (RuntimeException e) {
            failed("downloadFinished", file, e);
        }
    }

    @Override
    public void downloadFailed(HubFileRef file, ModelLoadException failure) {
        try {
            delegate.downloadFailed(file, failure);
        } catch (RuntimeException e) {
            failed("downloadFailed", file, e);
        }
    }

    private void failed(String method, HubFileRef file, RuntimeException e) {
        if (failedBefore) {
            log.debug("DownloadListener {} failed again in {} for {}: {}; ignored", delegate, method, file, e.toString());
        } else {
            failedBefore = true;
            log.warn("DownloadListener {} failed in {} for {}; ignored", delegate, method, file, e);
        }
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
