package dev.switchboard.local.tiny;

import static org.assertj.core.api.Assertions.assertThat;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.PoolingType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny models load and run in llama.cpp b4916 through de.kherud:llama. Each load stays in memory
 * for the rest of the test JVM (that build frees nothing on close), so this class loads few.
 *
 * <p>Completions here turn the prompt cache off. Measured with de.kherud:llama 4.2.0: once one model
 * has completed a prompt, a second model loaded in the same process (with the same vocabulary, even
 * from the same file) answers a repeated prompt with other text when {@code cache_prompt} is on (the
 * default), though it answered the first time like a model alone; with it off, its answers stay the same.
 */
class TinyLlamaTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameFile() throws Exception {
        Path a = TinyLlama.builder().seed(7).build().write(dir.resolve("a.gguf"));
        Path b = TinyLlama.builder().seed(7).build().write(dir.resolve("b.gguf"));
        Path c = TinyLlama.builder().seed(8).build().write(dir.resolve("c.gguf"));

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    @Test
    void llamaCppLoadsTheModelAndGeneratesTheSameTextTwiceAtTemperatureZero() {
        Path model = TinyLlama.builder().seed(1).contextLength(256).build().write(dir.resolve("tiny.gguf"));

        try (LlamaModel llama = load(model, new ModelParameters())) {
            InferenceParameters greedy = greedy("Once upon a time", 16);
            String first = llama.complete(greedy);
            String second = llama.complete(greedy);

            assertThat(first).isNotBlank().isEqualTo(second);
        }
    }

    @Test
    void aModelThatNeverEndsGeneratesUntilMaxTokensAtTemperatureZero() {
        // seed 2 without neverEnds() ends by itself after about a hundred tokens on "Hello"
        Path model = TinyLlama.builder().seed(2).neverEnds().build().write(dir.resolve("endless.gguf"));

        try (LlamaModel llama = load(model, new ModelParameters())) {
            for (String prompt : new String[] {"Hello", "The weather today", "<|im_start|>user\nhi<|im_end|>\n"}) {
                String shorter = llama.complete(greedy(prompt, 150));
                String longer = llama.complete(greedy(prompt, 200));

                assertThat(longer).as(prompt).hasSizeGreaterThan(shorter.length());
            }
        }
    }

    @Test
    void textRoundTripsThroughTheVocabularyIncludingCharactersWithoutAPiece() {
        Path model = TinyLlama.builder().build().write(dir.resolve("tiny.gguf"));
        TinyVocabulary vocabulary = TinyVocabulary.create();

        try (LlamaModel llama = load(model, new ModelParameters())) {
            int[] words = llama.encode("Once upon a time");
            int[] bytes = llama.encode("Grüße, 東京 {\"k\": 1}");

            assertThat(words).containsExactly(vocabulary.id("\u2581Once"), vocabulary.id("\u2581upon"),
                    vocabulary.id("\u2581a"), vocabulary.id("\u2581time"));
            assertThat(llama.decode(bytes)).isEqualTo(" Grüße, 東京 {\"k\": 1}");
            assertThat(bytes).contains(vocabulary.id("<0xC3>"), vocabulary.id("<0xE6>"));
        }
    }

    @Test
    void theChatTemplateIsChatMl() {
        Path model = TinyLlama.builder().build().write(dir.resolve("tiny.gguf"));

        try (LlamaModel llama = load(model, new ModelParameters())) {
            String prompt = llama.applyTemplate(new InferenceParameters("")
                    .setMessages("Be brief.", java.util.List.of(new de.kherud.llama.Pair<>("user", "hi"))));

            assertThat(prompt).isEqualTo("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n"
                    + "<|im_start|>assistant\n");
        }
    }

    @Test
    void theF16EmbeddingVariantGivesAnEmbeddingOfTheModelsWidth() {
        Path model = TinyLlama.builder().weights(TinyLlama.Weights.F16).embedding().build()
                .write(dir.resolve("embed.gguf"));

        try (LlamaModel llama = load(model, new ModelParameters().enableEmbedding().setPoolingType(PoolingType.LAST))) {
            float[] embedding = llama.embed("hello world");

            assertThat(embedding).hasSize(64);
            assertThat(embedding).matches(e -> {
                for (float v : e) {
                    if (!Float.isFinite(v)) {
                        return false;
                    }
                }
                return true;
            }, "all finite");
        }
    }

    private static InferenceParameters greedy(String prompt, int tokens) {
        return new InferenceParameters(prompt).setNPredict(tokens).setTemperature(0f).setCachePrompt(false);
    }

    private static LlamaModel load(Path model, ModelParameters parameters) {
        return new LlamaModel(parameters.setModel(model.toString()).setCtxSize(256).setThreads(1).disableLog());
    }
}
