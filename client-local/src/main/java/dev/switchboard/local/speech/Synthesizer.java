package dev.switchboard.local.speech;

import java.util.List;

/** A text-to-speech engine running in this JVM: flite through JNI, or FreeTTS in pure Java. */
interface Synthesizer {
    /** The engine's name as a deployment's {@code engine} option spells it. */
    String name();

    /** The engine's own voice names; the first is the default. */
    List<String> voices();

    /**
     * Speaks {@code text} (printable ASCII, already checked) in {@code voice} (one of {@link #voices()})
     * at {@code speed} (0.25 to 4, 1 normal), handing audio to {@code sink} as it is produced, and
     * returns when done or when the sink said stop. Throws {@link SynthesisException} when the engine fails.
     */
    void speak(String voice, String text, double speed, AudioSink sink);
}
