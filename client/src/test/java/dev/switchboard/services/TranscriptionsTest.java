package dev.switchboard.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.core.MultipartField;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.UnauthorizedException;
import dev.switchboard.models.audio.AudioModel;
import dev.switchboard.models.audio.AudioResponseFormat;
import dev.switchboard.models.audio.transcriptions.Transcription;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams.TimestampGranularity;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.models.audio.transcriptions.TranscriptionSegment;
import dev.switchboard.models.audio.transcriptions.TranscriptionVerbose;
import dev.switchboard.models.audio.transcriptions.TranscriptionWord;
import dev.switchboard.testing.MockServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptionsTest {
    /** The first bytes of a WAV file: enough for the format to be recognized. */
    private static final byte[] WAV = "RIFF\u0024\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] MP3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
    private static final byte[] FLAC = {'f', 'L', 'a', 'C', 0, 0, 0, 34};

    private static final String VERBOSE_JSON = """
            {
              "task": "transcribe",
              "language": "english",
              "duration": 8.470000267028809,
              "text": "The beach was a popular spot on a hot summer day.",
              "words": [
                {"word": "The", "start": 0.0, "end": 0.23999999463558197},
                {"word": "beach", "start": 0.23999999463558197, "end": 0.6200000047683716}
              ],
              "segments": [
                {
                  "id": 0, "seek": 0, "start": 0.0, "end": 3.319999933242798,
                  "text": " The beach was a popular spot on a hot summer day.",
                  "tokens": [50364, 440, 7534, 390, 257, 3743, 4008, 322, 257, 2368, 4266, 786, 13, 50530],
                  "temperature": 0.0, "avg_logprob": -0.2860786020755768,
                  "compression_ratio": 1.2363636493682861, "no_speech_prob": 0.00985979475080967
                }
              ],
              "usage": {"type": "duration", "seconds": 9}
            }""";

    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static TranscriptionCreateParams.Builder params() {
        return TranscriptionCreateParams.builder().model(AudioModel.WHISPER_1).file(WAV);
    }

    private MockServer answerJson(String text) {
        return server.enqueueJson("{\"text\":\"" + text + "\"}");
    }

    private MockServer answerText(String contentType, String body) {
        return server.enqueue(new MockResponse().setHeader("Content-Type", contentType).setBody(body));
    }

    @Test
    void aPathIsSentUnderItsOwnNameWithEachFieldAsAFormPartInTheOfficialOrder() throws IOException {
        Path file = Files.write(dir.resolve("speech.wav"), WAV);
        answerJson("Hello");

        client.audio().transcriptions().create(TranscriptionCreateParams.builder()
                .temperature(0.2)
                .responseFormat(AudioResponseFormat.JSON)
                .prompt("Switchboard, OkHttp")
                .language("en")
                .model(AudioModel.WHISPER_1)
                .file(file)
                .build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/audio/transcriptions");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test-secret");
        String boundary = MediaType.get(request.getHeader("Content-Type")).parameter("boundary");
        assertThat(request.getHeader("Content-Type")).isEqualTo("multipart/form-data; boundary=" + boundary);
        assertThat(request.getBody().readString(StandardCharsets.ISO_8859_1)).isEqualTo((""
                + "--B\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"speech.wav\"\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: 16\r\n"
                + "\r\n"
                + "RIFF\u0024\0\0\0WAVEfmt \r\n"
                + "--B\r\n"
                + "Content-Disposition: form-data; name=\"model\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 9\r\n"
                + "\r\n"
                + "whisper-1\r\n"
                + "--B\r\n"
                + "Content-Disposition: form-data; name=\"language\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 2\r\n"
                + "\r\n"
                + "en\r\n"
                + "--B\r\n"
                + "Content-Disposition: form-data; name=\"prompt\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 19\r\n"
                + "\r\n"
                + "Switchboard, OkHttp\r\n"
                + "--B\r\n"
                + "Content-Disposition: form-data; name=\"response_format\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 4\r\n"
                + "\r\n"
                + "json\r\n"
                + "--B\r\n"
                + "Content-Disposition: form-data; name=\"temperature\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 3\r\n"
                + "\r\n"
                + "0.2\r\n"
                + "--B--\r\n").replace("--B", "--" + boundary));
    }

    @Test
    void aStreamIsNamedByItsAudioFormat() {
        answerJson("Hello");

        client.audio().transcriptions().create(TranscriptionCreateParams.builder()
                .model(AudioModel.WHISPER_1).file(new ByteArrayInputStream(MP3)).build());

        assertThat(parts(server.takeRequest())).first().isEqualTo(new Part(
                "form-data; name=\"file\"; filename=\"audio.mp3\"", "application/octet-stream", MP3));
    }

    @Test
    void bytesAreNamedByTheirAudioFormat() {
        answerJson("Hello");

        client.audio().transcriptions().create(TranscriptionCreateParams.builder()
                .model(AudioModel.WHISPER_1).file(FLAC).build());

        assertThat(parts(server.takeRequest())).first().isEqualTo(new Part(
                "form-data; name=\"file\"; filename=\"audio.flac\"", "application/octet-stream", FLAC));
    }

    @Test
    void aMultipartFieldKeepsItsOwnNameAndContentType() {
        answerJson("Hello");

        client.audio().transcriptions().create(TranscriptionCreateParams.builder()
                .model(AudioModel.WHISPER_1)
                .file(MultipartField.<java.io.InputStream>builder()
                        .value(new ByteArrayInputStream(WAV)).filename("meeting.wav").contentType("audio/wav").build())
                .build());

        assertThat(parts(server.takeRequest())).first().isEqualTo(new Part(
                "form-data; name=\"file\"; filename=\"meeting.wav\"", "audio/wav", WAV));
    }

    @Test
    void timestampGranularitiesAreRepeatedArrayParts() {
        server.enqueueJson(VERBOSE_JSON);

        client.audio().transcriptions().create(params()
                .responseFormat(AudioResponseFormat.VERBOSE_JSON)
                .addTimestampGranularity(TimestampGranularity.WORD)
                .addTimestampGranularity(TimestampGranularity.SEGMENT)
                .build());

        assertThat(parts(server.takeRequest())).extracting(Part::toString).containsExactly(
                "form-data; name=\"file\"; filename=\"audio.wav\" (application/octet-stream): RIFF$\0\0\0WAVEfmt ",
                "form-data; name=\"model\" (text/plain; charset=utf-8): whisper-1",
                "form-data; name=\"response_format\" (text/plain; charset=utf-8): verbose_json",
                "form-data; name=\"timestamp_granularities[]\" (text/plain; charset=utf-8): word",
                "form-data; name=\"timestamp_granularities[]\" (text/plain; charset=utf-8): segment");
    }

    @Test
    void additionalFieldsAreSentAsTheOfficialSdkFlattensThem() {
        answerJson("Hello");

        client.audio().transcriptions().create(params()
                .putAdditionalBodyProperty("include", dev.switchboard.core.JsonValue.from(List.of("logprobs")))
                .putAdditionalBodyProperty("chunking_strategy", dev.switchboard.core.JsonValue.from(
                        java.util.Map.of("type", "server_vad")))
                .putAdditionalBodyProperty("stream", dev.switchboard.core.JsonValue.from(false))
                .build());

        assertThat(parts(server.takeRequest())).extracting(Part::toString).containsExactly(
                "form-data; name=\"file\"; filename=\"audio.wav\" (application/octet-stream): RIFF$\0\0\0WAVEfmt ",
                "form-data; name=\"model\" (text/plain; charset=utf-8): whisper-1",
                "form-data; name=\"include[]\" (text/plain; charset=utf-8): logprobs",
                "form-data; name=\"chunking_strategy[type]\" (text/plain; charset=utf-8): server_vad",
                "form-data; name=\"stream\" (text/plain; charset=utf-8): false");
    }

    @Test
    void aJsonAnswerIsATranscription() {
        server.enqueueJson("{\"text\":\"Imagine the wildest idea that you've ever had.\","
                + "\"usage\":{\"type\":\"tokens\",\"input_tokens\":14,\"output_tokens\":10,\"total_tokens\":24}}");

        TranscriptionCreateResponse response = client.audio().transcriptions().create(params().build());

        assertThat(response.isTranscription()).isTrue();
        assertThat(response.isVerbose()).isFalse();
        Transcription transcription = response.asTranscription();
        assertThat(transcription.text()).isEqualTo("Imagine the wildest idea that you've ever had.");
        assertThat(transcription.usage().orElseThrow().totalTokens()).contains(24L);
        assertThat(response.isValid()).isTrue();
    }

    @Test
    void aTextAnswerIsTheTextOfATranscription() {
        answerText("text/plain; charset=utf-8", "The beach was a popular spot on a hot summer day.\n");

        TranscriptionCreateResponse response = client.audio().transcriptions().create(
                params().responseFormat(AudioResponseFormat.TEXT).build());

        assertThat(response.isTranscription()).isTrue();
        assertThat(response.asTranscription().text()).isEqualTo("The beach was a popular spot on a hot summer day.\n");
    }

    @Test
    void aTextAnswerThatLooksLikeJsonIsStillText() {
        answerText("text/plain; charset=utf-8", "{curly} braces, spoken\n");

        TranscriptionCreateResponse response = client.audio().transcriptions().create(
                params().responseFormat(AudioResponseFormat.TEXT).build());

        assertThat(response.asTranscription().text()).isEqualTo("{curly} braces, spoken\n");
    }

    @Test
    void anSrtAnswerIsTheTextOfATranscription() {
        String srt = "1\n00:00:00,000 --> 00:00:03,320\nThe beach was a popular spot on a hot summer day.\n\n";
        answerText("application/x-subrip", srt);

        TranscriptionCreateResponse response = client.audio().transcriptions().create(
                params().responseFormat(AudioResponseFormat.SRT).build());

        assertThat(response.asTranscription().text()).isEqualTo(srt);
    }

    @Test
    void aVttAnswerIsTheTextOfATranscription() {
        String vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:03.320\nThe beach was a popular spot on a hot summer day.\n\n";
        answerText("text/vtt; charset=utf-8", vtt);

        TranscriptionCreateResponse response = client.audio().transcriptions().create(
                params().responseFormat(AudioResponseFormat.VTT).build());

        assertThat(response.asTranscription().text()).isEqualTo(vtt);
    }

    @Test
    void aVerboseAnswerHasItsSegmentsAndWords() {
        server.enqueueJson(VERBOSE_JSON);

        TranscriptionCreateResponse response = client.audio().transcriptions().create(params()
                .responseFormat(AudioResponseFormat.VERBOSE_JSON)
                .addTimestampGranularity(TimestampGranularity.WORD)
                .addTimestampGranularity(TimestampGranularity.SEGMENT)
                .build());

        assertThat(response.isVerbose()).isTrue();
        assertThat(response.isTranscription()).isFalse();
        TranscriptionVerbose verbose = response.asVerbose();
        assertThat(verbose.language()).isEqualTo("english");
        assertThat(verbose.duration()).isEqualTo(8.470000267028809);
        assertThat(verbose.text()).isEqualTo("The beach was a popular spot on a hot summer day.");
        assertThat(verbose.usage().orElseThrow().seconds()).isEqualTo(9.0);
        assertThat(verbose._additionalProperties()).containsKey("task");
        TranscriptionSegment segment = verbose.segments().orElseThrow().get(0);
        assertThat(segment.id()).isZero();
        assertThat(segment.seek()).isZero();
        assertThat(segment.start()).isZero();
        assertThat(segment.end()).isEqualTo(3.319999933242798);
        assertThat(segment.text()).isEqualTo(" The beach was a popular spot on a hot summer day.");
        assertThat(segment.tokens()).startsWith(50364L, 440L).endsWith(50530L).hasSize(14);
        assertThat(segment.temperature()).isZero();
        assertThat(segment.avgLogprob()).isEqualTo(-0.2860786f);
        assertThat(segment.compressionRatio()).isEqualTo(1.2363636f);
        assertThat(segment.noSpeechProb()).isEqualTo(0.009859795f);
        assertThat(verbose.words().orElseThrow()).extracting(TranscriptionWord::word).containsExactly("The", "beach");
        assertThat(verbose.words().orElseThrow().get(1).start()).isEqualTo(0.23999999463558197);
        assertThat(verbose.words().orElseThrow().get(1).end()).isEqualTo(0.6200000047683716);
        assertThat(response.isValid()).isTrue();
    }

    @Test
    void aVerboseAnswerIsVerboseEvenWhenTheServerLeftFieldsOut() {
        // LocalAI sends segments and text only, whatever the format asked for.
        server.enqueueJson("{\"segments\":[{\"id\":0,\"start\":0,\"end\":3320000000,\"text\":\" The beach\","
                + "\"tokens\":[440,7534]}],\"text\":\" The beach\"}");

        TranscriptionCreateResponse response = client.audio().transcriptions().create(
                params().responseFormat(AudioResponseFormat.VERBOSE_JSON).build());

        assertThat(response.isVerbose()).isTrue();
        assertThat(response.asVerbose().text()).isEqualTo(" The beach");
        assertThat(response.asVerbose().segments().orElseThrow().get(0).tokens()).containsExactly(440L, 7534L);
        assertThatThrownBy(() -> response.asVerbose().duration())
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("`duration` is not present");
    }

    @Test
    void aJsonAnswerWithSegmentsButNoDurationIsATranscription() {
        // LocalAI again, with the default format: the official SDK reads this as a Transcription too.
        server.enqueueJson("{\"segments\":[{\"id\":0,\"start\":0,\"end\":3320000000,\"text\":\" The beach\","
                + "\"tokens\":[440,7534]}],\"text\":\" The beach\"}");

        TranscriptionCreateResponse response = client.audio().transcriptions().create(params().build());

        assertThat(response.isTranscription()).isTrue();
        assertThat(response.asTranscription().text()).isEqualTo(" The beach");
        assertThat(response.asTranscription()._additionalProperties()).containsKey("segments");
    }

    @Test
    void aPlainTextAnswerToAJsonRequestIsTakenAsTheText() {
        // Some whisper servers answer text whatever the format.
        answerText("text/plain", "The beach");

        TranscriptionCreateResponse response = client.audio().transcriptions().create(params().build());

        assertThat(response.asTranscription().text()).isEqualTo("The beach");
    }

    @Test
    void aJsonAnswerThatIsNotAnObjectIsInvalidData() {
        server.enqueueJson("[\"The beach\"]").enqueueJson("[\"The beach\"]").enqueueJson("[\"The beach\"]");

        assertThatThrownBy(() -> client.audio().transcriptions().create(params().build()))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("POST /v1/audio/transcriptions answered JSON that is not an object: [\"The beach\"]");
    }

    @Test
    void aRetrySendsTheSameAudioAgain() {
        server.enqueue(new MockResponse().setResponseCode(502).setBody("Bad Gateway"));
        answerJson("Hello");

        TranscriptionCreateResponse response = client.audio().transcriptions().create(params().language("en").build());

        assertThat(response.asTranscription().text()).isEqualTo("Hello");
        List<Part> first = parts(server.takeRequest());
        List<Part> second = parts(server.takeRequest());
        assertThat(second).isEqualTo(first);
        assertThat(first).hasSize(3);
    }

    @Test
    void aRefusedKeyIsTheOfficialException() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-test-***cret.\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

        assertThatThrownBy(() -> client.audio().transcriptions().create(params().build()))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("Incorrect API key provided");
    }

    @Test
    void paramsWithoutAFileCannotBeBuilt() {
        assertThatThrownBy(() -> TranscriptionCreateParams.builder().model(AudioModel.WHISPER_1).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("`file` is required, but was not set");
    }

    @Test
    void theAsyncClientSendsTheSameFormAndReadsEveryFormat() throws Exception {
        server.enqueueJson(VERBOSE_JSON);
        answerText("text/vtt", "WEBVTT\n\n");
        OpenAIClientAsync async = server.asyncClient();
        try {
            TranscriptionCreateResponse verbose = async.audio().transcriptions()
                    .create(params().responseFormat(AudioResponseFormat.VERBOSE_JSON).build())
                    .get(5, TimeUnit.SECONDS);
            TranscriptionCreateResponse vtt = async.audio().transcriptions()
                    .create(params().responseFormat(AudioResponseFormat.VTT).build())
                    .get(5, TimeUnit.SECONDS);

            assertThat(verbose.asVerbose().segments().orElseThrow()).hasSize(1);
            assertThat(vtt.asTranscription().text()).isEqualTo("WEBVTT\n\n");
            assertThat(parts(server.takeRequest())).extracting(Part::toString).containsExactly(
                    "form-data; name=\"file\"; filename=\"audio.wav\" (application/octet-stream): RIFF$\0\0\0WAVEfmt ",
                    "form-data; name=\"model\" (text/plain; charset=utf-8): whisper-1",
                    "form-data; name=\"response_format\" (text/plain; charset=utf-8): verbose_json");
        } finally {
            async.close();
        }
    }

    /** One part of a multipart body: its disposition, content type and bytes. */
    record Part(String disposition, String contentType, byte[] body) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Part && o.toString().equals(toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }

        @Override
        public String toString() {
            return disposition + " (" + contentType + "): " + new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    static List<Part> parts(RecordedRequest request) {
        String boundary = MediaType.get(request.getHeader("Content-Type")).parameter("boundary");
        List<Part> parts = new ArrayList<>();
        try (MultipartReader reader = new MultipartReader(request.getBody(), boundary)) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                parts.add(new Part(part.headers().get("Content-Disposition"), part.headers().get("Content-Type"),
                        part.body().readByteArray()));
            }
        } catch (IOException e) {
            throw new AssertionError("The request is not multipart/form-data", e);
        }
        return parts;
    }
}
