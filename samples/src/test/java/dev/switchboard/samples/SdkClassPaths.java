package dev.switchboard.samples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The test class path split in two: Switchboard without the official SDK, and the official SDK
 * without Switchboard. Libraries both use (OkHttp, Kotlin, test tools) are on both. Keeping each SDK
 * off the other's path proves a sample compiled for one cannot quietly use the other.
 */
record SdkClassPaths(String switchboard, String official) {

    static SdkClassPaths ofThisJvm() {
        List<String> switchboard = new ArrayList<>();
        List<String> official = new ArrayList<>();
        boolean foundOfficial = false;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path path = Path.of(entry);
            if (contains(path, "com/openai/")) {
                official.add(entry);
                foundOfficial = true;
            } else if (contains(path, "dev/switchboard/samples/")) {
                // The samples as Maven compiled them, and this test: each run gets its own compiled copy.
                continue;
            } else if (contains(path, "dev/switchboard/")) {
                switchboard.add(entry);
            } else {
                switchboard.add(entry);
                official.add(entry);
            }
        }
        if (!foundOfficial) {
            throw new IllegalStateException("the official SDK (com.openai:openai-java) is not on the test class path");
        }
        return new SdkClassPaths(String.join(File.pathSeparator, switchboard), String.join(File.pathSeparator, official));
    }

    private static boolean contains(Path entry, String packagePrefix) {
        if (Files.isDirectory(entry)) return Files.isDirectory(entry.resolve(packagePrefix));
        if (!Files.isRegularFile(entry)) return false;
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return jar.stream().anyMatch(e -> e.getName().startsWith(packagePrefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class path entry " + entry, e);
        }
    }
}
