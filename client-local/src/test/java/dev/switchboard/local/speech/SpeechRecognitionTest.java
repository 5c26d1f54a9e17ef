package dev.switchboard.local.speech;

import static dev.switchboard.local.speech.Speakers.FOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the engines say is heard: speech through {@code client.audio().speech()}, recognised by Vosk. */
class SpeechRecognitionTest {

    @ParameterizedTest
    @MethodSource("dev.switchboard.local.speech.Speakers#synthesizers")
    void theFoxSentenceSpokenAsPcmIsHeardWordForWord(String synthesizer) {
        try (OpenAIClient client = Speakers.client(synthesizer)) {
            byte[] pcm = Speakers.audio(client, Speakers.say(FOX).responseFormat(SpeechCreateParams.ResponseFormat.PCM).build());

            assertThat(Ear.hear(pcm, AudioFormat.SAMPLE_RATE)).isEqualTo(FOX);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.local.speech.Speakers#synthesizers")
    void theFoxSentenceSpokenFasterInAnotherVoiceAsWavIsStillHeardWordForWord(String synthesizer) {
        try (OpenAIClient client = Speakers.client(synthesizer)) {
            byte[] wav = Speakers.audio(client, Speakers.say(FOX).voice("echo").speed(1.5)
                    .responseFormat(SpeechCreateParams.ResponseFormat.WAV).build());

            assertThat(Ear.hear(Arrays.copyOfRange(wav, 44, wav.length), AudioFormat.SAMPLE_RATE)).isEqualTo(FOX);
        }
    }
}
