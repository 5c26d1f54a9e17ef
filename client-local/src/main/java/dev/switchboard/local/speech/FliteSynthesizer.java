package dev.switchboard.local.speech;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Debian's libflite 2.2 through the JNI shim: clear English voices (kal16 male, rms male, slt
 * female, awb Scottish male), 16 kHz, produced many times faster than real time and streamed chunk
 * by chunk as flite makes them, sentence by sentence. Calls take turns: flite shares one object per
 * voice and one error hook.
 *
 * <p>Measured here (2 shared cores, in a forked JVM, kal16): the fox sentence in 3 ms; 90 sentences
 * (226 s of audio) in 250 ms, the first audio after 2 ms; none of 8192 letters broken into words of
 * 48, 8000 digits, 6400 punctuation marks, 7000 characters of abbreviations, numbers, times and
 * addresses, or 7800 capitals crashed or hung flite (the slowest, the digits, 10 s for 15 minutes of
 * audio). kal16 writes "udb failed to find entry" lines to stderr for some letter pairs it has no
 * diphone for; they cannot be silenced from Java.
 */
final class FliteSynthesizer implements Synthesizer {
    static final String NAME = "flite";
    /** Held around every call into flite: it shares one object per voice and one error hook. */
    static final Object LOCK = new Object();
    private static final List<String> VOICES = List.of(FliteNative.VOICES);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> voices() {
        return VOICES;
    }

    @Override
    public void speak(String voice, String text, double speed, AudioSink sink) {
        int index = Arrays.asList(FliteNative.VOICES).indexOf(voice);
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        // The request checks already held these; a slip here must be an exception, never a native call.
        if (index < 0) throw new IllegalArgumentException("not a flite voice: " + voice);
        if (ascii.length == 0 || ascii.length > SpeechRequest.MAX_TEXT) {
            throw new IllegalArgumentException("text of " + ascii.length + " bytes");
        }
        if (!(speed >= SpeechRequest.MIN_SPEED && speed <= SpeechRequest.MAX_SPEED)) {
            throw new IllegalArgumentException("speed " + speed);
        }
        int code;
        synchronized (LOCK) {
            code = FliteNative.speak(index, ascii, (float) (1.0 / speed), sink);
        }
        if (code == FliteNative.FAILED) throw new SynthesisException("flite failed to synthesise the text");
        if (code == FliteNative.BAD_ARGUMENT) throw new SynthesisException("the flite shim refused the request");
    }

    @Override
    public String toString() {
        return NAME;
    }
}
