package dev.switchboard.local.gguf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The model architectures ({@code general.architecture}) that llama.cpp b4916, the build inside
 * de.kherud:llama 4.2.0, can load, with what its loader requires of each beyond what every one needs.
 *
 * <p>The names are that build's {@code LLM_ARCH_NAMES}, read from the strings of its Linux x86-64
 * library in the order of the table (qwen2, bert, rwkv7, qwen, mpt and deepseek share their bytes with
 * longer strings there). Architectures added later are not in it: qwen3, qwen3moe, llama4, mistral3,
 * gemma3n, phi4 as its own name… A Mistral model is {@code llama} in GGUF; Phi-4 is {@code phi3}.
 *
 * <p>What each needs was read in llama.cpp's {@code llama_model::load_hparams}: the norm epsilon key a
 * family reads unconditionally, whether it has attention heads, and whether its graph asserts (aborting
 * the process) that RoPE covers the whole head.
 */
final class Architecture {
    enum Norm {
        /** {@code {arch}.attention.layer_norm_rms_epsilon}, f32. */
        RMS,
        /** {@code {arch}.attention.layer_norm_epsilon}, f32. */
        LAYER,
        /** None that this checker insists on. */
        UNCHECKED
    }

    private static final Map<String, Architecture> KNOWN = new LinkedHashMap<>();

    static {
        Set<String> recurrent = Set.of("mamba", "rwkv6", "rwkv6qwen2", "rwkv7", "arwkv7", "wavtokenizer-dec");
        Set<String> rms = Set.of("llama", "deci", "minicpm", "minicpm3", "grok", "baichuan", "refact", "qwen",
                "qwen2", "qwen2vl", "qwen2moe", "phi3", "phimoe", "plamo", "internlm2", "gemma", "gemma2", "gemma3",
                "mamba", "xverse", "olmo2", "olmoe", "openelm", "arctic", "deepseek", "deepseek2");
        Set<String> layer = Set.of("falcon", "starcoder", "bert", "jina-bert-v2", "nomic-bert", "bloom", "mpt",
                "stablelm", "phi2", "gpt2", "codeshell", "orion", "starcoder2", "command-r", "cohere2", "dbrx",
                "olmo", "gptneox");
        Set<String> wholeHeadRope = Set.of("llama", "deci", "falcon", "qwen2", "qwen2moe", "gemma", "gemma2", "gemma3");
        String[] names = {
            "llama", "deci", "falcon", "grok", "gpt2", "gptj", "gptneox", "mpt", "baichuan", "starcoder",
            "refact", "bert", "nomic-bert", "jina-bert-v2", "bloom", "stablelm", "qwen", "qwen2", "qwen2moe",
            "qwen2vl", "phi2", "phi3", "phimoe", "plamo", "codeshell", "orion", "internlm2", "minicpm",
            "minicpm3", "gemma", "gemma2", "gemma3", "starcoder2", "mamba", "xverse", "command-r", "cohere2",
            "dbrx", "olmo", "olmo2", "olmoe", "openelm", "arctic", "deepseek", "deepseek2", "chatglm", "bitnet",
            "t5", "t5encoder", "jais", "nemotron", "exaone", "rwkv6", "rwkv6qwen2", "rwkv7", "arwkv7", "granite",
            "granitemoe", "chameleon", "wavtokenizer-dec",
        };
        for (String name : names) {
            Norm norm = rms.contains(name) ? Norm.RMS : layer.contains(name) ? Norm.LAYER : Norm.UNCHECKED;
            KNOWN.put(name, new Architecture(name, !recurrent.contains(name), norm, wholeHeadRope.contains(name)));
        }
    }

    /** Encoder models that give embeddings, not text. */
    private static final Set<String> ENCODERS = Set.of("bert", "nomic-bert", "jina-bert-v2", "t5encoder");

    final String name;
    final boolean hasAttention;
    final Norm norm;
    final boolean ropeCoversWholeHead;

    private Architecture(String name, boolean hasAttention, Norm norm, boolean ropeCoversWholeHead) {
        this.name = name;
        this.hasAttention = hasAttention;
        this.norm = norm;
        this.ropeCoversWholeHead = ropeCoversWholeHead;
    }

    /** The architecture named so, or null when llama.cpp b4916 does not know it. */
    static Architecture named(String name) {
        return KNOWN.get(name);
    }

    static Set<String> names() {
        return Collections.unmodifiableSet(KNOWN.keySet());
    }

    boolean isEncoder() {
        return ENCODERS.contains(name);
    }

    /** {@code {arch}.suffix}, as llama.cpp spells its per-architecture keys. */
    String key(String suffix) {
        return name + "." + suffix;
    }
}
