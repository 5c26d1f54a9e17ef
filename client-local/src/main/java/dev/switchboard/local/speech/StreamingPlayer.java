package dev.switchboard.local.speech;

import com.sun.speech.freetts.audio.AudioPlayer;
import javax.sound.sampled.AudioFormat;

/**
 * FreeTTS's audio output, turned towards an {@link AudioSink} instead of a sound card: each block
 * FreeTTS writes becomes 16-bit samples handed on at once. Returning false from {@code write} is
 * FreeTTS's way to cancel, used once the sink wants no more. FreeTTS writes from its output thread.
 */
final class StreamingPlayer implements AudioPlayer {
    private AudioFormat format = new AudioFormat(16000f, 16, 1, true, true);
    private volatile AudioSink sink;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    void start(AudioSink sink) {
        this.sink = sink;
        this.stopped = false;
        this.failure = null;
    }

    /** Ends the call; a failure the sink threw on FreeTTS's thread is rethrown here, on the caller's. */
    void finish() {
        sink = null;
        RuntimeException failed = failure;
        failure = null;
        if (failed != null) throw failed;
    }

    boolean stopped() {
        return stopped;
    }

    @Override
    public synchronized void setAudioFormat(AudioFormat format) {
        this.format = format;
    }

    @Override
    public synchronized AudioFormat getAudioFormat() {
        return format;
    }

    @Override
    public boolean write(byte[] audio) {
        return write(audio, 0, audio.length);
    }

    @Override
    public boolean write(byte[] audio, int offset, int size) {
        AudioSink target = sink;
        if (target == null || stopped) return false;
        AudioFormat f = getAudioFormat();
        if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1) {
            failure = new SynthesisException("FreeTTS produced " + f + "; expected 16-bit mono");
            stopped = true;
            return false;
        }
        short[] samples = new short[size / 2];
        boolean big = f.isBigEndian();
        for (int i = 0; i < samples.length; i++) {
            int a = audio[offset + 2 * i] & 0xff;
            int b = audio[offset + 2 * i + 1] & 0xff;
            samples[i] = (short) (big ? (a << 8) | b : (b << 8) | a);
        }
        try {
            if (!target.accept(samples, Math.round(f.getSampleRate()))) stopped = true;
        } catch (RuntimeException e) {
            failure = e;
            stopped = true;
        }
        return !stopped;
    }

    @Override
    public void begin(int size) {}

    @Override
    public boolean end() {
        return !stopped;
    }

    @Override
    public boolean drain() {
        return !stopped;
    }

    @Override
    public void cancel() {
        stopped = true;
    }

    @Override
    public void pause() {}

    @Override
    public void resume() {}

    @Override
    public void reset() {}

    @Override
    public void close() {}

    @Override
    public float getVolume() {
        return 1f;
    }

    @Override
    public void setVolume(float volume) {}

    @Override
    public long getTime() {
        return 0;
    }

    @Override
    public void resetTime() {}

    @Override
    public void startFirstSampleTimer() {}

    @Override
    public void showMetrics() {}
}
