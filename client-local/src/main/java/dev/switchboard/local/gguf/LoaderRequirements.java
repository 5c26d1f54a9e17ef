package dev.switchboard.local.gguf;

import dev.switchboard.local.internal.ModelFormatException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The metadata llama.cpp b4916 reads while loading a model, checked before it does: present where
 * required, of the exact type its loader insists on (a {@code u32} where it reads a {@code uint32_t}),
 * and within what it accepts. Some of these llama.cpp would report as a load error; others abort the
 * whole process. Measured with de.kherud:llama 4.2.0 on Linux x86-64, these abort: a vocabulary with a
 * repeated token, an unknown {@code rope.scaling.type}, {@code expert_used_count} above
 * {@code expert_count}, a {@code token_type} array of strings, and a SentencePiece vocabulary without
 * byte tokens (at the first text with a character no piece covers). Scores shorter than the vocabulary
 * were read past their end without a crash there; they are refused all the same.
 */
final class LoaderRequirements {
    /** llama.cpp's LLAMA_MAX_LAYERS. */
    static final long MAX_LAYERS = 512;
    /** llama.cpp's LLAMA_MAX_EXPERTS. */
    static final long MAX_EXPERTS = 256;
    static final Set<String> ROPE_SCALING_TYPES = Set.of("none", "linear", "yarn", "longrope");
    static final Set<String> TOKENIZER_MODELS = Set.of("llama", "gpt2", "bert", "t5", "rwkv");
    /** The special tokens a tokenizer may name, as {@code tokenizer.ggml.<name>_token_id}. */
    static final List<String> SPECIAL_TOKENS = List.of(
            "bos", "eos", "eot", "eom", "unknown", "seperator", "padding", "cls", "mask",
            "fim_pre", "fim_suf", "fim_mid", "fim_pad", "fim_rep", "fim_sep");
    /** llama.cpp's LLAMA_TOKEN_TYPE_BYTE. */
    static final int TOKEN_TYPE_BYTE = 6;

    private final GgufContents file;
    private Architecture arch;

    private LoaderRequirements(GgufContents file) {
        this.file = file;
    }

    /** Checks the file and returns its architecture; throws {@link ModelFormatException} on the first failure. */
    static Architecture check(GgufContents file) {
        return new LoaderRequirements(file).check();
    }

    private Architecture check() {
        String archName = string("general.architecture", "to know which model it is");
        arch = Architecture.named(archName);
        if (arch == null) {
            throw new ModelFormatException("its architecture '" + archName + "' is not one that the llama.cpp"
                    + " build here (b4916, in de.kherud:llama 4.2.0) can load; it knows " + String.join(", ",
                    Architecture.names()));
        }
        GgufValue split = file.get("split.count");
        if (split != null && split.type().isInteger() && (Long) split.value() > 1) {
            throw new ModelFormatException("it is part of a model split into " + split.value() + " files;"
                    + " merge them into one file with llama.cpp's llama-gguf-split --merge");
        }
        // llama.cpp reads the file type with an assertion on its type: anything but one u32 aborts the process.
        optionalU32("general.file_type", -1);
        u32Positive(arch.key("context_length"));
        long embd = u32Positive(arch.key("embedding_length"));
        long layers = u32Positive(arch.key("block_count"));
        if (layers > MAX_LAYERS) {
            throw new ModelFormatException(arch.key("block_count") + " is " + layers + "; llama.cpp loads at most "
                    + MAX_LAYERS + " layers");
        }
        checkExperts();
        perLayer(arch.key("feed_forward_length"), layers);
        checkAttention(embd, layers);
        checkNorm();
        checkRope();
        long pooling = optionalU32(arch.key("pooling_type"), -1);
        if (pooling > PoolingType.RANK.ordinal()) {
            throw new ModelFormatException(arch.key("pooling_type") + " is " + pooling
                    + "; llama.cpp knows 0 (none) to 4 (rank)");
        }
        int vocabulary = checkVocabulary();
        checkEmbeddingTensor(embd, vocabulary);
        return arch;
    }

