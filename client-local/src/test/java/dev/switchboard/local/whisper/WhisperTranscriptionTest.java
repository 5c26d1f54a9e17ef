package dev.switchboard.local.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.local.testing.TestAudio;
import dev.switchboard.models.audio.AudioResponseFormat;
import dev.switchboard.models.audio.transcriptions.Transcription;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams.TimestampGranularity;
import dev.switchboard.models.audio.transcriptions.TranscriptionSegment;
import dev.switchboard.models.audio.transcriptions.TranscriptionVerbose;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transcriptions through {@code client.audio().transcriptions()}, the virtual model {@code transcription} routed to a tiny whisper deployment. */
class WhisperTranscriptionTest {
    private static OpenAIClient client;
    private static OpenAIClient englishOnly;

    @BeforeAll
    static void start() {
        client = LocalWhisper.client(LocalWhisper.deployment("tiny", LocalWhisper.multilingual()).build());
        englishOnly = LocalWhisper.client(LocalWhisper.deployment("tiny-en", LocalWhisper.english()).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        englishOnly.close();
    }

    private static TranscriptionCreateParams.Builder ask(byte[] audio) {
        return TranscriptionCreateParams.builder().model("transcription").file(audio).temperature(0.0);
    }

    private static String text(TranscriptionCreateParams params) {
        return client.audio().transcriptions().create(params).asTranscription().text();
    }

    @Test
    void jsonAnswersWithTheTextAndTheSecondsUsed() {
        Transcription answer = client.audio().transcriptions().create(ask(LocalWhisper.speech()).build()).asTranscription();

        assertThat(answer.text()).isNotBlank().isEqualTo(answer.text().strip());
        assertThat(answer.usage().get().type()).contains("duration");
        assertThat(answer.usage().get().seconds()).contains(2.0);
    }

    @Test
    void textAnswersWithTheSameTextAndANewline() {
        String json = text(ask(LocalWhisper.speech()).build());

        String plain = text(ask(LocalWhisper.speech()).responseFormat(AudioResponseFormat.TEXT).build());

        assertThat(plain).isEqualTo(json + "\n");
    }

    @Test
    void srtAnswersWithNumberedTimedCues() {
        String srt = text(ask(LocalWhisper.speech()).responseFormat(AudioResponseFormat.SRT).build());

        assertThat(srt).matches("(?s)1\n00:00:\\d\\d,\\d\\d0 --> 00:00:\\d\\d,\\d\\d0\n[^\n]+\n\n.*");
        assertThat(srt).endsWith("\n\n");
    }

    @Test
    void vttAnswersWithItsHeaderAndTimedCues() {
        String vtt = text(ask(LocalWhisper.speech()).responseFormat(AudioResponseFormat.VTT).build());

        assertThat(vtt).matches("(?s)WEBVTT\n\n00:00:\\d\\d\\.\\d\\d0 --> 00:00:\\d\\d\\.\\d\\d0\n[^\n]+\n\n.*");
    }

    @Test
    void verboseJsonHasTheTaskLanguageDurationTextAndSegments() {
        TranscriptionVerbose verbose = client.audio().transcriptions()
                .create(ask(LocalWhisper.speech()).responseFormat(AudioResponseFormat.VERBOSE_JSON).language("de").build())
                .asVerbose();

        assertThat(verbose._additionalProperties().get("task").asString()).contains("transcribe");
        assertThat(verbose.language()).isEqualTo("german");
        assertThat(verbose.duration()).isEqualTo(2.0);
        assertThat(verbose.usage().get().seconds()).isEqualTo(2.0);
        List<TranscriptionSegment> segments = verbose.segments().get();
        assertThat(segments).isNotEmpty();
        TranscriptionSegment first = segments.get(0);
        assertThat(first.id()).isZero();
        assertThat(first.start()).isGreaterThanOrEqualTo(0.0);
        assertThat(first.end()).isGreaterThan(first.start());
        assertThat(first.temperature()).isZero();
        assertThat(first.tokens()).isEmpty();
        assertThat(first.compressionRatio()).isPositive();
        StringBuilder joined = new StringBuilder();
        for (TranscriptionSegment s : segments) joined.append(s.text());
        assertThat(verbose.text()).isEqualTo(joined.toString().strip());
    }

    @Test
    void segmentTimestampsAreTheVerboseSegments() {
        TranscriptionVerbose verbose = client.audio().transcriptions()
                .create(ask(LocalWhisper.speech()).responseFormat(AudioResponseFormat.VERBOSE_JSON)
                        .addTimestampGranularity(TimestampGranularity.SEGMENT).build())
                .asVerbose();

        assertThat(verbose.segments().get()).isNotEmpty();
        assertThat(verbose.words()).isEmpty();
    }

    @Test
    void withoutALanguageWhisperDetectsOneAndVerboseJsonNamesIt() {
        TranscriptionVerbose verbose = client.audio().transcriptions()
                .create(ask(LocalWhisper.speech()).responseFormat(AudioResponseFormat.VERBOSE_JSON).build())
                .asVerbose();

        // random weights detect some language; what matters is that it is whisper's detection, named as the API names it
        assertThat(verbose.language()).matches("[a-z ]+").isNotEqualTo("en");
    }

    @Test
    void theLanguageChangesWhatIsHeard() {
        String german = text(ask(LocalWhisper.speech()).language("de").build());
        String japanese = text(ask(LocalWhisper.speech()).language("ja").build());

        assertThat(german).isNotEqualTo(japanese);
    }

    @Test
    void temperatureZeroGivesTheSameTextEveryTime() {
        assertThat(text(ask(LocalWhisper.speech()).build())).isEqualTo(text(ask(LocalWhisper.speech()).build()));
    }

    @Test
    void aPromptIsTakenAsTheInitialPrompt() {
        String plain = text(ask(LocalWhisper.speech()).language("en").build());
        String prompted = text(ask(LocalWhisper.speech()).language("en").prompt(" ba ca da").build());

        assertThat(prompted).isNotBlank().isNotEqualTo(plain);
    }

    private static String reference;

    /** What whisper hears in {@link LocalWhisper#speech()}, transcribed once. */
    private static synchronized String reference() {
        if (reference == null) reference = text(ask(LocalWhisper.speech()).build());
        return reference;
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8000, 22050, 44100, 48000})
    void audioAtAnyRateIsHeardAsAt16kHz(int rate) {
        String reference = reference();
        // the same sound made at another rate: after resampling whisper hears (nearly) the same input
        float[] sound = TestAudio.babble(2.0, rate, 7);
        byte[] wav = TestAudio.wav(sound, 1, rate, TestAudio.WavEncoding.PCM_16);

        String heard = text(ask(wav).build());

        assertThat(heard).isNotBlank();
        if (rate >= 16_000) assertThat(heard).isEqualTo(reference);
    }

