package dev.switchboard.local.speech;

/**
 * Changes the sample rate of a stream of 16-bit mono audio, chunk by chunk, by band-limited
 * (windowed-sinc, Kaiser window) interpolation: the engines speak at 16 kHz, OpenAI's {@code pcm} is
 * 24 kHz. The ratio is rational (out/in = up/down in lowest terms), so each output sample uses one of
 * {@code up} precomputed filter phases. When the rate goes down, the cut-off follows the new Nyquist
 * frequency, so nothing aliases. Output is delayed by half the filter (about 1 ms) until {@link #finish()}.
 */
final class Resampler {
    /** Filter half-width in input samples at full band: 16 zero crossings each side. */
    private static final int ZERO_CROSSINGS = 16;
    private static final double KAISER_BETA = 8.0;

    private final int up;
    private final int down;
    private final int half;
    private final float[][] phases;
    private float[] input = new float[4096];
    /** Input samples held in {@link #input}; {@link #base} is the stream index of input[0]. */
    private int held;
    private long base;
    private long received;
    private long produced;

    Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) throw new IllegalArgumentException("rates " + inRate + " -> " + outRate);
        int gcd = gcd(inRate, outRate);
        this.up = outRate / gcd;
        this.down = inRate / gcd;
        double cutoff = Math.min(1.0, (double) up / down) * 0.97; // a little below Nyquist: room for the filter's roll-off
        this.half = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        this.phases = new float[up][2 * half];
        double norm = bessel0(KAISER_BETA);
        for (int p = 0; p < up; p++) {
            double frac = (double) p / up; // output position between input samples k and k+1
            for (int j = 0; j < 2 * half; j++) {
                double t = j - half + 1 - frac; // distance from the output position to input tap j
                double x = t / half;
                double window = Math.abs(x) >= 1 ? 0 : bessel0(KAISER_BETA * Math.sqrt(1 - x * x)) / norm;
                phases[p][j] = (float) (cutoff * sinc(cutoff * t) * window);
            }
        }
    }

    /** The resampled audio that {@code samples} completes; may be empty. */
    short[] process(short[] samples) {
        if (up == down) return samples.clone(); // the same rate: nothing to filter
        append(samples, samples.length);
        return drain(false);
    }

    /** The rest of the stream, as if silence followed it. */
    short[] finish() {
        if (up == down) return new short[0];
        append(new short[half], half);
        received -= half;
        return drain(true);
    }

    private void append(short[] samples, int count) {
        if (held + count > input.length) {
            float[] bigger = new float[Math.max(input.length * 2, held + count)];
            System.arraycopy(input, 0, bigger, 0, held);
            input = bigger;
        }
        for (int i = 0; i < count; i++) input[held + i] = samples[i];
        held += count;
        received += count;
    }

    private short[] drain(boolean last) {
        long total = last ? (received * up + down - 1) / down : Long.MAX_VALUE;
        short[] out = new short[(int) Math.max(0, (long) held * up / down + 1)];
        int n = 0;
        while (produced < total) {
            long position = produced * down; // in units of 1/up input samples
            long k = position / up;
            int phase = (int) (position % up);
            long first = k - half + 1;
            if (k + half >= base + held) break; // the filter reaches past what has arrived
            float[] taps = phases[phase];
            double sum = 0;
            for (int j = 0; j < taps.length; j++) {
                long index = first + j - base;
                if (index >= 0) sum += taps[j] * input[(int) index];
            }
            if (n == out.length) out = java.util.Arrays.copyOf(out, out.length * 2 + 16);
            out[n++] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
            produced++;
        }
        // Keep only what the next output's filter still reaches.
        long keepFrom = produced * down / up - half + 1;
        int drop = (int) Math.max(0, Math.min(held, keepFrom - base));
        if (drop > 0) {
            System.arraycopy(input, drop, input, 0, held - drop);
            held -= drop;
            base += drop;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static double sinc(double x) {
        if (x == 0) return 1;
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** The modified Bessel function of the first kind, order zero, by its power series. */
    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) break;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
