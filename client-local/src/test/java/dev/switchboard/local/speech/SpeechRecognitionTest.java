package dev.switchboard.local.speech;

import static dev.switchboard.local.speech.Speakers.FOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import java.util.Arrays;
import java.util.List;
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

    /**
     * One OpenAI name for each engine voice the other tests do not hear (they speak alloy: flite's
     * slt and FreeTTS's kevin16): flite's rms, awb and kal16 where flite runs.
     */
    static List<String> openAiVoicesOfTheOtherEngineVoices() {
        return Speakers.synthesizers().contains(FliteSynthesizer.NAME)
                ? List.of("flite:ash", "flite:ballad", "flite:onyx")
                : List.of();
    }

    @ParameterizedTest(allowZeroInvocations = true) // none where flite does not run
    @MethodSource("openAiVoicesOfTheOtherEngineVoices")
    void everyEngineVoiceSpeaksTheFoxSentenceSoThatItIsHeard(String engineAndVoice) {
        String[] parts = engineAndVoice.split(":");
        try (OpenAIClient client = Speakers.client(parts[0])) {
            byte[] pcm = Speakers.audio(client, Speakers.say(FOX).voice(parts[1])
                    .responseFormat(SpeechCreateParams.ResponseFormat.PCM).build());

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
