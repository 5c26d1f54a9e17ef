package dev.switchboard.local.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Makes a snapshot's entry point at its blob as {@code huggingface_hub} does: a relative symbolic link
 * ({@code ../../blobs/<etag>}, one more {@code ../} per folder of the path), so the cache can be moved
 * whole. Where links cannot be made (Windows without the privilege, some network drives) the entry
 * is the file itself: a new blob is moved there, an older one (maybe shared with another snapshot) copied.
 */
enum SnapshotLinks {
    /** Links where the file system allows them, the file itself elsewhere. */
    LINK_OR_FILE,
    /** Always the file itself, as on a file system without links. */
    FILE;

    /** Makes {@code entry} lead to {@code blob}. */
    void link(Path blob, Path entry, boolean newBlob) throws IOException {
        Files.createDirectories(entry.getParent());
        if (this == LINK_OR_FILE) {
            Path target = entry.getParent().relativize(blob);
            try {
                Files.deleteIfExists(entry);
                Files.createSymbolicLink(entry, target);
                return;
            } catch (FileAlreadyExistsException e) {
                // Another process linked it between the delete and the link: fine if it leads to the same blob.
                if (Files.isSymbolicLink(entry) && Files.readSymbolicLink(entry).equals(target)) return;
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // No links here: fall through to the file itself.
            }
        }
        Path tmp = entry.resolveSibling("." + entry.getFileName() + "." + UUID.randomUUID() + ".tmp");
        if (newBlob) {
            HubCache.moveIntoPlace(blob, tmp);
        } else {
            Files.copy(blob, tmp);
        }
        HubCache.moveIntoPlace(tmp, entry);
    }
}