    @Test
    void stereoFlacAndMp3AreTranscribed() {
        float[] mono = TestAudio.babble(2.0, 22_050, 7);
        float[] stereo = new float[mono.length * 2];
        for (int i = 0; i < mono.length; i++) stereo[2 * i] = stereo[2 * i + 1] = mono[i];

        assertThat(text(ask(TestAudio.flac(stereo, 2, 22_050)).build())).isNotBlank();
        assertThat(text(ask(TestAudio.mp3(stereo, 2, 22_050)).build())).isNotBlank();
    }

    @Test
    void aDeploymentWithBeamSearchTranscribes() {
        try (OpenAIClient beam = LocalWhisper.client(LocalWhisper.deployment("tiny-beam", LocalWhisper.multilingual())
                .putOption("beam_size", 2).build())) {
            assertThat(beam.audio().transcriptions().create(ask(LocalWhisper.speech()).language("en").build())
                    .asTranscription().text()).isNotBlank();
        }
    }

    @Test
    void aQuantizedModelTranscribes() {
        try (OpenAIClient q8 = LocalWhisper.client(LocalWhisper.deployment("tiny-q8", LocalWhisper.quantized()).build())) {
            assertThat(q8.audio().transcriptions().create(ask(LocalWhisper.speech()).build()).asTranscription().text())
                    .isNotBlank();
        }
    }

    @Test
    void anEnglishOnlyModelTranscribesAndReportsEnglish() {
        TranscriptionVerbose verbose = englishOnly.audio().transcriptions()
                .create(ask(LocalWhisper.speech()).responseFormat(AudioResponseFormat.VERBOSE_JSON).build()).asVerbose();

        assertThat(verbose.language()).isEqualTo("english");
    }

