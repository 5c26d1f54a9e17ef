package dev.switchboard.local.whisper;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.local.testing.TestAudio;
import dev.switchboard.local.tiny.TinyWhisper;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tiny random-weight whisper models the engine's tests run on, written once per test JVM (each
 * model stays loaded for the life of the process, so tests share them), audio to transcribe, and
 * clients whose virtual model {@code transcription} routes to a whisper deployment.
 */
final class LocalWhisper {
    private static Path dir;
    private static Path multilingual;
    private static Path quantized;
    private static Path english;

    private LocalWhisper() {}

    static synchronized Path multilingual() {
        if (multilingual == null) multilingual = TinyWhisper.builder().seed(1).build().write(dir().resolve("tiny-f16.bin"));
        return multilingual;
    }

    static synchronized Path quantized() {
        if (quantized == null) {
            quantized = TinyWhisper.builder().seed(2).weights(TinyWhisper.Weights.Q8_0).build().write(dir().resolve("tiny-q8.bin"));
        }
        return quantized;
    }

    static synchronized Path english() {
        if (english == null) english = TinyWhisper.builder().seed(3).englishOnly().build().write(dir().resolve("tiny-en.bin"));
        return english;
    }

    static synchronized Path dir() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("switchboard-whisper-test");
                dir.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two seconds of 16 kHz speech-like sound as a 16-bit WAV. */
    static byte[] speech() {
        return TestAudio.wav(TestAudio.babble(2.0, 16_000, 7), 1, 16_000, TestAudio.WavEncoding.PCM_16);
    }

    static Deployment.Builder deployment(String name, Path model) {
        return Deployment.builder().name(name).kind("whisper").model(model.toString()).putOption("threads", 1);
    }

    static OpenAIClient client(Deployment... deployments) {
        Pool.Builder pool = Pool.builder().name("transcription");
        for (Deployment d : deployments) pool.addDeployment(d);
        return OpenAIOkHttpClient.builder().router(Router.builder().addPool(pool.build()).build()).build();
    }
}
