package dev.switchboard.local;

import dev.switchboard.router.Deployment;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings of one {@code engine: speech} deployment, read from its options and checked when
 * the router is built:
 *
 * <pre>
 * - name: local-speech
 *   engine: speech
 *   synthesizer: auto      # auto (flite when its library loads, else FreeTTS) | flite | freetts
 * </pre>
 */
public final class SpeechOptions {
    /** Which synthesizer speaks. */
    public enum Synthesizer {
        /** flite when its JNI shim and libflite load, FreeTTS otherwise. */
        AUTO,
        /** Debian's libflite through the JNI shim; the deployment fails to build where it cannot load. */
        FLITE,
        /** FreeTTS, pure Java, nothing to install. */
        FREETTS
    }

    private static final List<String> KEYS = List.of("synthesizer");

    private final Synthesizer synthesizer;

    private SpeechOptions(Synthesizer synthesizer) {
        this.synthesizer = synthesizer;
    }

    public static SpeechOptions of(Synthesizer synthesizer) {
        return new SpeechOptions(Objects.requireNonNull(synthesizer, "synthesizer"));
    }

    /** The options of a deployment, checked; throws IllegalArgumentException naming deployment, option and value. */
    public static SpeechOptions of(Deployment deployment) {
        OptionReader options = OptionReader.of(deployment, "speech", KEYS);
        String at = options.at();
        Object value = options.value("synthesizer").orElse(null);
        if (value == null) return of(Synthesizer.AUTO);
        switch (String.valueOf(value).toLowerCase(Locale.ROOT)) {
            case "auto":
                return of(Synthesizer.AUTO);
            case "flite":
                return of(Synthesizer.FLITE);
            case "freetts":
                return of(Synthesizer.FREETTS);
            default:
                throw new IllegalArgumentException(at + ".synthesizer must be auto, flite or freetts, was '" + value + "'");
        }
    }

    public Synthesizer synthesizer() {
        return synthesizer;
    }

    @Override
    public String toString() {
        return "synthesizer=" + synthesizer.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpeechOptions && ((SpeechOptions) o).synthesizer == synthesizer;
    }

    @Override
    public int hashCode() {
        return synthesizer.hashCode();
    }
}
