package dev.switchboard.local.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the flite shim once per process, or says why it cannot. The shim is in the jar only when
 * the build machine had gcc and flite's headers; it links to Debian's libflite, so loading fails
 * (an {@link UnsatisfiedLinkError}, caught) on a machine without {@code libflite1}. Either way the
 * speech engine falls back to FreeTTS. The library is extracted into a directory named by its
 * SHA-256, written under a temporary name and moved into place, so JVMs running at once never load
 * half a file.
 */
final class FliteLibrary {
    private static final Logger log = LoggerFactory.getLogger(FliteLibrary.class);
    private static final String NAME = "libswitchboard_flite.so";
    private static String failure;
    private static boolean loaded;

    private FliteLibrary() {}

    /** Empty when the shim is loaded and flite started; otherwise why not, in words for a message. */
    static synchronized Optional<String> unavailable() {
        if (!loaded && failure == null) load();
        return Optional.ofNullable(failure);
    }

    /** Whether this build holds the shim for this platform (the build machine had gcc and flite's headers). */
    static boolean bundled() {
        return FliteLibrary.class.getResource(resource()) != null;
    }

    private static String resource() {
        return "native/" + platform() + "/" + NAME;
    }

    private static void load() {
        try (InputStream in = FliteLibrary.class.getResourceAsStream(resource())) {
            if (in == null) {
                failure = "this build of switchboard-client-local has no flite shim for " + platform()
                        + " (it is compiled when gcc and flite1-dev are present at build time)";
                return;
            }
            byte[] bytes = in.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-flite-" + digest);
            Path target = dir.resolve(NAME);
            if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
                Files.createDirectories(dir);
                Path partial = Files.createTempFile(dir, "flite", ".part");
                Files.write(partial, bytes);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            System.load(target.toString());
        } catch (IOException | NoSuchAlgorithmException e) {
            failure = "the flite shim could not be extracted: " + e;
            log.debug("flite shim not extracted", e);
            return;
        } catch (UnsatisfiedLinkError e) {
            failure = "the flite shim did not load (is libflite1 installed? apt-get install libflite1): " + e.getMessage();
            log.debug("flite shim not loaded", e);
            return;
        }
        int voices = FliteNative.init();
        if (voices != FliteNative.VOICES.length) {
            failure = "flite did not start its voices (code " + voices + ")";
            return;
        }
        loaded = true;
        log.debug("flite shim loaded; voices {}", String.join(", ", FliteNative.VOICES));
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("linux") ? "linux" : os.replace(' ', '_');
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
        return osName + "-" + archName;
    }
}
