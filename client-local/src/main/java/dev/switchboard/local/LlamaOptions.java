package dev.switchboard.local;

import dev.switchboard.router.Deployment;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of one {@code engine: llama} deployment, read from its options and checked before
 * anything reaches llama.cpp: a bad value is an {@link IllegalArgumentException} naming the
 * deployment, the option and the value, because llama.cpp aborts the JVM on several of them (an
 * unknown chat template name, pooling {@code mean}) rather than failing.
 *
 * <pre>
 * - name: local-chat
 *   engine: llama
 *   model: ./models/qwen.gguf
 *   context_size: 4096      # tokens, shared by the parallel slots
 *   threads: 4
 *   gpu_layers: 0
 *   parallel: 2             # calls generated at once
 *   queue: 16               # calls waiting for a slot; more fail with 429
 *   embeddings: true        # also serve embeddings (pooling: last or cls)
 *   pooling: last
 *   chat_template: chatml   # a llama.cpp built-in name, or none for plain text
 * </pre>
 */
public final class LlamaOptions {
    /** The chat template names llama.cpp b4916 knows; any other name aborts the JVM at load (measured). */
    public static final Set<String> CHAT_TEMPLATES = Set.of("chatml", "llama2", "llama2-sys", "llama2-sys-bos",
            "llama2-sys-strip", "mistral-v1", "mistral-v3", "mistral-v3-tekken", "mistral-v7", "phi3", "phi4", "falcon3",
            "zephyr", "monarch", "gemma", "orion", "openchat", "vicuna", "vicuna-orca", "deepseek", "deepseek2", "deepseek3",
            "command-r", "llama3", "chatglm3", "chatglm4", "glmedge", "minicpm", "exaone3", "rwkv-world", "granite",
            "gigachat", "megrez");

    /** The chat template option that turns templates off: messages are joined as plain text, for base models. */
    public static final String NO_TEMPLATE = "none";

    /** How a sequence of token embeddings becomes one vector. */
    public enum Pooling {
        /** The last token's embedding: what decoder models (llama, qwen, …) are trained to use. */
        LAST,
        /** The first token's embedding: for encoder models (BERT-style); constant on decoder models. */
        CLS
    }

    static final int DEFAULT_CONTEXT_SIZE = 4096;
    static final int DEFAULT_QUEUE = 16;

    private static final List<String> KEYS = List.of("context_size", "threads", "gpu_layers", "parallel", "queue",
            "embeddings", "pooling", "chat_template");

    private final int contextSize;
    private final int threads;
    private final int gpuLayers;
    private final int parallel;
    private final int queue;
    private final boolean embeddings;
    private final Pooling pooling;
    private final String chatTemplate;

    private LlamaOptions(Builder b) {
        this.contextSize = b.contextSize;
        this.threads = b.threads;
        this.gpuLayers = b.gpuLayers;
        this.parallel = b.parallel;
        this.queue = b.queue;
        this.embeddings = b.embeddings;
        this.pooling = b.pooling;
        this.chatTemplate = b.chatTemplate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The options of a deployment, checked; throws IllegalArgumentException naming deployment, option and value. */
    public static LlamaOptions of(Deployment deployment) {
        OptionReader options = OptionReader.of(deployment, "llama", KEYS);
        Builder b = builder();
        b.at = options.at();
        options.integer("context_size").ifPresent(b::contextSize);
        options.integer("threads").ifPresent(b::threads);
        options.integer("gpu_layers").ifPresent(b::gpuLayers);
        options.integer("parallel").ifPresent(b::parallel);
        options.integer("queue").ifPresent(b::queue);
        options.bool("embeddings").ifPresent(b::embeddings);
        options.text("pooling").ifPresent(pooling -> b.pooling(pooling(b.at, pooling)));
        options.text("chat_template").ifPresent(b::chatTemplate);
        return b.build();
    }

    private static Pooling pooling(String at, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "last":
                return Pooling.LAST;
            case "cls":
                return Pooling.CLS;
            case "mean":
                throw new IllegalArgumentException(at + ".pooling: mean is refused: llama.cpp b4916 aborts the JVM when"
                        + " a model is loaded with mean pooling; use last (decoder models) or cls (encoder models)");
            case "none":
            case "rank":
                throw new IllegalArgumentException(at + ".pooling: " + value + " gives no single vector per input"
                        + " through this binding; use last (decoder models) or cls (encoder models)");
            default:
                throw new IllegalArgumentException(at + ".pooling must be last or cls, was '" + value + "'");
        }
    }

