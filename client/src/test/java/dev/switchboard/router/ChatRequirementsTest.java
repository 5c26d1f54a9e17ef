package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.backend.openai.OpenAiCompatibleBackend;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testing.MockServer;
import dev.switchboard.testing.ServerPayloads;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a chat call asks of a deployment, read off its params: room for its text, tools, a JSON schema. */
class ChatRequirementsTest {
    private final PoolHarness pool = new PoolHarness();

    @AfterEach
    void close() {
        pool.close();
    }

    /** A function tool's parameters, as a class. */
    static final class Weather {
        public String city;
    }

    @Test
    void aLongConversationSkipsTheDeploymentWhoseContextWindowIsTooSmall() {
        MockServer small = pool.bareServer();
        pool.add(Deployment.builder().name("small").kind("vllm").baseUrl(small.baseUrl()).contextWindow(200).build());
        pool.server("large").enqueueJson(ServerPayloads.completion("from large"));

        // 1,000 characters: about 250 tokens.
        assertThat(pool.chat("x".repeat(1000))).isEqualTo("from large");
        assertThat(small.requestCount()).isZero();
    }

    @Test
    void theOutputAskedForCountsTowardTheContextWindow() {
        MockServer small = pool.bareServer();
        pool.add(Deployment.builder().name("small").kind("vllm").baseUrl(small.baseUrl()).contextWindow(200).build());
        pool.server("large").enqueueJson(ServerPayloads.completion("from large"));
        ChatCompletionCreateParams params = PoolHarness.params("Hi").toBuilder().maxCompletionTokens(500).build();

        pool.core().chatCompletion(params, RequestOptions.none()).blockingGet();

        assertThat(small.requestCount()).isZero();
    }

    @Test
    void aShortConversationFitsTheSmallContextWindow() {
        MockServer small = pool.bareServer();
        pool.add(Deployment.builder().name("small").kind("vllm").baseUrl(small.baseUrl()).contextWindow(200).build());
        small.enqueueJson(ServerPayloads.completion("from small"));

        assertThat(pool.chat("Hi")).isEqualTo("from small");
    }

    @Test
    void aCallWithToolsSkipsADeploymentWithoutThem() {
        MockServer noTools = pool.bareServer();
        pool.add(Deployment.builder().name("no-tools").kind("llamacpp")
                .backend(OpenAiCompatibleBackend.builder().name("llamacpp").baseUrl(noTools.baseUrl())
                        .capabilities(EnumSet.of(Capability.CHAT, Capability.STREAMING)).build())
                .build());
        pool.server("tools").enqueueJson(ServerPayloads.completion("from tools"));
        ChatCompletionCreateParams params = PoolHarness.params("Weather in Paris?").toBuilder().addTool(Weather.class).build();

        String answer = pool.core().chatCompletion(params, RequestOptions.none()).blockingGet()
                .choices().get(0).message().content().orElse("");

        assertThat(answer).isEqualTo("from tools");
        assertThat(noTools.requestCount()).isZero();
    }

    @Test
    void aCallWithoutToolsMayUseADeploymentWithoutThem() {
        MockServer noTools = pool.bareServer();
        pool.add(Deployment.builder().name("no-tools").kind("llamacpp")
                .backend(OpenAiCompatibleBackend.builder().name("llamacpp").baseUrl(noTools.baseUrl())
                        .capabilities(EnumSet.of(Capability.CHAT, Capability.STREAMING)).build())
                .build());
        noTools.enqueueJson(ServerPayloads.completion("from no-tools"));

        assertThat(pool.chat("Hi")).isEqualTo("from no-tools");
    }
}
