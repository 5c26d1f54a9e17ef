package dev.switchboard.local.speech;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;

/**
 * A program for {@link SpeechJvmTest}: speaks the fox sentence through an {@code auto} speech
 * deployment and prints one line, the backend and the number of audio bytes, then returns from main.
 */
public final class SpeakMain {
    private SpeakMain() {}

    public static void main(String[] args) {
        Deployment deployment = Deployment.builder().name("local-speech").kind("speech").build();
        Router router = Router.builder().addPool(Pool.builder().name("speech").addDeployment(deployment).build()).build();
        String backend = router.backend(deployment).toString();
        try (OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build()) {
            byte[] audio = Speakers.audio(client, Speakers.say(Speakers.FOX)
                    .responseFormat(SpeechCreateParams.ResponseFormat.PCM).build());
            System.out.println(backend + " " + audio.length);
        }
    }
}
