package dev.switchboard.local.speech;

import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Clients whose virtual model {@code speech} routes to a local speech deployment, and ways to hear them. */
final class Speakers {
    static final String FOX = "the quick brown fox jumps over the lazy dog";

    private Speakers() {}

    /**
     * The synthesizers this machine runs: FreeTTS always, flite where its shim loads. A build that
     * compiled the shim (gcc and flite1-dev present, as .ci/run makes sure) must also run it: a shim
     * that does not load fails the tests instead of leaving them quietly to FreeTTS.
     */
    static List<String> synthesizers() {
        var why = FliteLibrary.unavailable();
        if (why.isPresent() && FliteLibrary.bundled()) {
            fail("the flite shim was built but flite cannot run: " + why.get());
        }
        return why.isEmpty() ? List.of(FliteSynthesizer.NAME, FreeTtsSynthesizer.NAME) : List.of(FreeTtsSynthesizer.NAME);
    }

    static OpenAIClient client(String synthesizer) {
        Deployment deployment = Deployment.builder().name("local-speech").kind("speech")
                .putOption("synthesizer", synthesizer).build();
        return client(deployment);
    }

    static OpenAIClient client(Deployment deployment) {
        Router router = Router.builder().addPool(Pool.builder().name("speech").addDeployment(deployment).build()).build();
        return OpenAIOkHttpClient.builder().router(router).build();
    }

    static SpeechCreateParams.Builder say(String text) {
        return SpeechCreateParams.builder().model("speech").input(text).voice(SpeechCreateParams.Voice.UnionMember1.ALLOY);
    }

    static byte[] audio(OpenAIClient client, SpeechCreateParams params) {
        try (HttpResponse response = client.audio().speech().create(params); InputStream body = response.body()) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
