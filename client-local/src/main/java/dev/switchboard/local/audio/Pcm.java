package dev.switchboard.local.audio;

import java.util.Objects;

/**
 * Decoded audio: samples as floats in [-1, 1], interleaved by channel, at a sample rate. Immutable
 * by convention: the array is owned by the value and never handed out to be changed.
 */
public final class Pcm {
    private final float[] samples;
    private final int channels;
    private final int sampleRate;

    Pcm(float[] samples, int channels, int sampleRate) {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1, was " + channels);
        if (sampleRate < 1) throw new IllegalArgumentException("sampleRate must be >= 1, was " + sampleRate);
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not make whole frames of " + channels);
        }
        this.samples = Objects.requireNonNull(samples, "samples");
        this.channels = channels;
        this.sampleRate = sampleRate;
    }

    /** Mono samples as they are (no copy); for the decoders and the resampler in this package. */
    static Pcm mono(float[] samples, int sampleRate) {
        return new Pcm(samples, 1, sampleRate);
    }

    public int channels() {
        return channels;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Samples per channel. */
    public int frames() {
        return samples.length / channels;
    }

    public double seconds() {
        return (double) frames() / sampleRate;
    }

    /** The channels averaged into one: the same value when it already is mono. */
    public Pcm downmix() {
        if (channels == 1) return this;
        float[] mono = new float[frames()];
        for (int f = 0, i = 0; f < mono.length; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += samples[i++];
            mono[f] = sum / channels;
        }
        return mono(mono, sampleRate);
    }

    /** A copy of the interleaved samples. */
    public float[] samples() {
        return samples.clone();
    }

    /** The interleaved samples themselves, not copied: callers in this package promise not to change them. */
    float[] samplesUnsafe() {
        return samples;
    }

    @Override
    public String toString() {
        return String.format("Pcm[%d Hz, %d channel%s, %.3f s]", sampleRate, channels, channels == 1 ? "" : "s", seconds());
    }
}
