package dev.switchboard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.router.Deployment;
import org.junit.jupiter.api.Test;

class WhisperOptionsTest {
    private static Deployment.Builder deployment() {
        return Deployment.builder().name("w").kind("whisper").model("./m.bin");
    }

    @Test
    void theDefaultsAreOneThreadGreedyDecodingDetectionAndOneStateAtATime() {
        WhisperOptions options = WhisperOptions.of(deployment().build());

        assertThat(options).hasToString("threads=1, beam_size=1, parallel=1, queue=16");
        assertThat(options.language()).isEmpty();
    }

    @Test
    void everyOptionIsRead() {
        WhisperOptions options = WhisperOptions.of(deployment().putOption("threads", 2).putOption("beam_size", 5)
                .putOption("language", "DE").putOption("parallel", 4).putOption("queue", 0).build());

        assertThat(options).hasToString("threads=2, beam_size=5, parallel=4, queue=0, language=de");
    }

    @Test
    void autoMeansDetection() {
        assertThat(WhisperOptions.of(deployment().putOption("language", "auto").build()).language()).isEmpty();
    }

    @Test
    void anUnknownOptionIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> WhisperOptions.of(deployment().putOption("beam", 2).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.w.beam is not a whisper engine option; the options are beam_size, language,"
                        + " parallel, queue, threads");
    }

    @Test
    void anUnknownLanguageIsRefused() {
        assertThatThrownBy(() -> WhisperOptions.of(deployment().putOption("language", "klingon").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.w.language 'klingon' is not a language whisper knows; use an ISO-639-1 code such"
                        + " as en, de or fr, or auto");
    }

    @Test
    void aNumberThatIsNotWholeIsRefused() {
        assertThatThrownBy(() -> WhisperOptions.of(deployment().putOption("threads", "two").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.w.threads must be a whole number, was 'two'");
    }

    @Test
    void zeroThreadsAreRefused() {
        assertThatThrownBy(() -> WhisperOptions.of(deployment().putOption("threads", 0).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.w.threads must be between 1 and 256, was 0");
    }
}