    /** Tokens of context shared by the slots; each slot holds {@code contextSize / parallel}. */
    public int contextSize() {
        return contextSize;
    }

    public int threads() {
        return threads;
    }

    /** Layers offloaded to a GPU (0: none; -1: all); a CPU-only build ignores it. */
    public int gpuLayers() {
        return gpuLayers;
    }

    /** Calls generated at once, each in its own slot. */
    public int parallel() {
        return parallel;
    }

    /** Calls that may wait for a free slot; one more fails at once with a 429. */
    public int queue() {
        return queue;
    }

    /** Whether the model is loaded to serve embeddings too. */
    public boolean embeddings() {
        return embeddings;
    }

    public Pooling pooling() {
        return pooling;
    }

    /** A built-in template name, {@value #NO_TEMPLATE}, or empty for the model's own template (plain text when it has none). */
    public Optional<String> chatTemplate() {
        return Optional.ofNullable(chatTemplate);
    }

    /** The options as written in a config file, for messages and logs. */
    @Override
    public String toString() {
        return "context_size=" + contextSize + ", threads=" + threads + ", gpu_layers=" + gpuLayers + ", parallel="
                + parallel + ", queue=" + queue + ", embeddings=" + embeddings
                + (embeddings ? ", pooling=" + pooling.name().toLowerCase(Locale.ROOT) : "")
                + (chatTemplate == null ? "" : ", chat_template=" + chatTemplate);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LlamaOptions)) return false;
        LlamaOptions other = (LlamaOptions) o;
        return contextSize == other.contextSize && threads == other.threads && gpuLayers == other.gpuLayers
                && parallel == other.parallel && queue == other.queue && embeddings == other.embeddings
                && pooling == other.pooling && Objects.equals(chatTemplate, other.chatTemplate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contextSize, threads, gpuLayers, parallel, queue, embeddings, pooling, chatTemplate);
    }

    public static final class Builder {
        private String at = "llama";
        private int contextSize = DEFAULT_CONTEXT_SIZE;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int gpuLayers;
        private int parallel = 1;
        private int queue = DEFAULT_QUEUE;
        private boolean embeddings;
        private Pooling pooling = Pooling.LAST;
        private String chatTemplate;

        private Builder() {}

        /** Tokens of context, at least 64 and at most 1,048,576; split evenly between the parallel slots. */
        public Builder contextSize(int contextSize) {
            this.contextSize = contextSize;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder gpuLayers(int gpuLayers) {
            this.gpuLayers = gpuLayers;
            return this;
        }

        public Builder parallel(int parallel) {
            this.parallel = parallel;
            return this;
        }

        public Builder queue(int queue) {
            this.queue = queue;
            return this;
        }

        public Builder embeddings(boolean embeddings) {
            this.embeddings = embeddings;
            return this;
        }

        public Builder pooling(Pooling pooling) {
            this.pooling = Objects.requireNonNull(pooling, "pooling");
            return this;
        }

        /** A llama.cpp built-in template name ({@link #CHAT_TEMPLATES}) or {@value #NO_TEMPLATE}. */
        public Builder chatTemplate(String chatTemplate) {
            this.chatTemplate = chatTemplate;
            return this;
        }

        /** Throws IllegalArgumentException naming the option and the bad value. */
        public LlamaOptions build() {
            range("context_size", contextSize, 64, 1 << 20);
            range("threads", threads, 1, 1024);
            range("gpu_layers", gpuLayers, -1, 100_000);
            range("parallel", parallel, 1, 256);
            range("queue", queue, 0, 1_000_000);
            if (contextSize / parallel < 32) {
                throw new IllegalArgumentException(at + ".context_size " + contextSize + " leaves each of the " + parallel
                        + " slots fewer than 32 tokens; raise context_size or lower parallel");
            }
            if (chatTemplate != null && !chatTemplate.equals(NO_TEMPLATE) && !CHAT_TEMPLATES.contains(chatTemplate)) {
                throw new IllegalArgumentException(at + ".chat_template '" + chatTemplate + "' is not a template llama.cpp"
                        + " b4916 knows (it would abort the JVM at load); use none or one of "
                        + new TreeSet<>(CHAT_TEMPLATES));
            }
            return new LlamaOptions(this);
        }

        private void range(String option, int value, int min, int max) {
            OptionReader.range(at, option, value, min, max);
        }
    }
}
