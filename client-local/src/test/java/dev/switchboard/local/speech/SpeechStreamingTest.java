package dev.switchboard.local.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.errors.InternalServerException;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The body streams as the engine speaks, on a scripted engine that says when. */
class SpeechStreamingTest {
    private static final SpeechCreateParams PCM = Speakers.say("hello")
            .responseFormat(SpeechCreateParams.ResponseFormat.PCM).build();

    /** A synthesizer that plays a script of chunks, each 24 kHz so that bytes pass through unchanged in count. */
    private abstract static class Scripted implements Synthesizer {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public List<String> voices() {
            return List.of("one");
        }
    }

    private static short[] chunk(int samples) {
        return new short[samples];
    }

    @Test
    void theFirstAudioCanBeReadWhileTheEngineIsStillSpeaking() throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        Scripted engine = new Scripted() {
            @Override
            public void speak(String voice, String text, double speed, AudioSink sink) {
                sink.accept(chunk(24_000), 24_000);
                try {
                    if (!firstRead.await(10, TimeUnit.SECONDS)) throw new SynthesisException("nobody read the first second");
                } catch (InterruptedException e) {
                    throw new SynthesisException("interrupted", e);
                }
                sink.accept(chunk(24_000), 24_000);
            }
        };
        try (HttpResponse response = SpeechBackend.of("scripted", engine).speech(PCM, RequestOptions.none()).blockingGet()) {
            InputStream body = response.body();
            assertThat(body.readNBytes(40_000)).hasSize(40_000); // most of the first second, before the second exists
            firstRead.countDown();

            assertThat(body.readAllBytes()).hasSize(2 * 48_000 - 40_000);
        }
    }

    @Test
    void theBodyCanBeReadInsideTheCallbackThatDeliversIt() {
        Scripted engine = new Scripted() {
            @Override
            public void speak(String voice, String text, double speed, AudioSink sink) {
                for (int i = 0; i < 10; i++) sink.accept(chunk(2400), 24_000);
            }
        };

        Integer length = SpeechBackend.of("scripted", engine).speech(PCM, RequestOptions.none())
                .map(response -> {
                    try (response) {
                        return response.body().readAllBytes().length;
                    }
                })
                .blockingGet();

        assertThat(length).isEqualTo(10 * 4800);
    }

    @Test
    void anEngineFailingBeforeAnyAudioIsA500NamingTheEngine() {
        Scripted engine = new Scripted() {
            @Override
            public void speak(String voice, String text, double speed, AudioSink sink) {
                throw new SynthesisException("the voice is broken");
            }
        };

        assertThatThrownBy(() -> SpeechBackend.of("scripted", engine).speech(PCM, RequestOptions.none()).blockingGet())
                .isInstanceOf(InternalServerException.class)
                .hasMessage("500: The scripted engine failed to speak: the voice is broken");
    }

    @Test
    void anEngineFailingAfterTheFirstAudioFailsTheReadRatherThanEndingIt() {
        Scripted engine = new Scripted() {
            @Override
            public void speak(String voice, String text, double speed, AudioSink sink) {
                sink.accept(chunk(2400), 24_000);
                throw new SynthesisException("the voice broke");
            }
        };
        HttpResponse response = SpeechBackend.of("scripted", engine).speech(PCM, RequestOptions.none()).blockingGet();

        assertThatThrownBy(() -> response.body().readAllBytes())
                .isInstanceOf(IOException.class)
                .hasMessage("speech synthesis failed part-way: the voice broke");
        response.close();
    }

    @Test
    void closingTheResponseStopsTheEngineAtItsNextChunk() throws Exception {
        AtomicInteger chunksAfterClose = new AtomicInteger(-1);
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Scripted engine = new Scripted() {
            @Override
            public void speak(String voice, String text, double speed, AudioSink sink) {
                try {
                    sink.accept(chunk(2400), 24_000);
                    closed.await(10, TimeUnit.SECONDS);
                    int more = 0;
                    while (more < 1000 && sink.accept(chunk(2400), 24_000)) more++;
                    chunksAfterClose.set(more);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                }
            }
        };
        HttpResponse response = SpeechBackend.of("scripted", engine).speech(PCM, RequestOptions.none()).blockingGet();
        response.close();
        closed.countDown();

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(chunksAfterClose.get()).isZero();
    }

    @Test
    void disposingTheCallBeforeTheAudioBeginsStopsTheEngine() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch disposed = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger(-1);
        CountDownLatch finished = new CountDownLatch(1);
        Scripted engine = new Scripted() {
            @Override
            public void speak(String voice, String text, double speed, AudioSink sink) {
                try {
                    started.countDown();
                    disposed.await(10, TimeUnit.SECONDS);
                    accepted.set(sink.accept(chunk(2400), 24_000) ? 1 : 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                }
            }
        };
        var call = SpeechBackend.of("scripted", engine).speech(PCM, RequestOptions.none()).subscribe(r -> r.close());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        call.dispose();
        disposed.countDown();

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(accepted.get()).isZero();
    }

    @Test
    void anEngineThatSaysNothingGivesAHeaderAlone() {
        Scripted engine = new Scripted() {
            @Override
            public void speak(String voice, String text, double speed, AudioSink sink) {}
        };
        SpeechCreateParams wav = Speakers.say("...").build();

        try (HttpResponse response = SpeechBackend.of("scripted", engine).speech(wav, RequestOptions.none()).blockingGet()) {
            assertThat(response.body().readAllBytes()).hasSize(44);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
