package dev.switchboard.local.whisper;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.local.files.ModelRef;
import dev.switchboard.backend.Backend;
import dev.switchboard.backend.Health;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.WhisperOptions;
import dev.switchboard.local.audio.AudioDecoder;
import dev.switchboard.local.audio.AudioFormatException;
import dev.switchboard.local.audio.Pcm;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.router.Capability;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A deployment on whisper.cpp 1.7.1 inside this JVM ({@code engine: whisper}): audio transcriptions
 * in every response format the OpenAI API writes except diarized_json, of WAV, FLAC, MP3 and Ogg
 * Vorbis audio (see {@link AudioDecoder}).
 *
 * <p>The model is checked ({@link WhisperModelFile}) and loaded on the first call, once per process
 * for every deployment naming the same file; a failed load is a {@link ModelLoadException} (the
 * router tries the pool's next deployment) and is tried again on the next call. Each transcription
 * runs on a whisper state of its own; the states belong to the model, so deployments naming one
 * file share them, up to the largest {@code parallel} among them. Calls run on the subscribing
 * thread. Disposing before a state is free drops the call; once whisper.cpp runs, it runs to the end
 * (the binding has no abort callback), and the answer is dropped.
 *
 * <p>Audio shorter than 0.1 s is refused as the OpenAI API refuses it (400, {@code audio_too_short}),
 * as is an empty or undecodable file (400 naming the formats that work). Audio longer than
 * {@link #MAX_SECONDS} is refused too, to bound memory.
 */
public final class WhisperBackend implements Backend {
    /** whisper's input rate. */
    static final int SAMPLE_RATE = 16_000;
    /** The OpenAI API's upload limit, which the local engine keeps too. */
    static final int MAX_FILE_BYTES = 25 * 1024 * 1024;
    /** The longest audio transcribed in one call: 30 minutes are 115 MB of 16 kHz floats. */
    static final long MAX_SECONDS = 30 * 60;
    /** The OpenAI API's minimum, and whisper.cpp's: it skips shorter input with a warning. */
    static final double MIN_SECONDS = 0.1;

    private final String deployment;
    private final String modelRef;
    private final WhisperOptions options;
    private volatile LoadedModel loaded;

    private WhisperBackend(String deployment, String modelRef, WhisperOptions options) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.modelRef = Objects.requireNonNull(modelRef, "modelRef");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A backend for deployment {@code deployment} serving the whisper model {@code modelRef}; nothing loads until the first call. */
    public static WhisperBackend create(String deployment, String modelRef, WhisperOptions options) {
        return new WhisperBackend(deployment, modelRef, options);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.TRANSCRIPTION);
    }

    /** The shared model, loading it if this process has not yet. */
    private LoadedModel model() {
        LoadedModel model = loaded;
        if (model == null) {
            model = ModelRegistry.PROCESS.load(deployment, modelRef);
            model.states.allow(options.parallel());
            loaded = model;
        }
        return model;
    }

    @Override
    public Single<TranscriptionCreateResponse> transcription(TranscriptionCreateParams params, RequestOptions requestOptions) {
        return Single.create(emitter -> {
            LoadedModel model = model();
            States states = model.states;
            TranscriptionRequest request = TranscriptionRequest.read(params, options, model.file);
            float[] samples = samples(params.fileBytes());
            WhisperState state = states.acquire(options.queue(), emitter::isDisposed, deployment);
            if (state == null) return; // disposed while waiting
            NativeWhisper.Result result;
            try {
                result = NativeWhisper.transcribe(model.context, state, fullParams(request), samples);
            } finally {
                states.release(state);
            }
            if (result == null) {
                throw BackendErrors.failed(deployment + ": whisper.cpp failed to transcribe the audio; its log, at debug"
                        + " level under dev.switchboard.local.whisper.native, says why");
            }
            emitter.onSuccess(Answers.write(request, result, (double) samples.length / SAMPLE_RATE));
        });
    }

    /** The audio as whisper takes it: 16 kHz mono floats; a 400 naming the problem when it cannot be. */
    private static float[] samples(byte[] audio) {
        if (audio.length > MAX_FILE_BYTES) {
            throw BackendErrors.badRequest("file", "invalid_value", "The audio file is " + audio.length + " bytes; the most is "
                    + MAX_FILE_BYTES + " (25 MB), as with the OpenAI API");
        }
        Pcm pcm;
        try {
            pcm = AudioDecoder.decode(audio, SAMPLE_RATE, MAX_SECONDS);
        } catch (AudioFormatException e) {
            throw BackendErrors.badRequest("file", e.unsupported() ? "unsupported_format" : "invalid_audio", e.getMessage());
        }
        if (pcm.seconds() < MIN_SECONDS) {
            throw BackendErrors.badRequest("file", "audio_too_short", "Audio file is too short. Minimum audio length is 0.1 seconds.");
        }
        return pcm.samples();
    }

    private WhisperFullParams fullParams(TranscriptionRequest request) {
        boolean beam = options.beamSize() > 1;
        WhisperFullParams p = new WhisperFullParams(beam ? WhisperSamplingStrategy.BEAN_SEARCH : WhisperSamplingStrategy.GREEDY);
        p.nThreads = options.threads();
        p.language = request.language; // null: whisper.cpp detects it
        p.detectLanguage = false;
        p.initialPrompt = request.prompt;
        p.translate = false;
        p.temperature = request.temperature;
        p.temperatureInc = 0f; // no fallback to higher temperatures: 0 stays deterministic
        p.greedyBestOf = 1;
        p.beamSearchBeamSize = options.beamSize(); // the binding spells the strategy BEAN_SEARCH
        p.noContext = true;
        p.printProgress = false; // the binding's defaults print to stdout
        p.printTimestamps = false;
        p.printRealtime = false;
        p.printSpecial = false;
        return p;
    }

    /** The engine's state, never a transcription and never a load: healthy, with its states' use once loaded. */
    @Override
    public Single<Health> health(Duration timeout) {
        return Single.fromCallable(() -> {
            LoadedModel model = loaded;
            if (model == null) return Health.healthy("model not loaded yet; the first call loads it");
            States s = model.states;
            return Health.healthy("model loaded; " + s.busy() + " of " + s.count() + " states transcribing, "
                    + s.waiting() + " calls waiting");
        });
    }

    /** Nothing to free per deployment: the model is shared by every deployment naming it and stays loaded for the process. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "whisper(" + ModelRef.shortName(modelRef, ".bin") + ")";
    }
}
