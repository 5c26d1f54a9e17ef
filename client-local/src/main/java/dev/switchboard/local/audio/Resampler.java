package dev.switchboard.local.audio;

/**
 * Band-limited resampling of mono audio by windowed-sinc interpolation (the method of Smith's
 * "Digital Audio Resampling", as in libresample and sox): each output sample is the input convolved
 * with a Kaiser-windowed sinc whose cutoff sits just below the lower of the two Nyquist rates, so
 * downsampling (48 kHz to 16 kHz) filters out what would alias rather than dropping samples, and
 * upsampling (8 kHz to 16 kHz) interpolates rather than repeating them. The kernel is tabulated
 * once and read with linear interpolation between entries.
 *
 * <p>No kept Java resampler is on Maven Central (TarsosDSP and libresample4j are not published
 * there, or not maintained), hence this class: about 30 lines of arithmetic.
 */
public final class Resampler {
    /** Half the kernel's width, in zero crossings of the sinc: 16 gives a stopband of about -80 dB with the window below. */
    static final int ZERO_CROSSINGS = 16;
    /** Table entries per zero crossing. */
    static final int RESOLUTION = 512;
    /** The Kaiser window's beta. */
    static final double BETA = 8.0;
    /** Where the passband ends, as a fraction of the lower Nyquist rate: the rest is the filter's transition band. */
    static final double ROLLOFF = 0.94;

    private static final float[] KERNEL = kernel();

    private Resampler() {}

    /** {@code audio} (mono) at {@code rate} samples a second; the same value when it already is. */
    public static Pcm resample(Pcm audio, int rate) {
        if (audio.channels() != 1) throw new IllegalArgumentException("resample mono audio; downmix() first");
        if (rate < 1) throw new IllegalArgumentException("rate must be >= 1, was " + rate);
        if (audio.sampleRate() == rate) return audio;
        float[] in = audio.samplesUnsafe();
        double ratio = (double) rate / audio.sampleRate();
        double cutoff = Math.min(1.0, ratio) * ROLLOFF; // in cycles of the input's Nyquist rate
        double halfWidth = ZERO_CROSSINGS / cutoff; // input samples each side
        int n = (int) Math.floor(in.length * ratio);
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            double t = j / ratio;
            int first = Math.max(0, (int) Math.ceil(t - halfWidth));
            int last = Math.min(in.length - 1, (int) Math.floor(t + halfWidth));
            double sum = 0;
            for (int k = first; k <= last; k++) sum += in[k] * kernelAt(Math.abs(t - k) * cutoff);
            out[j] = (float) (sum * cutoff);
        }
        return Pcm.mono(out, rate);
    }

    /** The windowed sinc at {@code u} zero crossings from its centre. */
    private static double kernelAt(double u) {
        double x = u * RESOLUTION;
        int i = (int) x;
        if (i >= KERNEL.length - 1) return 0;
        double frac = x - i;
        return KERNEL[i] + frac * (KERNEL[i + 1] - KERNEL[i]);
    }

    private static float[] kernel() {
        int n = ZERO_CROSSINGS * RESOLUTION;
        float[] k = new float[n + 2];
        double norm = bessel0(BETA);
        for (int i = 0; i <= n; i++) {
            double u = (double) i / RESOLUTION;
            double sinc = i == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
            double r = u / ZERO_CROSSINGS;
            double window = bessel0(BETA * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
            k[i] = (float) (sinc * window);
        }
        return k; // k[n + 1] stays 0
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    private static double bessel0(double x) {
        double sum = 1, term = 1, half = x / 2;
        for (int m = 1; m < 50; m++) {
            term *= (half / m) * (half / m);
            sum += term;
            if (term < sum * 1e-12) break;
        }
        return sum;
    }
}
