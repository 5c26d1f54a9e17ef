package dev.switchboard.local.tiny;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A tiny llama-architecture model with random weights that llama.cpp b4916 (de.kherud:llama 4.2.0)
 * loads in milliseconds and runs: F32 (or F16) weights drawn from a seeded generator, the
 * {@link TinyVocabulary} SentencePiece tokenizer with byte tokens, and a ChatML chat template. Its
 * text is gibberish, but the same seed gives the same file, and so the same text at temperature 0.
 *
 * <pre>{@code
 * Path model = TinyLlama.builder().seed(1).contextLength(256).build().write(dir.resolve("tiny.gguf"));
 * }</pre>
 *
 * <p>{@link #writer()} gives the file as a {@link GgufWriter} to change before writing, for tests of
 * files that are not valid.
 */
public final class TinyLlama {
    /** The ChatML template, in the Jinja that Qwen and others ship; llama.cpp recognises it as chatml. */
    public static final String CHATML_TEMPLATE =
            "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
                    + " + '<|im_end|>' + '\\n'}}{% endfor %}"
                    + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    public enum Weights {
        F32,
        F16
    }

    private final Builder b;
    private final TinyVocabulary vocabulary = TinyVocabulary.create();

    private TinyLlama(Builder b) {
        this.b = b.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    public TinyVocabulary vocabulary() {
        return vocabulary;
    }

    public int contextLength() {
        return b.contextLength;
    }

    public int embeddingLength() {
        return b.embeddingLength;
    }

    /** Writes the model to {@code path} and returns the path. */
    public Path write(Path path) {
        return writer().write(path);
    }

    /** The model as a writer, to change before writing. */
    public GgufWriter writer() {
        int embd = b.embeddingLength;
        int headSize = embd / b.heads;
        int kvDim = headSize * b.kvHeads;
        int vocab = vocabulary.size();
        GgufWriter w = GgufWriter.create()
                .put("general.architecture", "llama")
                .put("general.name", b.embedding ? "tiny-random-llama-embedding" : "tiny-random-llama")
                .putU32("general.file_type", b.weights == Weights.F16 ? 1 : 0)
                .putU32("llama.context_length", b.contextLength)
                .putU32("llama.embedding_length", embd)
                .putU32("llama.block_count", b.layers)
                .putU32("llama.feed_forward_length", b.feedForwardLength)
                .putU32("llama.attention.head_count", b.heads)
                .putU32("llama.attention.head_count_kv", b.kvHeads)
                .putF32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .putF32("llama.rope.freq_base", 10000f)
                .putU32("llama.rope.dimension_count", headSize)
                .putU32("llama.vocab_size", vocab);
        if (b.embedding) {
            w.putU32("llama.pooling_type", 3); // LAST: the pooling of decoder embedding models
        }
        w.put("tokenizer.ggml.model", "llama")
                .putStrings("tokenizer.ggml.tokens", vocabulary.tokens())
                .putF32s("tokenizer.ggml.scores", vocabulary.scores())
                .putI32s("tokenizer.ggml.token_type", vocabulary.types())
                .putU32("tokenizer.ggml.bos_token_id", TinyVocabulary.BOS)
                .putU32("tokenizer.ggml.eos_token_id", TinyVocabulary.EOS)
                .putU32("tokenizer.ggml.eot_token_id", TinyVocabulary.IM_END)
                .putU32("tokenizer.ggml.unknown_token_id", TinyVocabulary.UNK)
                .putBool("tokenizer.ggml.add_bos_token", true)
                .putBool("tokenizer.ggml.add_eos_token", false)
                .putBool("tokenizer.ggml.add_space_prefix", true);
        if (b.chatTemplate != null) {
            w.put("tokenizer.chat_template", b.chatTemplate);
        }
        SplittableRandom random = new SplittableRandom(b.seed);
        tensor(w, "token_embd.weight", random, 1f, embd, vocab);
        tensor(w, "output_norm.weight", null, 1f, embd);
        float[] output = values(random, 2f / (float) Math.sqrt(embd), embd * vocab);
        if (b.neverEnds) {
            for (int token : new int[] {TinyVocabulary.EOS, TinyVocabulary.IM_END}) {
                java.util.Arrays.fill(output, token * embd, (token + 1) * embd, 0f);
            }
        }
        tensor(w, "output.weight", output, embd, vocab);
        for (int i = 0; i < b.layers; i++) {
            String blk = "blk." + i + ".";
            float in = 1f / (float) Math.sqrt(embd);
            tensor(w, blk + "attn_norm.weight", null, 1f, embd);
            tensor(w, blk + "attn_q.weight", random, in, embd, embd);
            tensor(w, blk + "attn_k.weight", random, in, embd, kvDim);
            tensor(w, blk + "attn_v.weight", random, in, embd, kvDim);
            tensor(w, blk + "attn_output.weight", random, in, embd, embd);
            tensor(w, blk + "ffn_norm.weight", null, 1f, embd);
            tensor(w, blk + "ffn_gate.weight", random, in, embd, b.feedForwardLength);
            tensor(w, blk + "ffn_up.weight", random, in, embd, b.feedForwardLength);
            tensor(w, blk + "ffn_down.weight", random, 1f / (float) Math.sqrt(b.feedForwardLength), b.feedForwardLength, embd);
        }
        return w;
    }

    /**
     * A tensor of shape {@code dims} (ggml order: row length first): uniform in ±{@code scale}·√3 (standard
     * deviation {@code scale}), or all {@code scale} when {@code random} is null (norm weights).
     */
    private void tensor(GgufWriter w, String name, SplittableRandom random, float scale, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        tensor(w, name, values(random, scale, (int) n), dims);
    }

    /** Matrices in the chosen precision; vectors stay F32, as llama.cpp's converters keep them. */
    private void tensor(GgufWriter w, String name, float[] values, long... dims) {
        if (b.weights == Weights.F16 && dims.length > 1) {
            w.tensorF16(name, dims, values);
        } else {
            w.tensorF32(name, dims, values);
        }
    }

    private static float[] values(SplittableRandom random, float scale, int n) {
        float[] values = new float[n];
        float bound = scale * (float) Math.sqrt(3);
        for (int i = 0; i < n; i++) {
            values[i] = random == null ? scale : (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return values;
    }

    public static final class Builder {
        private long seed = 1;
        private int contextLength = 256;
        private int embeddingLength = 64;
        private int layers = 2;
        private int heads = 4;
        private int kvHeads = 2;
        private int feedForwardLength = 128;
        private Weights weights = Weights.F32;
        private String chatTemplate = CHATML_TEMPLATE;
        private boolean embedding;
        private boolean neverEnds;

        private Builder() {}

        /** The seed of the weights; the same seed writes the same file. Default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The context the model claims to be trained for ({@code llama.context_length}). Default 256. */
        public Builder contextLength(int tokens) {
            this.contextLength = positive("contextLength", tokens);
            return this;
        }

        /** Default 64; a multiple of the head count. */
        public Builder embeddingLength(int dims) {
            this.embeddingLength = positive("embeddingLength", dims);
            return this;
        }

        /** Default 2. */
        public Builder layers(int layers) {
            this.layers = positive("layers", layers);
            return this;
        }

        /** Attention heads (default 4) and key-value heads (default 2; must divide the heads). */
        public Builder heads(int heads, int kvHeads) {
            this.heads = positive("heads", heads);
            this.kvHeads = positive("kvHeads", kvHeads);
            return this;
        }

        /** Default 128. */
        public Builder feedForwardLength(int dims) {
            this.feedForwardLength = positive("feedForwardLength", dims);
            return this;
        }

        /** F32 (default) or F16 for the matrices; vectors stay F32. */
        public Builder weights(Weights weights) {
            this.weights = weights;
            return this;
        }

        /** The Jinja chat template; default {@link #CHATML_TEMPLATE}. */
        public Builder chatTemplate(String template) {
            this.chatTemplate = template;
            return this;
        }

        /** No {@code tokenizer.chat_template}, like a base model. */
        public Builder noChatTemplate() {
            this.chatTemplate = null;
            return this;
        }

        /** Marks the model as an embedding model: {@code llama.pooling_type} LAST. */
        public Builder embedding() {
            this.embedding = true;
            return this;
        }

        /**
         * Zeroes the output weights of {@code </s>} and {@code <|im_end|>}, so their logits are 0 while the
         * largest of the other thousand random logits is positive (all being negative has odds of about
         * 2^-1000): greedy decoding then never ends by itself, and runs until max tokens or a stop
         * sequence. Sampling at a temperature can still pick them, rarely.
         */
        public Builder neverEnds() {
            this.neverEnds = true;
            return this;
        }

        public TinyLlama build() {
            if (embeddingLength % heads != 0 || (embeddingLength / heads) % 2 != 0) {
                throw new IllegalStateException("embeddingLength " + embeddingLength + " must be a multiple of"
                        + " heads " + heads + " with an even head size");
            }
            if (heads % kvHeads != 0) {
                throw new IllegalStateException("kvHeads " + kvHeads + " must divide heads " + heads);
            }
            return new TinyLlama(this);
        }

        private Builder copy() {
            Builder c = new Builder();
            c.seed = seed;
            c.contextLength = contextLength;
            c.embeddingLength = embeddingLength;
            c.layers = layers;
            c.heads = heads;
            c.kvHeads = kvHeads;
            c.feedForwardLength = feedForwardLength;
            c.weights = weights;
            c.chatTemplate = chatTemplate;
            c.embedding = embedding;
            c.neverEnds = neverEnds;
            return c;
        }

        private static int positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0, was " + value);
            }
            return value;
        }
    }
}
