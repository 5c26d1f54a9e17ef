package dev.switchboard.local.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Held by whoever downloads a blob, so one thread or process downloads it while the others wait and
 * then find it in place.
 *
 * <p>Two locks, because a {@link FileLock} belongs to the whole JVM: a second {@code lock()} on the same
 * file from this process throws {@code OverlappingFileLockException} rather than waiting. So threads
 * first queue on one in-process lock per lock file, shared by every {@link ModelFiles} of the JVM (hence
 * the static map: the thing it guards is per process too); the holder then takes the file lock, which
 * makes other JVMs using the same cache wait. On Linux that file lock is a POSIX record lock, which
 * does not exclude Python's {@code filelock} (flock): a {@code huggingface-cli} downloading the same
 * blob at the same moment is not kept out, and the SHA-256 check is what catches a blob mixed that way.
 */
final class BlobLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, Entry> IN_PROCESS = new ConcurrentHashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users; // guarded by IN_PROCESS.compute; the entry is dropped when the last user leaves
    }

    private final Path key;
    private final Entry entry;
    private final FileChannel channel;
    private final FileLock fileLock;

    private BlobLock(Path key, Entry entry, FileChannel channel, FileLock fileLock) {
        this.key = key;
        this.entry = entry;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits for, then holds, the lock of {@code lockFile} (made with its folders when missing). */
    static BlobLock acquire(Path lockFile) throws IOException, InterruptedException {
        Path key = lockFile.toAbsolutePath().normalize();
        Entry entry = IN_PROCESS.compute(key, (k, e) -> {
            Entry in = e != null ? e : new Entry();
            in.users++;
            return in;
        });
        boolean locked = false;
        FileChannel channel = null;
        try {
            entry.lock.lockInterruptibly();
            locked = true;
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.lock();
            return new BlobLock(key, entry, channel, fileLock);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            if (channel != null) closeQuietly(channel);
            if (locked) entry.lock.unlock();
            leave(key);
            throw e;
        }
    }

    /** Releases both locks. The lock file stays: deleting it would race with the next one to open it. */
    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // closing the channel releases it anyway
        }
        closeQuietly(channel);
        entry.lock.unlock();
        leave(key);
    }

    private static void leave(Path key) {
        IN_PROCESS.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written to it
        }
    }

    /** How many lock files have holders or waiters in this process; for tests. */
    static int inUse() {
        return IN_PROCESS.size();
    }
}
