package dev.switchboard.local.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.args.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets llama.cpp's JNI library loaded without a word on stdout. The binding's own loader extracts
 * the library from its jar to {@code java.io.tmpdir} and prints "Extracted …" to System.out, and
 * every JVM writes the same file name. So the library is extracted here, once per content, into a
 * directory named by its SHA-256 (written to a temporary name and moved into place, so JVMs running
 * at once never see half a file), and the binding is pointed at it through its
 * {@code de.kherud.llama.lib.path} property. A property the user set is left alone.
 */
final class NativeLibrary {
    static final String PATH_PROPERTY = "de.kherud.llama.lib.path";
    private static final Logger log = LoggerFactory.getLogger("dev.switchboard.local.llama.native");
    private static boolean prepared;

    private NativeLibrary() {}

    /** Call before the first use of {@link LlamaModel}. */
    static synchronized void prepare() {
        if (prepared) return;
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null) return;
        String resource = "/de/kherud/llama/" + platformFolder() + "/" + System.mapLibraryName("jllama");
        try (InputStream in = LlamaModel.class.getResourceAsStream(resource)) {
            if (in == null) return; // not a platform the jar carries: the binding's loader reports it
            byte[] bytes = in.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-llama-" + digest);
            Path target = dir.resolve(System.mapLibraryName("jllama"));
            if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
                Files.createDirectories(dir);
                Path partial = Files.createTempFile(dir, "jllama", ".part");
                Files.write(partial, bytes);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
        } catch (IOException | NoSuchAlgorithmException e) {
            log.debug("Could not extract llama.cpp's library; the binding extracts it itself", e);
        }
    }

    /**
     * Sends llama.cpp's own log lines to SLF4J at debug. Called after each load: loading runs
     * llama.cpp's {@code common_init}, which replaces the log callback with its console logger (which
     * the engine pauses with {@code --log-disable}), so lines logged after a load reach SLF4J.
     */
    static void routeLog() {
        LlamaModel.setLogger(LogFormat.TEXT, NativeLibrary::logLine);
    }

    private static void logLine(LogLevel level, String line) {
        if (log.isDebugEnabled()) log.debug("{} {}", level, line.stripTrailing());
    }

    private static String platformFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osFolder = os.contains("mac") || os.contains("darwin") ? "Mac" : os.contains("win") ? "Windows" : "Linux";
        String archFolder;
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            archFolder = "x86_64";
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            archFolder = "aarch64";
        } else {
            archFolder = arch;
        }
        return osFolder + "/" + archFolder;
    }
}
