package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.ChatCompletionMessage;
import java.util.List;
import java.util.stream.Collectors;

/** A conversation of several turns: each answer is added back to the request before the next question. */
public final class ConversationExample {
    private ConversationExample() {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            // The builder keeps the conversation; each build() is an immutable snapshot of it.
            ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(256)
                    .addSystemMessage("You are a patient teacher.")
                    .addUserMessage("What is a builder pattern?");

            List<String> followUps = List.of("Why are the built objects immutable?", "Show me one in Java.");
            for (int turn = 0; turn <= followUps.size(); turn++) {
                List<ChatCompletionMessage> answers =
                        client.chat().completions().create(conversation.build()).choices().stream()
                                .map(ChatCompletion.Choice::message)
                                .collect(Collectors.toList());

                answers.stream()
                        .flatMap(message -> message.content().stream())
                        .forEach(content -> System.out.println("assistant: " + content));

                answers.forEach(conversation::addMessage);
                if (turn < followUps.size()) {
                    System.out.println("user: " + followUps.get(turn));
                    conversation.addUserMessage(followUps.get(turn));
                }
            }
        } finally {
            client.close();
        }
    }
}
