package dev.switchboard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.router.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlamaOptionsTest {
    private static Deployment deployment(Map<String, Object> options) {
        return Deployment.builder().name("local").kind("llama").model("./m.gguf").options(options).build();
    }

    @Test
    void optionsAreReadFromTheDeployment() {
        LlamaOptions options = LlamaOptions.of(deployment(Map.of("context_size", 1024, "threads", 2, "parallel", 2,
                "queue", 3, "embeddings", true, "pooling", "cls", "chat_template", "chatml")));

        assertThat(options.contextSize()).isEqualTo(1024);
        assertThat(options.threads()).isEqualTo(2);
        assertThat(options.parallel()).isEqualTo(2);
        assertThat(options.queue()).isEqualTo(3);
        assertThat(options.embeddings()).isTrue();
        assertThat(options.pooling()).isEqualTo(LlamaOptions.Pooling.CLS);
        assertThat(options.chatTemplate()).contains("chatml");
    }

    @Test
    void anUnknownOptionIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> LlamaOptions.of(deployment(Map.of("contxt_size", 512))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.local.contxt_size is not a llama engine option; the options are chat_template,"
                        + " context_size, embeddings, gpu_layers, parallel, pooling, queue, threads");
    }

    @Test
    void meanPoolingIsRefusedBecauseItAbortsTheJvm() {
        assertThatThrownBy(() -> LlamaOptions.of(deployment(Map.of("pooling", "mean"))))
                .hasMessage("deployments.local.pooling: mean is refused: llama.cpp b4916 aborts the JVM when a model is"
                        + " loaded with mean pooling; use last (decoder models) or cls (encoder models)");
    }

    @Test
    void aChatTemplateLlamaCppDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> LlamaOptions.of(deployment(Map.of("chat_template", "llama4"))))
                .hasMessageStartingWith("deployments.local.chat_template 'llama4' is not a template llama.cpp b4916 knows"
                        + " (it would abort the JVM at load); use none or one of [chatglm3, chatglm4, chatml,");
    }

    @Test
    void aValueOfTheWrongTypeNamesOptionAndValue() {
        assertThatThrownBy(() -> LlamaOptions.of(deployment(Map.of("threads", "four"))))
                .hasMessage("deployments.local.threads must be a whole number, was 'four'");
    }

    @Test
    void aValueOutOfRangeNamesOptionRangeAndValue() {
        assertThatThrownBy(() -> LlamaOptions.of(deployment(Map.of("parallel", 0))))
                .hasMessage("deployments.local.parallel must be between 1 and 256, was 0");
    }

    @Test
    void slotsMustKeepAUsefulContext() {
        assertThatThrownBy(() -> LlamaOptions.of(deployment(Map.of("context_size", 256, "parallel", 16))))
                .hasMessage("deployments.local.context_size 256 leaves each of the 16 slots fewer than 32 tokens;"
                        + " raise context_size or lower parallel");
    }
}
