package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.AsyncStreamResponse;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import dev.switchboard.testing.StrayErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One client shared by 32 threads at once: every caller gets its own answer, whole. */
class ConcurrencyTest {
    private static final int THREADS = 32;
    private static final int CALLS_PER_THREAD = 6;

    @RegisterExtension
    final StrayErrors strayErrors = new StrayErrors();

    private final MockServer server = new MockServer();
    private final OpenAIClient client = server.client();
    private final ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    /** Questions answered 503 once already: every fourth question fails its first attempt. */
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    @AfterEach
    void tearDown() throws InterruptedException {
        callers.shutdownNow();
        callers.awaitTermination(10, TimeUnit.SECONDS);
        client.close();
        server.close();
    }

    /** Answers each question with "echo " and the question, streamed when asked; some after a 503. */
    private final class EchoDispatcher extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            JsonObject body = (JsonObject) JsonValueAdapter.parse(request.getBody().readUtf8());
            JsonObject message = (JsonObject) ((JsonArray) body.values().get("messages")).values().get(0);
            String question = ((JsonString) message.values().get("content")).value();
            if (question.hashCode() % 4 == 0 && failedOnce.add(question)) {
                return new MockResponse().setResponseCode(503).setBody(ServerPayloads.error("busy", "server_error", null));
            }
            if (JsonValue.from(true).equals(body.values().get("stream"))) {
                return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(
                        "data: " + ServerPayloads.chunk("echo ") + "\n\n"
                                + "data: " + ServerPayloads.chunk(question) + "\n\n"
                                + "data: " + ServerPayloads.lastChunk("stop") + "\n\n"
                                + "data: [DONE]\n\n");
            }
            return new MockResponse().setHeader("Content-Type", "application/json")
                    .setBody(ServerPayloads.completion("echo " + question));
        }
    }

    private static ChatCompletionCreateParams ask(String question) {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage(question).build();
    }

    private static String text(List<ChatCompletionChunk> chunks) {
        return chunks.stream().flatMap(c -> c.choices().stream())
                .map(c -> c.delta().content().orElse("")).collect(Collectors.joining());
    }

    private String call(int kind, String question) throws Exception {
        switch (kind) {
            case 0:
                return client.chat().completions().create(ask(question)).choices().get(0).message().content().orElseThrow();
            case 1:
                try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(ask(question))) {
                    return text(response.stream().collect(Collectors.toList()));
                }
            case 2:
                return client.async().chat().completions().create(ask(question)).get(30, TimeUnit.SECONDS)
                        .choices().get(0).message().content().orElseThrow();
            default:
                List<ChatCompletionChunk> chunks = new CopyOnWriteArrayList<>();
                AsyncStreamResponse<ChatCompletionChunk> response =
                        client.async().chat().completions().createStreaming(ask(question)).subscribe(chunks::add);
                response.onCompleteFuture().get(30, TimeUnit.SECONDS);
                return text(chunks);
        }
    }

    @Test
    void thirtyTwoThreadsShareOneClient() throws Exception {
        server.server.setDispatcher(new EchoDispatcher());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, String>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(callers.submit(() -> {
                start.await();
                Map<String, String> answers = new LinkedHashMap<>();
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    String question = "thread " + thread + " call " + i;
                    answers.put(question, call((thread + i) % 4, question));
                }
                return answers;
            }));
        }

        start.countDown();

        int calls = 0;
        for (Future<Map<String, String>> result : results) {
            for (Map.Entry<String, String> answer : result.get(60, TimeUnit.SECONDS).entrySet()) {
                assertThat(answer.getValue()).isEqualTo("echo " + answer.getKey());
                calls++;
            }
        }
        assertThat(calls).isEqualTo(THREADS * CALLS_PER_THREAD);
        assertThat(failedOnce).as("some calls were retried on the way").isNotEmpty();
        assertThat(server.requestCount()).isEqualTo(THREADS * CALLS_PER_THREAD + failedOnce.size());
    }

    @Test
    void streamsClosedEarlyByManyThreadsLeaveTheClientWorking() throws Exception {
        server.server.setDispatcher(new EchoDispatcher());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(callers.submit(() -> {
                start.await();
                String question = "early " + thread;
                try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(ask(question))) {
                    response.stream().findFirst();
                }
                return call(0, "after " + thread);
            }));
        }

        start.countDown();

        for (int t = 0; t < THREADS; t++) assertThat(results.get(t).get(60, TimeUnit.SECONDS)).isEqualTo("echo after " + t);
    }
}
