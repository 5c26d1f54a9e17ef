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
 *
 * <p>ggml in this build keeps a fixed table of 64 contexts for the whole process, and whisper.cpp
 * does not check when it runs out. Measured (forked JVMs, tiny model): states made one after
 * another on one model, never freed: the 10th fails (null); with a second model loaded, making the
 * 9th segfaults in {@code ggml_new_object}. So a state takes about 7 contexts (and a transcription
 * a few more for its graphs while it runs), a model about 1. This class keeps a count and refuses,
 * in Java, what would go past {@link #CONTEXTS}: each state is reckoned at {@link #STATE_CONTEXTS},
 * each model at {@link #MODEL_CONTEXTS}, which leaves room for six states and a few models.
 */
final class NativeWhisper {
    private static final Logger log = LoggerFactory.getLogger("dev.switchboard.local.whisper.native");
    private static final Pattern DETECTED = Pattern.compile("auto-detected language: ([a-z]+)");
    private static final ThreadLocal<List<String>> heard = new ThreadLocal<>();
    private static final ReadWriteLock lock = new ReentrantReadWriteLock();
    private static WhisperJNI jni;
    /** ggml's GGML_MAX_CONTEXTS in this build (see above). */
    static final int CONTEXTS = 64;
    /** A state's contexts, with room for the graphs of the transcription running on it. */
    static final int STATE_CONTEXTS = 9;
    static final int MODEL_CONTEXTS = 2;
    private static int reserved;

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
        if (!reserve(MODEL_CONTEXTS)) {
            throw new ModelLoadException("whisper.cpp 1.7.1 holds at most " + CONTEXTS + " ggml contexts in a process (it"
                    + " crashes past them), and the whisper models and states loaded already use " + reservedNow()
                    + "; load fewer whisper models in this process, or lower the deployments' parallel option");
        }
        WhisperContext context = null;
        lock.writeLock().lock();
        try {
            context = whisper.initNoState(file);
            return context;
        } catch (IOException e) {
            throw new ModelLoadException("whisper.cpp could not open " + file + ": " + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
            if (context == null) release(MODEL_CONTEXTS);
        }
    }

    /** A new state on {@code context}, or null when ggml's context table has no room for one (or whisper.cpp failed). */
    static WhisperState newState(WhisperContext context) {
        if (!reserve(STATE_CONTEXTS)) return null;
        WhisperState state = null;
        lock.writeLock().lock();
        try {
            state = jni().initState(context);
            return state;
        } finally {
            lock.writeLock().unlock();
            if (state == null) release(STATE_CONTEXTS);
        }
    }

    private static synchronized boolean reserve(int contexts) {
        if (reserved + contexts > CONTEXTS) return false;
        reserved += contexts;
        return true;
    }

    private static synchronized void release(int contexts) {
        reserved -= contexts;
    }

    static synchronized int reservedNow() {
        return reserved;
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
