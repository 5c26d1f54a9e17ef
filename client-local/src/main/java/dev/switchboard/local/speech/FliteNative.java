package dev.switchboard.local.speech;

/** The flite JNI shim's entry points ({@code src/main/native/flite/switchboard_flite.c}). */
final class FliteNative {
    static final int DONE = 0;
    static final int STOPPED = 1;
    static final int FAILED = -1;
    static final int BAD_ARGUMENT = -2;

    /** The shim's voices, in its order: the index is what {@link #speak} takes. */
    static final String[] VOICES = {"kal16", "rms", "slt", "awb"};

    private FliteNative() {}

    /** Starts flite and its voices once; the number of voices, or {@link #FAILED}. */
    static native int init();

    /**
     * Speaks ASCII {@code text} (1 to 8192 bytes, no NUL) in voice {@code voice}, each phone lasting
     * {@code durationStretch} (0.25 to 4) times its normal length, streaming to {@code sink}. One
     * call at a time: flite's voices and error hook are shared.
     */
    static native int speak(int voice, byte[] text, float durationStretch, AudioSink sink);
}
