package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.BadRequestException;
import com.openai.models.audio.speech.SpeechCreateParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway in front of a real local engine (speech: FreeTTS or flite, no model file needed). */
class GatewayLocalEnginesTest {
    private Gateway gateway;
    private OpenAIClient official;

    @BeforeEach
    void start() {
        Router router = Router.builder()
                .addPool(Pool.builder().name("speech")
                        .addDeployment(Deployment.builder().name("local-speech").kind("speech").build()).build())
                .healthPolicy(HealthPolicy.disabled())
                .build();
        gateway = Gateway.create(router, GatewaySettings.builder().port(0).build()).start();
        official = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey("unused").maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        official.close();
        gateway.close();
    }

    @Test
    void theLocalSpeechEngineSpeaksWavThroughTheGateway() throws Exception {
        try (HttpResponse audio = official.audio().speech().create(SpeechCreateParams.builder().model("speech")
                .input("Hello from the gateway.").voice("alloy").responseFormat(SpeechCreateParams.ResponseFormat.WAV).build());
             InputStream body = audio.body()) {
            byte[] wav = body.readAllBytes();
            assertThat(audio.headers().values("Content-Type")).containsExactly("audio/wav");
            assertThat(new String(Arrays.copyOfRange(wav, 0, 4), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(new String(Arrays.copyOfRange(wav, 8, 12), StandardCharsets.US_ASCII)).isEqualTo("WAVE");
            assertThat(wav.length).isGreaterThan(10_000);
        }
    }

    @Test
    void aFormatTheEngineCannotWriteIsA400WithItsReason() {
        assertThatThrownBy(() -> official.audio().speech().create(SpeechCreateParams.builder().model("speech")
                .input("Hello").voice("alloy").responseFormat(SpeechCreateParams.ResponseFormat.MP3).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("response_format 'mp3' is not supported by the local speech engine");
    }
}
