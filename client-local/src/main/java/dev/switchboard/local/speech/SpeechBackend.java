package dev.switchboard.local.speech;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.Health;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.local.SpeechOptions;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.router.Capability;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The backend of an {@code engine: speech} deployment: {@code audio.speech} spoken in this JVM by
 * flite (through the JNI shim, when its library loads) or FreeTTS (pure Java, always there). The
 * request is checked first (a 400 names the parameter); the audio then streams as it is made.
 */
public final class SpeechBackend implements Backend {
    private final String deployment;
    private final Synthesizer synthesizer;
    private final Voices voices;
    private final Scheduler scheduler;

    private SpeechBackend(String deployment, Synthesizer synthesizer) {
        this.deployment = deployment;
        this.synthesizer = synthesizer;
        this.voices = Voices.of(synthesizer);
        this.scheduler = Schedulers.io();
    }

    /**
     * The backend for a deployment. Synthesizer {@code auto} is flite when its shim loads and FreeTTS
     * otherwise; {@code flite} where it cannot load is an IllegalArgumentException saying why.
     */
    public static SpeechBackend create(String deployment, SpeechOptions options) {
        switch (options.synthesizer()) {
            case FREETTS:
                return new SpeechBackend(deployment, new FreeTtsSynthesizer());
            case FLITE:
                Optional<String> why = FliteLibrary.unavailable();
                if (why.isPresent()) {
                    throw new IllegalArgumentException("deployments." + deployment + ".synthesizer: flite cannot run here: "
                            + why.get() + "; or use synthesizer auto, which falls back to FreeTTS");
                }
                return new SpeechBackend(deployment, new FliteSynthesizer());
            default:
                return new SpeechBackend(deployment,
                        FliteLibrary.unavailable().isEmpty() ? new FliteSynthesizer() : new FreeTtsSynthesizer());
        }
    }

    /** A backend on a synthesizer of the caller's choosing: tests speak through fakes. */
    static SpeechBackend of(String deployment, Synthesizer synthesizer) {
        return new SpeechBackend(deployment, synthesizer);
    }

    /** The synthesizer that speaks: {@code flite} or {@code freetts}. */
    public String synthesizer() {
        return synthesizer.name();
    }

    /** The voice names a request may give, OpenAI's first, then the engine's own. */
    public List<String> voices() {
        return voices.names();
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SPEECH);
    }

    @Override
    public Single<HttpResponse> speech(SpeechCreateParams params, RequestOptions options) {
        return Single.defer(() -> {
            SpeechRequest request = SpeechRequest.of(params, voices, synthesizer.name());
            return Single.<HttpResponse>create(emitter -> {
                Synthesis synthesis = new Synthesis(synthesizer, request, emitter, scheduler);
                // Cancelling stops the engine at its next chunk; the worker is not interrupted, which
                // could leave FreeTTS's shared voice half-way through an utterance.
                emitter.setCancellable(synthesis::cancel);
                scheduler.scheduleDirect(synthesis);
            });
        });
    }

    @Override
    public Single<Health> health(Duration timeout) {
        return Single.just(Health.healthy(synthesizer.name() + " ready; voices " + String.join(", ", synthesizer.voices())));
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "speech(" + synthesizer.name() + ")";
    }
}
