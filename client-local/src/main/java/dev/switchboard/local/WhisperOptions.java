package dev.switchboard.local;

import dev.switchboard.local.whisper.Languages;
import dev.switchboard.router.Deployment;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one {@code engine: whisper} deployment, read from its options and checked before
 * anything reaches whisper.cpp: a bad value is an {@link IllegalArgumentException} naming the
 * deployment, the option and the value.
 *
 * <pre>
 * - name: local-whisper
 *   engine: whisper
 *   model: hf:ggerganov/whisper.cpp/ggml-base.en.bin
 *   threads: 1         # ggml threads per transcription
 *   beam_size: 1       # 1: greedy decoding; 2 to 8: beam search
 *   language: en       # when a request names none (else whisper detects it)
 *   parallel: 1        # transcriptions run at once (at most 6), each on its own whisper state
 *   queue: 16          # transcriptions that may wait for a state; more fail with 429
 * </pre>
 *
 * <p>threads defaults to 1: ggml's worker threads spin while they wait. Measured once on a 2-core
 * machine shared with other builds (load average 9), a random-weight model of whisper-tiny's shape
 * (state 384, 4+4 layers, F16), 5 s of audio, greedy, the same 662 characters out: 1 thread took
 * 11.1 s then 4.4 s, 2 threads 58.4 s then 36.4 s. Measure on your hardware before raising it.
 */
public final class WhisperOptions {
    static final int DEFAULT_QUEUE = 16;
    /** whisper.cpp 1.7.1 runs at most 8 decoders (WHISPER_MAX_DECODERS). */
    public static final int MAX_BEAM_SIZE = 8;
    /**
     * States per model at most: ggml in whisper.cpp 1.7.1 holds 64 contexts per process and crashes
     * past them; a state with its running transcription takes about 9 (measured, see NativeWhisper).
     */
    public static final int MAX_PARALLEL = 6;

    private static final List<String> KEYS = List.of("threads", "beam_size", "language", "parallel", "queue");

    private final int threads;
    private final int beamSize;
    private final String language;
    private final int parallel;
    private final int queue;

    private WhisperOptions(Builder b) {
        this.threads = b.threads;
        this.beamSize = b.beamSize;
        this.language = b.language;
        this.parallel = b.parallel;
        this.queue = b.queue;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The options of a deployment, checked; throws IllegalArgumentException naming deployment, option and value. */
    public static WhisperOptions of(Deployment deployment) {
        OptionReader options = OptionReader.of(deployment, "whisper", KEYS);
        Builder b = builder();
        b.at = options.at();
        options.integer("threads").ifPresent(b::threads);
        options.integer("beam_size").ifPresent(b::beamSize);
        options.integer("parallel").ifPresent(b::parallel);
        options.integer("queue").ifPresent(b::queue);
        options.text("language").ifPresent(b::language);
        return b.build();
    }

    /** ggml threads per transcription. */
    public int threads() {
        return threads;
    }

    /** 1 for greedy decoding, else the beam search's width. */
    public int beamSize() {
        return beamSize;
    }

    /** The language of requests that name none, as an ISO-639-1 code; empty: whisper detects it. */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /**
     * Transcriptions run at once, each on its own whisper state; deployments naming the same model
     * file share its states, as many as the largest parallel among them.
     */
    public int parallel() {
        return parallel;
    }

    /** Transcriptions that may wait for a free state; one more fails at once with a 429. */
    public int queue() {
        return queue;
    }

    @Override
    public String toString() {
        return "threads=" + threads + ", beam_size=" + beamSize + ", parallel=" + parallel + ", queue=" + queue
                + (language == null ? "" : ", language=" + language);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WhisperOptions)) return false;
        WhisperOptions other = (WhisperOptions) o;
        return threads == other.threads && beamSize == other.beamSize && parallel == other.parallel
                && queue == other.queue && Objects.equals(language, other.language);
    }

    @Override
    public int hashCode() {
        return Objects.hash(threads, beamSize, parallel, queue, language);
    }

    public static final class Builder {
        private String at = "whisper";
        private int threads = 1;
        private int beamSize = 1;
        private String language;
        private int parallel = 1;
        private int queue = DEFAULT_QUEUE;

        private Builder() {}

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder beamSize(int beamSize) {
            this.beamSize = beamSize;
            return this;
        }

        /** An ISO-639-1 code whisper knows ("en", "de", …), or "auto" for detection (the default). */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder parallel(int parallel) {
            this.parallel = parallel;
            return this;
        }

        public Builder queue(int queue) {
            this.queue = queue;
            return this;
        }

        /** Throws IllegalArgumentException naming the option and the bad value. */
        public WhisperOptions build() {
            range("threads", threads, 1, 256);
            range("beam_size", beamSize, 1, MAX_BEAM_SIZE);
            range("parallel", parallel, 1, MAX_PARALLEL);
            range("queue", queue, 0, 1_000_000);
            if (language != null) {
                String code = language.trim().toLowerCase(Locale.ROOT);
                if (code.isEmpty() || code.equals("auto")) {
                    language = null;
                } else if (!Languages.known(code)) {
                    throw new IllegalArgumentException(at + ".language '" + language + "' is not a language whisper"
                            + " knows; use an ISO-639-1 code such as en, de or fr, or auto");
                } else {
                    language = code;
                }
            }
            return new WhisperOptions(this);
        }

        private void range(String option, int value, int min, int max) {
            OptionReader.range(at, option, value, min, max);
        }
    }
}
