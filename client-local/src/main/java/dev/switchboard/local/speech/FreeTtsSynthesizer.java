package dev.switchboard.local.speech;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.util.List;

/**
 * FreeTTS 1.2.2 in pure Java, with the 16 kHz diphone voice kevin16 that its jar carries: nothing
 * to install, so it answers wherever flite's library is missing. Less natural than flite but
 * intelligible. It speaks a text utterance by utterance and hands each one's audio over as soon as
 * it is made. The voice is allocated once per process (about half a second) and calls take turns on it.
 */
final class FreeTtsSynthesizer implements Synthesizer {
    static final String NAME = "freetts";
    static final String KEVIN16 = "kevin16";
    /** FreeTTS's normal pace, in words a minute; {@code speed} scales it. */
    private static final float NORMAL_RATE = 150f;
    private static final List<String> VOICES = List.of(KEVIN16);

    private static Voice voice;
    private static StreamingPlayer player;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> voices() {
        return VOICES;
    }

    @Override
    public void speak(String voiceName, String text, double speed, AudioSink sink) {
        if (!KEVIN16.equals(voiceName)) throw new IllegalArgumentException("not a FreeTTS voice: " + voiceName);
        synchronized (FreeTtsSynthesizer.class) {
            Voice kevin = voice();
            kevin.setRate((float) (NORMAL_RATE * speed));
            player.start(sink);
            boolean completed;
            try {
                completed = kevin.speak(text);
            } finally {
                player.finish();
            }
            if (!completed && !player.stopped()) throw new SynthesisException("FreeTTS did not finish speaking the text");
        }
    }

    /** The shared kevin16 voice, allocated on first use; the caller holds the class lock. */
    private static Voice voice() {
        if (voice == null) {
            // Straight from the voice directory: VoiceManager only finds voices listed in a voices.txt
            // or the freetts.voices property, which this jar does not set.
            Voice kevin = null;
            for (Voice candidate : new KevinVoiceDirectory().getVoices()) {
                if (KEVIN16.equals(candidate.getName())) kevin = candidate;
            }
            if (kevin == null) throw new SynthesisException("FreeTTS has no voice " + KEVIN16 + " (is freetts-1.2.2.jar whole?)");
            StreamingPlayer streaming = new StreamingPlayer();
            kevin.setAudioPlayer(streaming);
            kevin.allocate();
            player = streaming;
            voice = kevin;
        }
        return voice;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
