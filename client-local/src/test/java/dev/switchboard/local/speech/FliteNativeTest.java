package dev.switchboard.local.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shim checks again what Java checks first, so a slip in Java is an error code and never a
 * crash. Runs where flite runs (CI requires it there).
 */
class FliteNativeTest {
    static List<String> fliteWhereItRuns() {
        return Speakers.synthesizers().contains(FliteSynthesizer.NAME) ? List.of(FliteSynthesizer.NAME) : List.of();
    }

    private static final AudioSink SINK = (samples, rate) -> true;

    private static int speak(int voice, byte[] text, float stretch, AudioSink sink) {
        synchronized (FliteSynthesizer.LOCK) {
            return FliteNative.speak(voice, text, stretch, sink);
        }
    }
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("fliteWhereItRuns")
    void badArgumentsAreRefusedBeforeFliteSeesThem(String flite) {
        assertThat(speak(-1, HELLO, 1f, SINK)).as("voice -1").isEqualTo(FliteNative.BAD_ARGUMENT);
        assertThat(speak(4, HELLO, 1f, SINK)).as("voice 4").isEqualTo(FliteNative.BAD_ARGUMENT);
        assertThat(speak(0, new byte[0], 1f, SINK)).as("no text").isEqualTo(FliteNative.BAD_ARGUMENT);
        assertThat(speak(0, new byte[8193], 1f, SINK)).as("8193 bytes").isEqualTo(FliteNative.BAD_ARGUMENT);
        assertThat(speak(0, new byte[] {'a', 0, 'b'}, 1f, SINK)).as("a NUL").isEqualTo(FliteNative.BAD_ARGUMENT);
        assertThat(speak(0, new byte[] {'a', (byte) 0xc3, (byte) 0xa9}, 1f, SINK)).as("UTF-8")
                .isEqualTo(FliteNative.BAD_ARGUMENT);
        assertThat(speak(0, HELLO, 0.1f, SINK)).as("stretch 0.1").isEqualTo(FliteNative.BAD_ARGUMENT);
        assertThat(speak(0, HELLO, Float.NaN, SINK)).as("stretch NaN").isEqualTo(FliteNative.BAD_ARGUMENT);
        assertThat(speak(0, HELLO, 1f, null)).as("no sink").isEqualTo(FliteNative.BAD_ARGUMENT);
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("fliteWhereItRuns")
    void aSinkThatSaysStopEndsTheSynthesisAtOnce(String flite) {
        int[] chunks = {0};
        byte[] text = "The quick brown fox jumps over the lazy dog. ".repeat(20).getBytes(StandardCharsets.US_ASCII);

        int code = speak(2, text, 1f, (samples, rate) -> ++chunks[0] < 3);

        assertThat(code).isEqualTo(FliteNative.STOPPED);
        assertThat(chunks[0]).isEqualTo(3);
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("fliteWhereItRuns")
    void aCallAfterAStoppedOneSpeaksAtNormalSpeedAgain(String flite) {
        long[] normal = {0};
        speak(2, HELLO, 1f, (samples, rate) -> { normal[0] += samples.length; return true; });
        speak(2, HELLO, 3f, (samples, rate) -> false);
        long[] again = {0};

        speak(2, HELLO, 1f, (samples, rate) -> { again[0] += samples.length; return true; });

        assertThat(again[0]).isEqualTo(normal[0]);
    }
}
