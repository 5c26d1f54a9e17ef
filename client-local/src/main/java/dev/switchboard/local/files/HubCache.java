package dev.switchboard.local.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One repository's folder in the Hugging Face hub cache, laid out as {@code huggingface_hub} lays it
 * out, so that files it downloaded are found here and the other way round:
 *
 * <pre>
 * &lt;cache&gt;/models--owner--repo/
 *     refs/main                          the commit hash main pointed at, as text without a newline
 *     blobs/&lt;etag&gt;                        the content: named by its SHA-256 (LFS files) or git SHA-1
 *     blobs/&lt;etag&gt;.incomplete             a download in progress or interrupted
 *     snapshots/&lt;commit&gt;/path/in/repo     a relative symbolic link to ../../blobs/&lt;etag&gt; (or a copy)
 * &lt;cache&gt;/.locks/models--owner--repo/&lt;etag&gt;.lock   held while the blob is downloaded
 * </pre>
 */
final class HubCache {
    // What the hub sends as a commit or an ETag becomes a file name here: nothing that could leave the folder.
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}");

    private final Path cacheDir;
    private final HubFileRef file;
    private final String folderName;
    private final Path repoDir;

    HubCache(Path cacheDir, HubFileRef file) {
        this.cacheDir = cacheDir;
        this.file = file;
        // huggingface_hub's repo_folder_name: the type, then the id's parts, joined by "--".
        this.folderName = "models--" + file.owner() + "--" + file.repo();
        this.repoDir = cacheDir.resolve(folderName);
    }

    /** Whether {@code name} (a commit hash or an ETag from the hub) can safely name a file in the cache. */
    static boolean isSafeName(String name) {
        return name != null && SAFE_NAME.matcher(name).matches();
    }

    Path repoDir() {
        return repoDir;
    }

    Path refFile(String revision) {
        return repoDir.resolve("refs").resolve(revision); // a revision's '/' (refs/pr/1) makes folders, as in git
    }

    Path blob(String etag) {
        return repoDir.resolve("blobs").resolve(etag);
    }

    Path incomplete(String etag) {
        return repoDir.resolve("blobs").resolve(etag + ".incomplete");
    }

    Path lockFile(String etag) {
        return cacheDir.resolve(".locks").resolve(folderName).resolve(etag + ".lock");
    }

    /** Where the file appears at {@code commit}: {@code snapshots/<commit>/<path>}. */
    Path snapshot(String commit) {
        Path p = repoDir.resolve("snapshots").resolve(commit);
        for (String part : file.path().split("/")) p = p.resolve(part);
        return p;
    }

    /** The commit {@code refs/<revision>} records, if the cache has one that is safe to use. */
    Optional<String> readRef(String revision) {
        Path ref = refFile(revision);
        try {
            if (!Files.isRegularFile(ref)) return Optional.empty();
            String commit = Files.readString(ref, StandardCharsets.UTF_8).strip();
            return isSafeName(commit) ? Optional.of(commit) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The file as the cache has it for the reference's revision, without the network: through
     * {@code refs/<revision>} for a branch or tag, directly for a commit.
     */
    Optional<Path> cached() {
        Optional<String> commit = file.isPinned() ? Optional.of(file.revision()) : readRef(file.revision());
        return commit.map(this::snapshot).filter(Files::isRegularFile); // isRegularFile follows the link to its blob
    }

    /** Records that {@code revision} is at {@code commit}, replacing the file at once so readers never see half. */
    void writeRef(String revision, String commit) throws IOException {
        if (revision.equals(commit) || readRef(revision).filter(commit::equals).isPresent()) return;
        Path ref = refFile(revision);
        Files.createDirectories(ref.getParent());
        Path tmp = ref.resolveSibling("." + ref.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Files.writeString(tmp, commit, StandardCharsets.UTF_8);
        moveIntoPlace(tmp, ref);
    }

    /** Moves {@code from} to {@code to} in one step, replacing what is there. Both are in one folder tree. */
    static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
