package dev.switchboard.local.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static short[] tone(double hertz, int rate, int samples, double amplitude) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / rate));
        return out;
    }

    private static short[] concat(short[] a, short[] b) {
        short[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static short[] all(Resampler resampler, short[] input) {
        return concat(resampler.process(input), resampler.finish());
    }

    @Test
    void theOutputHasTheInputsDurationAtTheNewRate() {
        assertThat(all(new Resampler(16_000, 24_000), new short[16_000])).hasSize(24_000);
        assertThat(all(new Resampler(16_000, 24_000), new short[1001])).hasSize(1502); // 1501.5, rounded up
        assertThat(all(new Resampler(8_000, 24_000), new short[800])).hasSize(2400);
        assertThat(all(new Resampler(48_000, 24_000), new short[4800])).hasSize(2400);
    }

    @Test
    void aToneKeepsItsPitchAndLoudnessFrom16To24kHz() {
        short[] out = all(new Resampler(16_000, 24_000), tone(1000, 16_000, 16_000, 10_000));
        short[] expected = tone(1000, 24_000, 24_000, 10_000);

        double worst = 0;
        for (int i = 100; i < out.length - 100; i++) worst = Math.max(worst, Math.abs(out[i] - expected[i]));
        assertThat(worst).as("largest difference from the ideal 24 kHz tone").isLessThan(50);
    }

    @Test
    void aToneAboveTheNewNyquistFrequencyIsFilteredOutRatherThanFoldedBack() {
        short[] out = all(new Resampler(48_000, 16_000), tone(11_000, 48_000, 48_000, 10_000));

        double peak = 0;
        for (int i = 100; i < out.length - 100; i++) peak = Math.max(peak, Math.abs(out[i]));
        assertThat(peak).isLessThan(100);
    }

    @Test
    void chunksGiveTheSameAudioAsOneBlock() {
        short[] input = tone(440, 16_000, 10_000, 8000);
        short[] whole = all(new Resampler(16_000, 24_000), input);

        Resampler chunked = new Resampler(16_000, 24_000);
        short[] out = new short[0];
        for (int from = 0; from < input.length; from += 777) {
            out = concat(out, chunked.process(Arrays.copyOfRange(input, from, Math.min(input.length, from + 777))));
        }
        out = concat(out, chunked.finish());

        assertThat(out).isEqualTo(whole);
    }

    @Test
    void theSameRatePassesSamplesThrough() {
        short[] input = tone(440, 24_000, 2400, 8000);

        short[] out = all(new Resampler(24_000, 24_000), input);

        assertThat(out).hasSize(2400);
        for (int i = 0; i < input.length; i++) assertThat(Math.abs(out[i] - input[i])).isLessThanOrEqualTo(1);
    }
}
