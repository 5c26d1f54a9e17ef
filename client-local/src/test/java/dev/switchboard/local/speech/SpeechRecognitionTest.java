package dev.switchboard.local.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the engines say is heard: speech through {@code client.audio().speech()}, recognised by Vosk. */
class SpeechRecognitionTest {
    private static final String FOX = "the quick brown fox jumps over the lazy dog";

    static OpenAIClient client(String synthesizer) {
        Deployment deployment = Deployment.builder().name("local-speech").kind("speech").putOption("synthesizer", synthesizer).build();
        Router router = Router.builder().addPool(Pool.builder().name("speech").addDeployment(deployment).build()).build();
        return OpenAIOkHttpClient.builder().router(router).build();
    }

    static byte[] speak(OpenAIClient client, SpeechCreateParams params) {
        try (HttpResponse response = client.audio().speech().create(params); InputStream body = response.body()) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static SpeechCreateParams.Builder fox() {
        return SpeechCreateParams.builder().model("speech").input(FOX).voice(SpeechCreateParams.Voice.UnionMember1.ALLOY);
    }

    @Test
    void freeTtsSaysTheFoxSentenceSoThatVoskHearsEveryWord() {
        try (OpenAIClient client = client("freetts")) {
            byte[] pcm = speak(client, fox().responseFormat(SpeechCreateParams.ResponseFormat.PCM).build());

            assertThat(Ear.hear(pcm, AudioFormat.SAMPLE_RATE)).isEqualTo(FOX);
        }
    }

    @Test
    void fliteSaysTheFoxSentenceSoThatVoskHearsEveryWord() {
        try (OpenAIClient client = client("flite")) {
            byte[] wav = speak(client, fox().responseFormat(SpeechCreateParams.ResponseFormat.WAV).build());

            assertThat(Ear.hear(Arrays.copyOfRange(wav, 44, wav.length), AudioFormat.SAMPLE_RATE)).isEqualTo(FOX);
        }
    }
}
