package dev.switchboard.local.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.backend.Health;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.errors.RateLimitException;
import dev.switchboard.local.WhisperOptions;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import io.github.givimad.whisperjni.WhisperState;
import io.reactivex.rxjava3.core.Single;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backend's own contract: cold calls, health without loading, and 429 when its queue is full. */
class WhisperBackendTest {
    private static TranscriptionCreateParams params() {
        return TranscriptionCreateParams.builder().model("transcription").file(LocalWhisper.speech()).language("en").build();
    }

    @Test
    void aCallIsColdNothingIsLoadedOrDecodedBeforeSubscription() {
        WhisperBackend backend = WhisperBackend.create("cold", Path.of("no-such-model.bin").toString(),
                WhisperOptions.builder().build());

        Single<?> call = backend.transcription(params(), RequestOptions.none());

        assertThat(call).isNotNull(); // no ModelLoadException yet: the missing file is found on subscription
        assertThat(backend.health(Duration.ofSeconds(1)).blockingGet().status()).isEqualTo(Health.Status.HEALTHY);
    }

    @Test
    void whenEveryStateIsBusyAndTheQueueIsFullTheCallIsA429() {
        WhisperBackend backend = WhisperBackend.create("busy", LocalWhisper.english().toString(),
                WhisperOptions.builder().parallel(1).queue(0).build());
        backend.transcription(params(), RequestOptions.none()).blockingGet(); // loads the model, makes its state
        States states = ModelRegistry.PROCESS.load("busy", LocalWhisper.english().toString()).states;
        int count = states.count();
        WhisperState[] held = new WhisperState[count];
        for (int i = 0; i < count; i++) held[i] = states.acquire(0, () -> false, "test");
        try {
            assertThatThrownBy(() -> backend.transcription(params(), RequestOptions.none()).blockingGet())
                    .isInstanceOf(RateLimitException.class)
                    .hasMessage("429: busy: all " + count + " whisper states of its model are transcribing and 0 calls"
                            + " already wait; try again shortly, or raise the deployment's parallel or queue option");
            assertThat(backend.health(Duration.ofSeconds(1)).blockingGet().detail())
                    .isEqualTo("model loaded; " + count + " of " + count + " states transcribing, 0 calls waiting");
        } finally {
            for (WhisperState s : held) states.release(s);
        }
        assertThat(backend.transcription(params(), RequestOptions.none()).blockingGet().asTranscription().text()).isNotBlank();
    }
}
