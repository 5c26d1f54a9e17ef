package dev.switchboard.local.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests the local engine cannot serve end in a 400 that names the parameter and what would work. */
class SpeechErrorsTest {
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        client = Speakers.client("freetts");
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void anUnknownVoiceIsA400ListingTheVoices() {
        SpeechCreateParams params = Speakers.say("hello").voice("bob").build();

        assertThatThrownBy(() -> Speakers.audio(client, params))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("voice"))
                .hasMessage("400: voice 'bob' is not one the freetts engine speaks; the voices are alloy, ash, ballad,"
                        + " coral, echo, fable, onyx, nova, sage, shimmer, verse, marin, cedar, kevin16");
    }

    @Test
    void fliteListsItsOwnVoicesAfterOpenAis() {
        SpeechBackend flite = SpeechBackend.of("flite", new FliteSynthesizer());

        assertThat(flite.voices()).containsExactly("alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova",
                "sage", "shimmer", "verse", "marin", "cedar", "kal16", "rms", "slt", "awb");
    }

    @Test
    void voiceNamesAreMatchedWhateverTheirCase() {
        byte[] audio = Speakers.audio(client, Speakers.say("hello").voice("Kevin16").build());

        assertThat(audio.length).isGreaterThan(44);
    }

    @Test
    void aVoiceGivenAsAnIdObjectIsSpoken() {
        SpeechCreateParams params = Speakers.say("hello")
                .voice(SpeechCreateParams.Voice.Id.builder().id("nova").build()).build();

        assertThat(Speakers.audio(client, params).length).isGreaterThan(44);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 4.5, 0.0, -1.0})
    void aSpeedOutsideAQuarterToFourIsA400(double speed) {
        SpeechCreateParams params = Speakers.say("hello").speed(speed).build();

        assertThatThrownBy(() -> Speakers.audio(client, params))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("speed"))
                .hasMessage("400: speed must be between 0.25 and 4.0, was " + speed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "opus", "aac", "flac"})
    void aFormatWithoutAnEncoderIsA400NamingTheFormatsThatWork(String format) {
        SpeechCreateParams params = Speakers.say("hello").responseFormat(SpeechCreateParams.ResponseFormat.of(format)).build();

        assertThatThrownBy(() -> Speakers.audio(client, params))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("response_format"))
                .hasMessage("400: response_format '" + format + "' is not supported by the local speech engine (it has no "
                        + format + " encoder); the formats are wav and pcm");
    }

    @Test
    void serverSentEventsAreA400() {
        SpeechCreateParams params = Speakers.say("hello").streamFormat(SpeechCreateParams.StreamFormat.SSE).build();

        assertThatThrownBy(() -> Speakers.audio(client, params))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("400: stream_format 'sse' is not supported by the local speech engine; use audio (the body"
                        + " streams as it is spoken)");
    }

    @Test
    void inputLongerThan4096CharactersIsA400() {
        SpeechCreateParams params = Speakers.say("a".repeat(4097)).build();

        assertThatThrownBy(() -> Speakers.audio(client, params))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("400: input is 4097 characters long; the most is 4096");
    }

    @Test
    void inputWithNothingToSayIsA400() {
        SpeechCreateParams params = Speakers.say(" \n\u4e2d\u6587 ").build();

        assertThatThrownBy(() -> Speakers.audio(client, params))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("400: input has nothing to say; give the text to speak");
    }

    @Test
    void aRefusedCallLeavesTheClientAnswering() {
        assertThatThrownBy(() -> Speakers.audio(client, Speakers.say("hello").speed(9.0).build()))
                .isInstanceOf(BadRequestException.class);

        assertThat(Speakers.audio(client, Speakers.say("hello").build()).length).isGreaterThan(44);
    }
}