    private void checkExperts() {
        long experts = optionalU32(arch.key("expert_count"), 0);
        long used = optionalU32(arch.key("expert_used_count"), 0);
        if (experts > MAX_EXPERTS) {
            throw new ModelFormatException(arch.key("expert_count") + " is " + experts + "; llama.cpp allows at most "
                    + MAX_EXPERTS);
        }
        if (used > experts || (experts > 0) != (used > 0)) {
            throw new ModelFormatException(arch.key("expert_used_count") + " is " + used + " with "
                    + arch.key("expert_count") + " " + experts + "; it must be between 1 and the expert count"
                    + " (or both absent or 0)");
        }
    }

    private void checkAttention(long embd, long layers) {
        String headKey = arch.key("attention.head_count");
        String kvKey = arch.key("attention.head_count_kv");
        long[] heads = perLayer(headKey, layers);
        if (heads == null) {
            if (arch.hasAttention) {
                throw missing(headKey, "to size the attention of a " + arch.name + " model");
            }
            return;
        }
        long[] kvHeads = perLayer(kvKey, layers);
        for (int layer = 0; layer < layers; layer++) {
            long h = heads[layer];
            long kv = kvHeads == null ? h : kvHeads[layer];
            if (h > 0 && (kv <= 0 || h % kv != 0)) {
                boolean perLayer = file.get(kvKey) != null && file.get(kvKey).isArray() || file.get(headKey).isArray();
                throw new ModelFormatException(kvKey + " is " + kv + (perLayer ? " in layer " + layer : "")
                        + " with " + headKey + " " + h + "; it must be at least 1 and divide the head count");
            }
        }
        // llama.cpp sizes heads from the first layer; per-layer arrays (deci) may have layers without attention
        long firstHeads = Arrays.stream(heads).filter(h -> h > 0).findFirst().orElse(0);
        if (firstHeads == 0) {
            if (arch.hasAttention) {
                throw new ModelFormatException(headKey + " is 0; a " + arch.name + " model needs attention heads");
            }
            return;
        }
        long keyLength = optionalU32(arch.key("attention.key_length"), -1);
        if (keyLength < 0 && embd % firstHeads != 0) {
            throw new ModelFormatException(arch.key("embedding_length") + " " + embd + " is not a multiple of "
                    + headKey + " " + firstHeads + " and " + arch.key("attention.key_length") + " is not set");
        }
        long headSize = keyLength >= 0 ? keyLength : embd / firstHeads;
        long rot = optionalU32(arch.key("rope.dimension_count"), headSize);
        if (arch.ropeCoversWholeHead && rot != headSize) {
            throw new ModelFormatException(arch.key("rope.dimension_count") + " is " + rot + " but a head has "
                    + headSize + " dimensions; a " + arch.name + " model rotates whole heads");
        }
    }

    private void checkNorm() {
        switch (arch.norm) {
            case RMS:
                epsilon(arch.key("attention.layer_norm_rms_epsilon"));
                break;
            case LAYER:
                epsilon(arch.key("attention.layer_norm_epsilon"));
                break;
            default:
                break;
        }
    }

