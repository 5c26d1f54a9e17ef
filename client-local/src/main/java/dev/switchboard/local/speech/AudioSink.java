package dev.switchboard.local.speech;

/** Where a synthesizer hands its audio, chunk by chunk, as it produces it. */
@FunctionalInterface
interface AudioSink {
    /**
     * Takes one chunk of 16-bit mono samples at {@code sampleRate} Hz. Returns false when no more
     * audio is wanted (the listener went away); the synthesizer then stops. The flite shim calls it
     * by name and signature ({@code accept([SI)Z}).
     */
    boolean accept(short[] samples, int sampleRate);
}
