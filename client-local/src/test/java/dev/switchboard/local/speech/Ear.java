package dev.switchboard.local.speech;

import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.internal.JsonValueAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * An independent listener for the speech tests: Vosk with the small en-us model from
 * com.alphacephei:vosk-model-en (an Android archive Maven resolves; surefire names its file in
 * {@code switchboard.test.voskModelAar}). The model is unpacked from the archive once into the
 * build directory and loaded once per test JVM.
 */
final class Ear {
    private static final String PREFIX = "assets/model-en-us/";
    private static Model model;

    private Ear() {}

    /** The words Vosk hears in 16-bit mono little-endian samples at {@code sampleRate}, lower case, space-separated. */
    static String hear(byte[] pcm, int sampleRate) {
        try (Recognizer recognizer = new Recognizer(model(), sampleRate)) {
            recognizer.acceptWaveForm(pcm, pcm.length);
            JsonObject result = (JsonObject) JsonValueAdapter.parse(recognizer.getFinalResult());
            return ((JsonString) result.values().get("text")).value().trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Model model() throws IOException {
        if (model == null) {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            model = new Model(unpack().toString());
        }
        return model;
    }

    private static Path unpack() throws IOException {
        String aar = System.getProperty("switchboard.test.voskModelAar");
        if (aar == null || aar.isBlank() || aar.startsWith("${")) {
            throw new IllegalStateException("switchboard.test.voskModelAar is not set: run the tests through Maven,"
                    + " which resolves com.alphacephei:vosk-model-en and names its aar");
        }
        Path dir = Path.of("target", "vosk-model-en-us").toAbsolutePath();
        Path done = dir.resolve(".unpacked");
        if (Files.exists(done)) return dir;
        try (ZipFile zip = new ZipFile(aar)) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.isDirectory() || !entry.getName().startsWith(PREFIX)) continue;
                Path target = dir.resolve(entry.getName().substring(PREFIX.length())).normalize();
                if (!target.startsWith(dir)) throw new IOException("entry outside the model: " + entry.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createFile(done);
        return dir;
    }
}
