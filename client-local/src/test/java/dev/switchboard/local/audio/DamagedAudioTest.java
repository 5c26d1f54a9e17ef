package dev.switchboard.local.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.local.testing.TestAudio;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged files of every decoded format, made by cutting and flipping bytes of good ones: each
 * decodes to something or fails with an AudioFormatException (a 400 for the caller), never with
 * another exception and never without end.
 */
class DamagedAudioTest {
    private static byte[] good(String format) throws IOException {
        float[] tone = TestAudio.tone(440, 0.5, 22_050, 2, 0.5);
        switch (format) {
            case "wav":
                return TestAudio.wav(tone, 2, 22_050, TestAudio.WavEncoding.PCM_24);
            case "flac":
                return TestAudio.flac(tone, 2, 22_050);
            case "mp3":
                return TestAudio.mp3(tone, 2, 22_050);
            default:
                try (InputStream in = DamagedAudioTest.class.getResourceAsStream("tone-440hz-stereo-22khz.ogg")) {
                    return in.readAllBytes();
                }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wav", "flac", "mp3", "ogg"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails, not blocks
    void damagedFilesDecodeOrFailWithAnAudioFormatException(String format) throws IOException {
        byte[] good = good(format);
        SplittableRandom random = new SplittableRandom(format.hashCode());
        int refused = 0;
        for (int i = 0; i < 150; i++) {
            byte[] bad = java.util.Arrays.copyOf(good, i % 3 == 0 ? random.nextInt(good.length) : good.length);
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips && bad.length > 0; f++) {
                // keep the magic, so the decoder of this format is the one tried
                int span = i % 2 == 0 ? 200 : bad.length - 4; // the headers, or anywhere
                int at = 4 + random.nextInt(Math.max(1, Math.min(bad.length - 4, span)));
                if (at < bad.length) bad[at] = (byte) random.nextInt(256);
            }
            try {
                AudioDecoder.decode(bad, 16_000, 10);
            } catch (AudioFormatException e) {
                refused++;
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(refused).as("some of the damaged files are refused").isPositive();
    }
}
