package dev.switchboard.local.llama;

import dev.switchboard.local.gguf.GgufFile;
import java.util.Optional;

/**
 * What the engine must know about a model before it hands llama.cpp a value: the vocabulary size
 * (token ids and logit biases are checked against it: an id out of range aborts the JVM), the chat
 * template the file carries, whether the tokenizer adds BOS (for prompt token counts), and the
 * trained context length. Read from a file that passed the GGUF checks.
 */
final class ModelFacts {
    final String architecture;
    final int vocabularySize;
    final Optional<String> chatTemplate;
    final boolean addsBos;
    final boolean addsEos;
    final int trainedContext;

    ModelFacts(String architecture, int vocabularySize, String chatTemplate, boolean addsBos, boolean addsEos,
            int trainedContext) {
        this.architecture = architecture;
        this.vocabularySize = vocabularySize;
        this.chatTemplate = Optional.ofNullable(chatTemplate).filter(t -> !t.isBlank());
        this.addsBos = addsBos;
        this.addsEos = addsEos;
        this.trainedContext = trainedContext;
    }

    /**
     * The facts of a checked GGUF file. A tokenizer that does not say whether it adds BOS does as
     * llama.cpp's defaults do: SentencePiece ({@code llama}) vocabularies add it, others do not.
     */
    static ModelFacts of(GgufFile file) {
        boolean spm = file.tokenizerModel().equals("llama");
        return new ModelFacts(file.architecture(), file.vocabularySize(), file.chatTemplate().orElse(null),
                file.addBosToken().orElse(spm), false, (int) Math.min(Integer.MAX_VALUE, file.contextLength()));
    }
}
