package dev.switchboard.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.MockServer;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void chatRoundTrip() throws Exception {
        try (MockServer mock = new MockServer(); OpenAIClient client = mock.client()) {
            mock.enqueueJson("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}");
            ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI).addUserMessage("Hi").maxCompletionTokens(2048).temperature(0.5).build());
            assertThat(completion.choices().get(0).message().content()).contains("Hello!");
            RecordedRequest request = mock.takeRequest();
            System.out.println(request.getBody().readUtf8());
            System.out.println(request.getHeaders());
            mock.enqueueStream("{\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"He\"}}]}",
                    "{\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"llo\"},\"finish_reason\":\"stop\"}]}");
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                    ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build())) {
                String text = stream.stream().flatMap(c -> c.choices().stream())
                        .map(c -> c.delta().content().orElse("")).collect(Collectors.joining());
                assertThat(text).isEqualTo("Hello");
            }
            System.out.println(mock.takeRequest().getBody().readUtf8());
        }
    }
}