    private static BadRequestException refused(OpenAIClient client, TranscriptionCreateParams params) {
        try {
            client.audio().transcriptions().create(params);
        } catch (BadRequestException e) {
            return e;
        }
        throw new AssertionError("the request was not refused");
    }

    @Test
    void anEnglishOnlyModelRefusesAnotherLanguage() {
        BadRequestException e = refused(englishOnly, ask(LocalWhisper.speech()).language("de").build());

        assertThat(e.param()).contains("language");
        assertThat(e).hasMessage("400: language 'de': this deployment's model is English-only; ask for en, or use a"
                + " multilingual model");
    }

    @Test
    void anUnknownLanguageIsRefused() {
        BadRequestException e = refused(client, ask(LocalWhisper.speech()).language("xx").build());

        assertThat(e.param()).contains("language");
        assertThat(e).hasMessage("400: language 'xx' is not a language whisper knows; give an ISO-639-1 code such as en,"
                + " de or fr, or none to have it detected");
    }

    @Test
    void cantoneseIsRefusedByAModelOlderThanLargeV3() {
        BadRequestException e = refused(client, ask(LocalWhisper.speech()).language("yue").build());

        assertThat(e).hasMessage("400: language 'yue' is not one this deployment's model knows (it knows 99)");
    }

    @Test
    void wordTimestampsAreRefusedSayingWhy() {
        BadRequestException e = refused(client, ask(LocalWhisper.speech()).responseFormat(AudioResponseFormat.VERBOSE_JSON)
                .addTimestampGranularity(TimestampGranularity.WORD).build());

        assertThat(e.param()).contains("timestamp_granularities");
        assertThat(e).hasMessage("400: timestamp_granularities 'word' is not available from the local whisper engine"
                + " (whisper-jni 1.7.1 exposes no token timestamps); ask for 'segment', or send the request to a remote"
                + " deployment");
    }

    @Test
    void timestampGranularitiesNeedVerboseJson() {
        BadRequestException e = refused(client, ask(LocalWhisper.speech())
                .addTimestampGranularity(TimestampGranularity.SEGMENT).build());

        assertThat(e).hasMessage("400: timestamp_granularities needs response_format 'verbose_json', was 'json'");
    }

    @Test
    void aTemperatureAboveOneIsRefused() {
        BadRequestException e = refused(client, ask(LocalWhisper.speech()).temperature(1.5).build());

        assertThat(e).hasMessage("400: temperature must be between 0 and 1, was 1.5");
    }

    @Test
    void diarizedJsonIsRefused() {
        BadRequestException e = refused(client, ask(LocalWhisper.speech()).responseFormat(AudioResponseFormat.DIARIZED_JSON).build());

        assertThat(e.param()).contains("response_format");
    }

    @Test
    void audioShorterThanATenthOfASecondIsRefusedAsTheApiRefusesIt() {
        byte[] blip = TestAudio.wav(TestAudio.tone(440, 0.05, 16_000, 1, 0.5), 1, 16_000, TestAudio.WavEncoding.PCM_16);

        BadRequestException e = refused(client, ask(blip).build());

        assertThat(e.code()).contains("audio_too_short");
        assertThat(e).hasMessage("400: Audio file is too short. Minimum audio length is 0.1 seconds.");
    }

    @Test
    void aWavWithNoSamplesIsTooShort() {
        byte[] empty = TestAudio.wav(new float[0], 1, 16_000, TestAudio.WavEncoding.PCM_16);

        assertThat(refused(client, ask(empty).build()).code()).contains("audio_too_short");
    }

    @Test
    void anEmptyFileIsRefusedNamingTheFormatsThatWork() {
        BadRequestException e = refused(client, ask(new byte[0]).build());

        assertThat(e.param()).contains("file");
        assertThat(e).hasMessage("400: The audio file is empty; the local engine decodes wav, flac, mp3 and ogg (Vorbis)"
                + " (convert other audio, e.g. with ffmpeg, or send it to a remote deployment)");
    }

    @Test
    void aFailedCallLeavesTheClientUsable() {
        refused(client, ask(new byte[] {1, 2, 3}).build());

        assertThat(text(ask(LocalWhisper.speech()).build())).isNotBlank();
    }
}
