package dev.switchboard.local.files;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A model file on this machine: an absolute path, a path relative to the working directory, or one
 * starting with {@code ~/} (the user's home directory).
 */
public final class LocalFileRef implements ModelRef {
    private final String text;
    private final Path path;

    private LocalFileRef(String text, Path path) {
        this.text = text;
        this.path = path;
    }

    /**
     * The file at {@code path} as written.
     *
     * @throws IllegalArgumentException when {@code path} cannot be a path on this system
     */
    public static LocalFileRef of(String path) {
        if (path == null || path.isEmpty()) throw new IllegalArgumentException("a model file's path is required");
        try {
            return new LocalFileRef(path, Path.of(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("model reference '" + path + "' is not a path on this system: "
                    + e.getReason());
        }
    }

    /** The path as written, before {@code ~} is expanded or a relative path is resolved. */
    public Path path() {
        return path;
    }

    /** The absolute path: {@code ~} and {@code ~/…} under {@code home}, other relative paths under {@code workingDirectory}. */
    Path resolve(Path home, Path workingDirectory) {
        Path resolved;
        if (text.equals("~")) {
            resolved = home;
        } else if (text.startsWith("~/") || text.startsWith("~" + File.separator)) {
            resolved = home.resolve(text.substring(2));
        } else {
            resolved = workingDirectory.resolve(path);
        }
        return resolved.toAbsolutePath().normalize();
    }

    /** Whether the path is relative to the working directory (not absolute, not under {@code ~}). */
    boolean isRelative() {
        return !path.isAbsolute() && !text.equals("~") && !text.startsWith("~/") && !text.startsWith("~" + File.separator);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalFileRef && text.equals(((LocalFileRef) o).text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
