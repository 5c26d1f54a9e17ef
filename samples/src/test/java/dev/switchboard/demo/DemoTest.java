package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoTest {

    @Test
    void everyCallOfTheDemoPrintsWhatCameBack() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String body = request.getBody().readUtf8();
                    switch (request.getPath()) {
                        case "/v1/models":
                            return json("{\"object\":\"list\",\"data\":[{\"id\":\"llama3\",\"object\":\"model\",\"created\":1,\"owned_by\":\"me\"}]}");
                        case "/v1/chat/completions":
                            if (body.contains("\"stream\":true")) {
                                return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(
                                        "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi \"}}]}\n\n"
                                        + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"there\"},\"finish_reason\":\"stop\"}]}\n\n"
                                        + "data: [DONE]\n\n");
                            }
                            return json("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"llama3\",\"choices\":"
                                    + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello, new user!\"},\"finish_reason\":\"stop\"}]}");
                        case "/v1/embeddings":
                            return json("{\"object\":\"list\",\"model\":\"llama3\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                                    + "\"embedding\":[0.1,0.2,0.3]}],\"usage\":{\"prompt_tokens\":4,\"total_tokens\":4}}");
                        default:
                            return new MockResponse().setResponseCode(404);
                    }
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream original = System.out;
            int status;
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                status = new CommandLine(new Demo()).execute("--base-url", server.url("/v1").toString());
            } finally {
                System.setOut(original);
            }
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(status).isZero();
            assertThat(printed)
                    .contains("models", "1 models, first llama3")
                    .contains("chat llama3", "\"Hello, new user!\"")
                    .contains("chat stream llama3", "\"Hi there\"")
                    .contains("embeddings llama3", "3 dimensions")
                    .doesNotContain("failed");
        }
    }

    @Test
    void theLocalDemoPrintsAResultForEveryCapability() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = new CommandLine(new Demo()).execute("--local");
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).as(printed).doesNotContain("failed", "no pool");
        assertThat(status).as(printed).isZero();
        assertThat(printed).containsPattern("chat text-generation +\"Once upon a time.+\" +\\d+ ms")
                .containsPattern("chat stream text-generation +\"Once upon a time.+\" +\\d+ ms")
                .containsPattern("embeddings +\\d+ dimensions +\\d+ ms")
                .containsPattern("speech +\"The quick brown fox jumps over the lazy dog.\" in \\d+\\.\\d s of wav")
                .containsPattern("transcription +heard: \".*\"( \\(noise: tiny random model\\))? +\\d+ ms")
                .containsPattern("images +64x64 PNG at file:.+\\.png \\(noise: tiny random model\\) +\\d+ ms")
                .contains("Router statistics:");
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }
}
