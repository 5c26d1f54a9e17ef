package dev.switchboard.local.audio;

import java.util.Arrays;

/**
 * Where a decoder puts its frames: averaged to mono as they come (so a long stereo file never sits
 * in memory twice), up to a limit of frames, past which decoding stops with an error rather than
 * filling the heap.
 */
final class MonoSink {
    private final String format;
    private final long maxSeconds;
    private int channels;
    private int sampleRate;
    private long maxFrames;
    private float[] mono = new float[16_384];
    private int frames;

    MonoSink(String format, long maxSeconds) {
        this.format = format;
        this.maxSeconds = maxSeconds;
    }

    /** The stream's shape; called before the first frame, again only with the same values (else an error). */
    void start(int channels, int sampleRate) {
        if (channels < 1 || channels > 255) throw AudioFormatException.damaged(format, "it declares " + channels + " channels", null);
        if (sampleRate < 1000 || sampleRate > 768_000) {
            throw AudioFormatException.damaged(format, "it declares a sample rate of " + sampleRate + " Hz", null);
        }
        if (this.channels != 0 && (channels != this.channels || sampleRate != this.sampleRate)) {
            throw AudioFormatException.damaged(format, "its channels or sample rate change mid-stream ("
                    + this.channels + " x " + this.sampleRate + " Hz, then " + channels + " x " + sampleRate + " Hz)", null);
        }
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.maxFrames = maxSeconds * sampleRate;
    }

    boolean started() {
        return channels != 0;
    }

    /** {@code count} interleaved samples of {@code samples}, already scaled to [-1, 1]. */
    void interleaved(float[] samples, int count) {
        int newFrames = count / channels;
        ensure(newFrames);
        for (int f = 0, i = 0; f < newFrames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += samples[i++];
            mono[frames++] = sum / channels;
        }
    }

    /** One sample per channel for frames {@code [0, count)}: {@code planar[channel][frame]} at {@code offsets[channel]}. */
    void planar(float[][] planar, int[] offsets, int count) {
        ensure(count);
        for (int f = 0; f < count; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += planar[c][offsets[c] + f];
            mono[frames++] = sum / channels;
        }
    }

    private void ensure(int more) {
        if (!started()) throw new IllegalStateException("start() first");
        if (frames + (long) more > maxFrames) {
            throw AudioFormatException.damaged(format, "it is longer than " + maxSeconds / 60 + " minutes, the most the local"
                    + " engine transcribes in one request; split it", null);
        }
        if (frames + more > mono.length) mono = Arrays.copyOf(mono, Math.max(frames + more, mono.length * 2));
    }

    Pcm finish() {
        if (!started()) throw AudioFormatException.damaged(format, "it holds no audio stream", null);
        return Pcm.mono(Arrays.copyOf(mono, frames), sampleRate);
    }
}
