package dev.switchboard.router;

import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.completions.CompletionUsage;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import java.util.Optional;

/** The tokens an answer reports in its usage: prompt tokens in, completion tokens out. */
final class TokenUsage {
    final long input;
    final long output;

    private TokenUsage(long input, long output) {
        this.input = input;
        this.output = output;
    }

    /** The usage of a chat completion, a chunk that carries it, or an embedding answer; empty for anything else. */
    static Optional<TokenUsage> of(Object answer) {
        try {
            if (answer instanceof ChatCompletion) return ((ChatCompletion) answer).usage().map(TokenUsage::of);
            if (answer instanceof ChatCompletionChunk) return ((ChatCompletionChunk) answer).usage().map(TokenUsage::of);
            if (answer instanceof CreateEmbeddingResponse) {
                return Optional.of(new TokenUsage(((CreateEmbeddingResponse) answer).usage().promptTokens(), 0));
            }
        } catch (RuntimeException e) {
            // A sloppy server's usage that does not parse is no usage; the answer itself is still good.
        }
        return Optional.empty();
    }

    private static TokenUsage of(CompletionUsage usage) {
        return new TokenUsage(usage.promptTokens(), usage.completionTokens());
    }
}
