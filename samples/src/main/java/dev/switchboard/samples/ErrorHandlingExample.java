package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.errors.NotFoundException;
import dev.switchboard.errors.OpenAIServiceException;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;

/**
 * What a failed call looks like: the server's error arrives as an unchecked exception, one class per
 * HTTP status, carrying the status, the error's type and code, and its message.
 */
public final class ErrorHandlingExample {
    private ErrorHandlingExample() {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model("gpt-does-not-exist")
                    .addUserMessage("Hello?")
                    .build();
            try {
                client.chat().completions().create(params);
                System.out.println("unexpectedly, the model exists");
            } catch (NotFoundException e) {
                // 404s are not retried: asking again would not make the model appear.
                System.out.println("not found (" + e.statusCode() + "): " + e.getMessage());
                System.out.println("type: " + e.type().orElse("none") + ", code: " + e.code().orElse("none"));
            } catch (OpenAIServiceException e) {
                System.out.println("the server said " + e.statusCode() + ": " + e.getMessage());
            }
        } finally {
            client.close();
        }
    }
}