    /** ggml asserts {@code eps >= 0} when it normalises: a negative or NaN epsilon aborts the first call. */
    private void epsilon(String key) {
        double eps = f32(key);
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new ModelFormatException(key + " is " + (float) eps + "; it must be a finite number of at least 0");
        }
    }

    private void checkRope() {
        String key = arch.key("rope.scaling.type");
        GgufValue value = file.get(key);
        if (value == null) {
            return;
        }
        String type = typed(key, value, GgufType.STRING);
        if (!ROPE_SCALING_TYPES.contains(type)) {
            throw new ModelFormatException(key + " is '" + type + "'; llama.cpp knows none, linear, yarn and longrope");
        }
    }

    private int checkVocabulary() {
        String model = string("tokenizer.ggml.model", "to know how to turn text into tokens");
        if (model.equals("none") || model.equals("no_vocab")) {
            throw new ModelFormatException("it has no vocabulary (tokenizer.ggml.model is '" + model
                    + "'), so it cannot turn text into tokens");
        }
        if (!TOKENIZER_MODELS.contains(model)) {
            throw new ModelFormatException("tokenizer.ggml.model is '" + model + "'; llama.cpp knows "
                    + String.join(", ", TOKENIZER_MODELS.stream().sorted().toList()));
        }
        if (model.equals("rwkv") && !arch.name.startsWith("rwkv")) {
            // Measured with a llama model: llama.cpp works for about 100 s, then fails to load it.
            throw new ModelFormatException("tokenizer.ggml.model is 'rwkv', the tokenizer of RWKV models, which llama.cpp"
                    + " cannot load for a " + arch.name + " model");
        }
        GgufValue tokens = file.get(GgufParser.TOKENS);
        if (tokens == null) {
            throw missing(GgufParser.TOKENS, "for its vocabulary");
        }
        arrayOf(GgufParser.TOKENS, tokens, GgufType.STRING);
        int n = (int) tokens.length();
        if (n == 0) {
            throw new ModelFormatException(GgufParser.TOKENS + " is empty");
        }
        sameLength("tokenizer.ggml.scores", GgufType.FLOAT32, n);
        sameLength(GgufParser.TOKEN_TYPES, GgufType.INT32, n);
        GgufValue merges = file.get("tokenizer.ggml.merges");
        if (merges != null) {
            arrayOf("tokenizer.ggml.merges", merges, GgufType.STRING);
        } else if (model.equals("gpt2")) {
            throw missing("tokenizer.ggml.merges", "for its BPE tokenizer");
        }
        long declared = optionalU32(arch.key("vocab_size"), n);
        if (declared != n) {
            throw new ModelFormatException(arch.key("vocab_size") + " is " + declared + " but "
                    + GgufParser.TOKENS + " has " + n + " tokens");
        }
        for (String special : SPECIAL_TOKENS) {
            String key = "tokenizer.ggml." + special + "_token_id";
            long id = optionalU32(key, -1);
            if (id >= n) {
                throw new ModelFormatException(key + " is " + id + ", outside the vocabulary of " + n + " tokens");
            }
        }
        for (String flag : List.of("add_bos_token", "add_eos_token", "add_space_prefix")) {
            GgufValue value = file.get("tokenizer.ggml." + flag);
            if (value != null) {
                typed("tokenizer.ggml." + flag, value, GgufType.BOOL);
            }
        }
        GgufValue template = file.get("tokenizer.chat_template");
        if (template != null) {
            typed("tokenizer.chat_template", template, GgufType.STRING);
        }
        TokenTable table = file.tokens();
        if (model.equals("llama")) {
            int missingByte = table.firstByteWithoutToken();
            if (missingByte >= 0) {
                throw new ModelFormatException(String.format("its SentencePiece vocabulary has no byte token <0x%02X>;"
                        + " llama.cpp's tokenizer needs one for every byte", missingByte));
            }
            int[] types = file.tokenTypes();
            for (int id = 0; types != null && id < n; id++) {
                if (types[id] == TOKEN_TYPE_BYTE && !table.isSpelledAsByte(id)) {
                    throw new ModelFormatException("token " + id + " is of type byte (6) but is not spelled <0xXX>");
                }
            }
        }
        if (model.equals("bert")) {
            // Measured: WordPiece cannot turn a byte token back into text, and llama.cpp aborts when one is generated.
            int[] types = file.tokenTypes();
            for (int id = 0; types != null && id < n; id++) {
                if (types[id] == TOKEN_TYPE_BYTE) {
                    throw new ModelFormatException("token " + id + " is of type byte (6), which a WordPiece (bert)"
                            + " vocabulary cannot have: llama.cpp cannot turn it back into text");
                }
            }
        }
        return n;
    }

    /** The token embeddings are {@code [embedding_length, tokens]} (a vocoder's are not token embeddings). */
    private void checkEmbeddingTensor(long embd, int vocabulary) {
        if (arch.name.equals("wavtokenizer-dec")) {
            return;
        }
        for (TensorInfo t : file.tensors()) {
            if (t.name().equals("token_embd.weight") && (t.dim(0) != embd || t.dim(1) != vocabulary)) {
                throw new ModelFormatException("tensor 'token_embd.weight' has shape " + t.shape() + " but the model"
                        + " has " + embd + " embedding dimensions and " + vocabulary + " tokens");
            }
        }
    }

    private void sameLength(String key, GgufType elementType, int n) {
        GgufValue value = file.get(key);
        if (value == null) {
            return;
        }
        arrayOf(key, value, elementType);
        if (value.length() != n) {
            throw new ModelFormatException(key + " has " + value.length() + " entries but " + GgufParser.TOKENS
                    + " has " + n + "; they must match one for one");
        }
    }

    /** A per-layer setting: one u32 for every layer, or an array of u32 or i32 with one per layer; null if absent. */
    private long[] perLayer(String key, long layers) {
        GgufValue value = file.get(key);
        if (value == null) {
            return null;
        }
        long[] out = new long[(int) layers];
        if (!value.isArray()) {
            Arrays.fill(out, (Long) typedValue(key, value, GgufType.UINT32));
            return out;
        }
        if (value.elementType() != GgufType.UINT32 && value.elementType() != GgufType.INT32) {
            throw new ModelFormatException(key + " must be a u32 or an array of u32 or i32, not " + value.describe());
        }
        if (value.length() != layers) {
            throw new ModelFormatException(key + " has " + value.length() + " entries but the model has "
                    + layers + " layers");
        }
        long[] values = (long[]) value.value();
        for (int i = 0; i < layers; i++) {
            if (values[i] < 0) {
                throw new ModelFormatException(key + " is " + values[i] + " for layer " + i + "; it cannot be negative");
            }
        }
        return values;
    }

    private long u32Positive(String key) {
        GgufValue value = file.get(key);
        if (value == null) {
            throw missing(key, "to load a " + arch.name + " model");
        }
        long v = (Long) typedValue(key, value, GgufType.UINT32);
        if (v == 0) {
            throw new ModelFormatException(key + " is 0; it must be at least 1");
        }
        return v;
    }

    private long optionalU32(String key, long absent) {
        GgufValue value = file.get(key);
        return value == null ? absent : (Long) typedValue(key, value, GgufType.UINT32);
    }

    private double f32(String key) {
        GgufValue value = file.get(key);
        if (value == null) {
            throw missing(key, "to load a " + arch.name + " model");
        }
        return (Double) typedValue(key, value, GgufType.FLOAT32);
    }

    private String string(String key, String why) {
        GgufValue value = file.get(key);
        if (value == null) {
            throw missing(key, why);
        }
        return typed(key, value, GgufType.STRING);
    }

    private static String typed(String key, GgufValue value, GgufType type) {
        Object v = typedValue(key, value, type);
        if (type == GgufType.STRING && v == null) {
            throw new ModelFormatException(key + " is a string too long for a setting");
        }
        return type == GgufType.STRING ? (String) v : String.valueOf(v);
    }

    private static Object typedValue(String key, GgufValue value, GgufType type) {
        if (value.type() != type) {
            throw new ModelFormatException(key + " must be a " + type.shortName() + ", not " + value.describe());
        }
        return value.value();
    }

    private static void arrayOf(String key, GgufValue value, GgufType elementType) {
        if (!value.isArray() || value.elementType() != elementType) {
            throw new ModelFormatException(key + " must be an array of " + elementType.shortName() + ", not "
                    + value.describe());
        }
    }

    private static ModelFormatException missing(String key, String why) {
        return new ModelFormatException("the key '" + key + "' is missing; llama.cpp needs it " + why);
    }
}
