package dev.switchboard.local.speech;

import static dev.switchboard.local.speech.Speakers.FOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audio the engines give: formats, speed, and calls at once. */
class SpeechAudioTest {

    @ParameterizedTest
    @MethodSource("dev.switchboard.local.speech.Speakers#synthesizers")
    void wavIsA24kHz16BitMonoHeaderFollowedByThePcmSamples(String synthesizer) {
        try (OpenAIClient client = Speakers.client(synthesizer)) {
            byte[] wav = Speakers.audio(client, Speakers.say(FOX).responseFormat(SpeechCreateParams.ResponseFormat.WAV).build());
            byte[] pcm = Speakers.audio(client, Speakers.say(FOX).responseFormat(SpeechCreateParams.ResponseFormat.PCM).build());

            ByteBuffer header = ByteBuffer.wrap(wav, 0, 44).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(new String(wav, 8, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
            assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
            assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
            assertThat(header.getInt(24)).as("sample rate").isEqualTo(24_000);
            assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
            // Lengths, not bytes: flite's voices mix random noise into their excitation, so no two takes are equal.
            assertThat(wav.length - 44).as("bytes after the header").isEqualTo(pcm.length);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.local.speech.Speakers#synthesizers")
    void responsesSayTheirContentType(String synthesizer) {
        try (OpenAIClient client = Speakers.client(synthesizer);
                HttpResponse wav = client.audio().speech().create(Speakers.say("hi").build());
                HttpResponse pcm = client.audio().speech().create(
                        Speakers.say("hi").responseFormat(SpeechCreateParams.ResponseFormat.PCM).build())) {
            assertThat(wav.statusCode()).isEqualTo(200);
            assertThat(wav.headers().values("Content-Type")).containsExactly("audio/wav");
            assertThat(pcm.headers().values("Content-Type")).containsExactly("audio/pcm");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.local.speech.Speakers#synthesizers")
    void doubleSpeedTakesAboutHalfTheTime(String synthesizer) {
        try (OpenAIClient client = Speakers.client(synthesizer)) {
            SpeechCreateParams.Builder pcm = Speakers.say(FOX).responseFormat(SpeechCreateParams.ResponseFormat.PCM);
            double normal = Speakers.audio(client, pcm.speed(1.0).build()).length;
            double fast = Speakers.audio(client, pcm.speed(2.0).build()).length;
            double slow = Speakers.audio(client, pcm.speed(0.5).build()).length;

            assertThat(fast / normal).isBetween(0.4, 0.65);
            assertThat(slow / normal).isBetween(1.6, 2.5);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.local.speech.Speakers#synthesizers")
    void callsAtOnceEachGetTheWholeAudioTheyWouldGetAlone(String synthesizer) throws Exception {
        try (OpenAIClient client = Speakers.client(synthesizer)) {
            SpeechCreateParams fox = Speakers.say(FOX).responseFormat(SpeechCreateParams.ResponseFormat.PCM).build();
            SpeechCreateParams other = Speakers.say("pack my box with five dozen liquor jugs").build();
            byte[] foxAlone = Speakers.audio(client, fox);
            byte[] otherAlone = Speakers.audio(client, other);

            CompletableFuture<byte[]> foxAtOnce = client.async().audio().speech().create(fox).thenApply(SpeechAudioTest::read);
            CompletableFuture<byte[]> otherAtOnce = client.async().audio().speech().create(other).thenApply(SpeechAudioTest::read);

            byte[] foxTogether = foxAtOnce.get();
            assertThat(foxTogether.length).isEqualTo(foxAlone.length);
            assertThat(otherAtOnce.get().length).isEqualTo(otherAlone.length);
            assertThat(Ear.hear(foxTogether, AudioFormat.SAMPLE_RATE)).isEqualTo(FOX);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.local.speech.Speakers#synthesizers")
    void closingTheAudioEarlyLeavesTheEngineAnsweringTheNextCall(String synthesizer) throws Exception {
        try (OpenAIClient client = Speakers.client(synthesizer)) {
            SpeechCreateParams longText = Speakers.say((FOX + ". ").repeat(40)).build();
            try (HttpResponse response = client.audio().speech().create(longText)) {
                assertThat(response.body().readNBytes(1000)).hasSize(1000);
            }

            byte[] pcm = Speakers.audio(client, Speakers.say(FOX).responseFormat(SpeechCreateParams.ResponseFormat.PCM).build());
            assertThat(pcm.length).as("bytes of the fox sentence").isGreaterThan(2 * 24_000);
        }
    }

    private static byte[] read(HttpResponse response) {
        try (response; InputStream body = response.body()) {
            return body.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
