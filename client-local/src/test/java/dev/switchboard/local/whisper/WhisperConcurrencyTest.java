package dev.switchboard.local.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.local.testing.TestAudio;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Calls at once on one model: each on a state of its own, each answer as if it had run alone. */
class WhisperConcurrencyTest {
    private static byte[] audio(long seed) {
        return TestAudio.wav(TestAudio.babble(1.5, 16_000, seed), 1, 16_000, TestAudio.WavEncoding.PCM_16);
    }

    private static String transcribe(OpenAIClient client, byte[] audio) {
        return client.audio().transcriptions()
                .create(TranscriptionCreateParams.builder().model("transcription").file(audio).language("en").build())
                .asTranscription().text();
    }

    @Test
    void fourCallsAtOnceEachGetTheAnswerTheyGetAlone() throws Exception {
        try (OpenAIClient client = LocalWhisper.client(LocalWhisper.deployment("tiny-parallel", LocalWhisper.multilingual())
                .putOption("parallel", 2).putOption("queue", 8).build())) {
            List<byte[]> inputs = List.of(audio(11), audio(12), audio(13), audio(14));
            List<String> alone = new ArrayList<>();
            for (byte[] input : inputs) alone.add(transcribe(client, input));

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> together = new ArrayList<>();
                for (byte[] input : inputs) {
                    together.add(pool.submit(() -> {
                        go.await();
                        return transcribe(client, input);
                    }));
                }
                go.countDown();
                for (int i = 0; i < inputs.size(); i++) assertThat(together.get(i).get()).isEqualTo(alone.get(i));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void manyClientsOnOneModelShareItsStates() {
        // one state each would pass ggml's 64 contexts, where whisper.cpp 1.7.1 segfaults (measured)
        byte[] input = audio(31);
        for (int i = 0; i < 12; i++) {
            try (OpenAIClient client = LocalWhisper.client(LocalWhisper.deployment("client-" + i, LocalWhisper.multilingual()).build())) {
                assertThat(transcribe(client, input)).isNotBlank();
            }
        }
        assertThat(NativeWhisper.reservedNow()).isLessThanOrEqualTo(NativeWhisper.CONTEXTS);
    }

    @Test
    void asyncCallsAnswerAsBlockingOnesDo() throws Exception {
        try (OpenAIClient client = LocalWhisper.client(LocalWhisper.deployment("tiny-async", LocalWhisper.multilingual()).build())) {
            byte[] input = audio(21);
            String blocking = transcribe(client, input);

            CompletableFuture<String> async = client.async().audio().transcriptions()
                    .create(TranscriptionCreateParams.builder().model("transcription").file(input).language("en").build())
                    .thenApply(r -> r.asTranscription().text());

            assertThat(async.get()).isEqualTo(blocking);
        }
    }
}
