package dev.switchboard.local.whisper;

import dev.switchboard.errors.ModelLoadException;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to whisper-jni 1.7.1 in this process.
 *
 * <p>The binding keeps its contexts and states in two global {@code std::map}s that nothing locks:
 * every call looks its handles up there, and creating or freeing a context or state inserts or
 * erases. A lookup that runs while another thread rebalances the map is a data race in native code.
 * So creating and freeing take this class's write lock, and transcriptions and reading their results
 * take the read lock: any number run at once, each on its own state, and a load waits for them.
 *
 * <p>whisper.cpp's log goes to SLF4J at debug (logger {@code dev.switchboard.local.whisper.native});
 * the binding's own default prints it to stderr. The log is also how the detected language is
 * learned: the binding has no call for it, and whisper.cpp logs "auto-detected language: xx" on the
 * thread that transcribes, so each transcription listens on its own thread.
 */
final class NativeWhisper {
    private static final Logger log = LoggerFactory.getLogger("dev.switchboard.local.whisper.native");
    private static final Pattern DETECTED = Pattern.compile("auto-detected language: ([a-z]+)");
    private static final ThreadLocal<List<String>> heard = new ThreadLocal<>();
    private static final ReadWriteLock lock = new ReentrantReadWriteLock();
    private static WhisperJNI jni;

    private NativeWhisper() {}

    private static synchronized WhisperJNI jni() {
        if (jni == null) {
            try {
                WhisperJNI.loadLibrary(line -> log.debug("{}", line.stripTrailing())); // the library's extraction, quietly
            } catch (IOException | UnsatisfiedLinkError e) {
                throw new ModelLoadException("whisper.cpp's native library could not be loaded on " + System.getProperty("os.name")
                        + " " + System.getProperty("os.arch") + ": " + e.getMessage(), e);
            }
            WhisperJNI.setLibraryLogger(NativeWhisper::logLine);
            jni = new WhisperJNI();
        }
        return jni;
    }

    private static void logLine(String line) {
        List<String> lines = heard.get();
        if (lines != null) lines.add(line);
        if (log.isDebugEnabled()) log.debug("{}", line.stripTrailing());
    }

    /** Loads a model file that {@link WhisperModelFile} passed, without a state: each request gets its own. */
    static WhisperContext load(Path file) {
        WhisperJNI whisper = jni();
        lock.writeLock().lock();
        try {
            return whisper.initNoState(file);
        } catch (IOException e) {
            throw new ModelLoadException("whisper.cpp could not open " + file + ": " + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    static WhisperState newState(WhisperContext context) {
        lock.writeLock().lock();
        try {
            return jni().initState(context);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** One segment of a transcription: times in centiseconds, as whisper.cpp gives them. */
    static final class Segment {
        final long start;
        final long end;
        final String text;

        Segment(long start, long end, String text) {
            this.start = start;
            this.end = end;
            this.text = text;
        }
    }

    /** What a transcription gave: its segments, and the language whisper detected when it was asked to. */
    static final class Result {
        final List<Segment> segments;
        final String detectedLanguage;

        Result(List<Segment> segments, String detectedLanguage) {
            this.segments = segments;
            this.detectedLanguage = detectedLanguage;
        }
    }

    /**
     * Transcribes {@code samples} (16 kHz mono, all of the array) on {@code state}, which no other
     * thread may use meanwhile. Returns null when whisper.cpp reports a failure (its code is logged).
     */
    static Result transcribe(WhisperContext context, WhisperState state, WhisperFullParams params, float[] samples) {
        WhisperJNI whisper = jni();
        List<String> lines = new ArrayList<>();
        lock.readLock().lock();
        heard.set(lines);
        try {
            int code = whisper.fullWithState(context, state, params, samples, samples.length);
            if (code != 0) {
                log.debug("whisper_full_with_state returned {}", code);
                return null;
            }
            int n = whisper.fullNSegmentsFromState(state);
            List<Segment> segments = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                segments.add(new Segment(whisper.fullGetSegmentTimestamp0FromState(state, i),
                        whisper.fullGetSegmentTimestamp1FromState(state, i), whisper.fullGetSegmentTextFromState(state, i)));
            }
            String detected = null;
            for (String line : lines) {
                Matcher m = DETECTED.matcher(line);
                if (m.find()) detected = m.group(1);
            }
            return new Result(segments, detected);
        } finally {
            heard.remove();
            lock.readLock().unlock();
        }
    }
}
