package dev.switchboard.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.OpenAIClientAsync;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.errors.BadRequestException;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.audio.speech.SpeechModel;
import dev.switchboard.testing.MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpeechTest {
    /** The server sends the audio in two halves, this long apart. */
    private static final Duration PAUSE = Duration.ofMillis(1500);
    private static final int HALF = 4096;

    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static SpeechCreateParams params() {
        return SpeechCreateParams.builder()
                .model(SpeechModel.GPT_4O_MINI_TTS)
                .input("Today is a wonderful day to build something people love!")
                .voice(SpeechCreateParams.Voice.UnionMember1.CORAL)
                .build();
    }

    /** An MP3-looking body: an ID3 tag, then bytes numbered by position. */
    private static byte[] audio(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) bytes[i] = (byte) i;
        bytes[0] = 'I';
        bytes[1] = 'D';
        bytes[2] = '3';
        return bytes;
    }

    private MockResponse audioResponse(byte[] audio) {
        return new MockResponse()
                .setHeader("Content-Type", "audio/mpeg")
                .setHeader("x-request-id", "req_speech_1")
                .setBody(new Buffer().write(audio));
    }

    @Test
    void theRequestIsTheOfficialJsonBody() {
        server.enqueue(audioResponse(audio(16)));

        try (HttpResponse response = client.audio().speech().create(SpeechCreateParams.builder()
                .speed(1.25)
                .responseFormat(SpeechCreateParams.ResponseFormat.WAV)
                .instructions("Speak in a cheerful and positive tone.")
                .voice("alloy")
                .input("Hello")
                .model("tts-1")
                .build())) {
            assertThat(response.statusCode()).isEqualTo(200);
        }

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/audio/speech");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"input\":\"Hello\",\"model\":\"tts-1\",\"voice\":\"alloy\","
                + "\"instructions\":\"Speak in a cheerful and positive tone.\",\"response_format\":\"wav\",\"speed\":1.25}");
    }

    @Test
    void theResponseCarriesTheAudioAndItsHeaders() throws IOException {
        byte[] audio = audio(10_000);
        server.enqueue(audioResponse(audio));

        try (HttpResponse response = client.audio().speech().create(params())) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().values("Content-Type")).containsExactly("audio/mpeg");
            assertThat(response.requestId()).contains("req_speech_1");
            assertThat(response.body().readAllBytes()).isEqualTo(audio);
        }
    }

    @Test
    void theFirstBytesAreReadableBeforeTheServerHasSentTheRest() throws IOException {
        byte[] audio = audio(2 * HALF);
        server.enqueue(audioResponse(audio).throttleBody(HALF, PAUSE.toMillis(), TimeUnit.MILLISECONDS));

        try (HttpResponse response = client.audio().speech().create(params())) {
            assertArrivesInTwoHalves(response.body(), audio);
        }
    }

    @Test
    void aRefusedRequestIsTheOfficialExceptionAndIsNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"[{'type': 'string_too_long', 'loc': ('body', 'input')}]\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));

        assertThatThrownBy(() -> client.audio().speech().create(params()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("string_too_long");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorBeforeTheAudioIsRetried() throws IOException {
        byte[] audio = audio(100);
        server.enqueue(new MockResponse().setResponseCode(503).setBody("busy"));
        server.enqueue(audioResponse(audio));

        try (HttpResponse response = client.audio().speech().create(params())) {
            assertThat(response.body().readAllBytes()).isEqualTo(audio);
        }
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void theAsyncClientCompletesOnceTheAudioStartsAndStreamsTheRest() throws Exception {
        byte[] audio = audio(2 * HALF);
        server.enqueue(audioResponse(audio).throttleBody(HALF, PAUSE.toMillis(), TimeUnit.MILLISECONDS));
        OpenAIClientAsync async = server.asyncClient();
        try (HttpResponse response = async.audio().speech().create(params()).get(5, TimeUnit.SECONDS)) {
            assertThat(response.headers().values("Content-Type")).containsExactly("audio/mpeg");
            assertArrivesInTwoHalves(response.body(), audio);
        } finally {
            async.close();
        }
        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("{\"input\":\"Today is a wonderful day to build "
                + "something people love!\",\"model\":\"gpt-4o-mini-tts\",\"voice\":\"coral\"}");
    }

    /**
     * Reads the first half, then the rest, timing both: had the body been buffered, the second read
     * would follow the first at once instead of waiting for the server's pause. (readNBytes ends
     * with a read of zero bytes, which must not wait for the second half either.)
     */
    private static void assertArrivesInTwoHalves(InputStream body, byte[] audio) throws IOException {
        byte[] first = body.readNBytes(HALF);
        long firstHalfRead = System.nanoTime();
        byte[] rest = body.readAllBytes();
        long secondHalfRead = System.nanoTime();

        assertThat(first).isEqualTo(Arrays.copyOfRange(audio, 0, HALF));
        assertThat(rest).isEqualTo(Arrays.copyOfRange(audio, HALF, audio.length));
        assertThat(Duration.ofNanos(secondHalfRead - firstHalfRead)).isGreaterThan(PAUSE.dividedBy(2));
    }
}
