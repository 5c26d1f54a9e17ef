package dev.switchboard.local.gguf;

import static dev.switchboard.local.tiny.GgufWriter.ARRAY;
import static dev.switchboard.local.tiny.GgufWriter.STRING;

import dev.switchboard.local.tiny.GgufWriter;
import dev.switchboard.local.tiny.GgufWriter.Layout;
import dev.switchboard.local.tiny.TinyLlama;
import dev.switchboard.local.tiny.TinyVocabulary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Broken variants of the tiny llama, each with the reason {@link GgufFile#read} must give: cut at
 * various points, wrong magic or version, impossible counts and lengths, wrong types, tensors out of
 * the file or out of line, an unknown architecture, missing or inconsistent metadata, a vocabulary
 * llama.cpp would choke on.
 */
final class CorruptGgufFiles {
    /** One broken file and the reason it is refused. */
    record Variant(String name, Supplier<byte[]> bytes, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final GgufWriter BASE = TinyLlama.builder().seed(3).build().writer();
    static final byte[] GOOD = BASE.toBytes();
    static final Layout LAYOUT = BASE.layout();
    static final int VOCAB = TinyVocabulary.create().size();
    static final String TRUNCATED = "; it is truncated (an interrupted download?): download it again";

    private CorruptGgufFiles() {}

    static List<Variant> all() {
        List<Variant> v = new ArrayList<>();
        long size = GOOD.length;

        // ---- cut short ----
        v.add(new Variant("empty file", () -> new byte[0],
                "the file has 0 bytes, too few for a GGUF file, which starts with the 4 bytes 'GGUF'"));
        v.add(new Variant("cut inside the header", () -> cut(12),
                "the file ends at byte 12, inside the tensor count" + TRUNCATED));
        long token1000 = tokenPosition(1000);
        v.add(new Variant("cut inside the vocabulary", () -> cut(token1000 + 4),
                "the file ends at byte " + (token1000 + 4) + ", inside token 1000 of tokenizer.ggml.tokens" + TRUNCATED));
        long offsetField = LAYOUT.tensorInfo("blk.0.attn_q.weight") + 8 + "blk.0.attn_q.weight".length() + 4 + 2 * 8 + 4;
        v.add(new Variant("cut inside the tensor table", () -> cut(offsetField + 3),
                "the file ends at byte " + (offsetField + 3) + ", inside the data offset of tensor 'blk.0.attn_q.weight'"
                        + TRUNCATED));
        long outputData = LAYOUT.tensorData("output.weight");
        v.add(new Variant("cut inside the tensor data", () -> cut(outputData + 100),
                "tensor 'output.weight' (F32 [64, " + VOCAB + "], " + 64L * VOCAB * 4 + " bytes at byte " + outputData
                        + ") ends past the end of the file (" + (outputData + 100) + " bytes)" + "; it is truncated: download it again"));

        // ---- magic and version ----
        v.add(new Variant("GGML magic", () -> BASE.copy().magic("ggjt").toBytes(),
                "it starts with 'ggjt' where a GGUF file starts with 'GGUF'; it is not a GGUF model (files of the older"
                        + " GGML/GGJT formats must be converted to GGUF)"));
        v.add(new Variant("binary magic", () -> BASE.copy().magic("\u0089PNG").toBytes(),
                "it starts with the bytes 89 50 4E 47 where a GGUF file starts with 'GGUF'; it is not a GGUF model"
                        + " (files of the older GGML/GGJT formats must be converted to GGUF)"));
        v.add(new Variant("version 1", () -> BASE.copy().version(1).toBytes(),
                "it is GGUF version 1, which llama.cpp no longer reads; convert the model again with a current llama.cpp"));
        v.add(new Variant("version 4", () -> BASE.copy().version(4).toBytes(),
                "it declares GGUF version 4; the llama.cpp build here (b4916) reads versions 2 and 3"));
        v.add(new Variant("big-endian version", () -> BASE.copy().version(0x03000000L).toBytes(),
                "its GGUF version reads as 50331648, which means a big-endian file; llama.cpp on this machine needs a"
                        + " little-endian GGUF"));

        // ---- counts ----
        v.add(new Variant("huge tensor count", () -> BASE.copy().tensorCount(Long.MAX_VALUE).toBytes(),
                "the header declares 9223372036854775807 tensors; a model has between 0 and 1048576"));
        v.add(new Variant("negative metadata count", () -> BASE.copy().metadataCount(-1).toBytes(),
                "the header declares 18446744073709551615 metadata entries; a model has between 0 and 1048576"));
        v.add(new Variant("metadata count beyond the file", () -> BASE.copy().metadataCount(1_000_000).toBytes(),
                "the header declares 1000000 metadata entries, but the " + (size - 24) + " bytes after it cannot hold"
                        + " them (each takes at least 14 bytes); the file is truncated or its header is corrupt"));
        v.add(new Variant("metadata count one short", () -> BASE.copy().metadataCount(BASE.metadataSize() - 1).toBytes(),
                "tensor 'tokenizer.chat_template' has 8 dimensions; a tensor has 1 to 4"));

        // ---- metadata entries ----
        v.add(new Variant("empty key", () -> BASE.copy().appendRaw("", STRING, string("x")).toBytes(),
                "metadata entry " + BASE.metadataSize() + " has an empty key"));
        v.add(new Variant("huge key length", () -> patchLong(LAYOUT.entry("general.architecture"), 1L << 40),
                "the key of metadata entry 0 claims 1099511627776 bytes; keys are at most 65535"));
        v.add(new Variant("duplicate key", () -> BASE.copy().appendRaw("general.name", STRING, string("again")).toBytes(),
                "the key 'general.name' appears twice (metadata entries 1 and " + BASE.metadataSize() + ")"));
        v.add(new Variant("unknown value type", () -> BASE.copy().putRaw("general.name", 13, new byte[4]).toBytes(),
                "the key 'general.name' has type 13, which is no GGUF type (they are 0 to 12)"));
        v.add(new Variant("array of arrays", () -> BASE.copy().putRaw("general.tags", ARRAY, le(12).putInt(ARRAY).putLong(0).array()).toBytes(),
                "the key 'general.tags' holds an array of arrays, which llama.cpp does not read"));
        long nameValue = LAYOUT.value("general.name");
        v.add(new Variant("string longer than the file", () -> patchLong(nameValue, 1_000_000_000L),
                "the value of key 'general.name' claims a string of 1000000000 bytes, but only " + (size - nameValue - 8)
                        + " bytes are left in the file; it is truncated or corrupt"));
        v.add(new Variant("negative string length", () -> patchLong(nameValue, -1),
                "the value of key 'general.name' claims a string of 18446744073709551615 bytes; strings are at most 1073741824"));
        long scores = LAYOUT.value("tokenizer.ggml.scores");
        v.add(new Variant("array longer than the file", () -> patchLong(scores + 4, 1L << 62),
                "the key 'tokenizer.ggml.scores' claims an array of 4611686018427387904 f32 elements, more than the "
                        + (size - scores - 12) + " bytes left in the file can hold; it is truncated or corrupt"));
        v.add(new Variant("huge token", () -> patchLong(LAYOUT.value("tokenizer.ggml.tokens") + 12, 1L << 32),
                "token 0 of tokenizer.ggml.tokens claims 4294967296 bytes; tokens are at most 65535"));
        v.add(new Variant("alignment not a power of 2", () -> BASE.copy().putU32("general.alignment", 48).toBytes(),
                "general.alignment is 48, which is not a power of 2"));
        v.add(new Variant("alignment of the wrong type", () -> BASE.copy().putU64("general.alignment", 32).toBytes(),
                "general.alignment must be a u32, not u64"));

        // ---- tensor table ----
        v.add(new Variant("tensor name too long", () -> BASE.copy().renameTensor("output_norm.weight", "n".repeat(64)).toBytes(),
                "the name of tensor 1 claims 64 bytes; llama.cpp allows at most 63"));
        v.add(new Variant("duplicate tensor name", () -> BASE.copy().renameTensor("output.weight", "token_embd.weight").toBytes(),
                "the tensor name 'token_embd.weight' appears twice (tensors 0 and 2)"));
        v.add(new Variant("five dimensions", () -> BASE.copy().tensorDims("output_norm.weight", new long[] {64, 1, 1, 1, 1}).toBytes(),
                "tensor 'output_norm.weight' has 5 dimensions; a tensor has 1 to 4"));
        v.add(new Variant("zero dimension", () -> BASE.copy().tensorDims("output_norm.weight", new long[] {0}).toBytes(),
                "tensor 'output_norm.weight' has 0 elements in dimension 0; every dimension needs at least 1"));
        v.add(new Variant("negative dimension", () -> BASE.copy().tensorDims("output.weight", new long[] {64, -1}).toBytes(),
                "tensor 'output.weight' has -1 elements in dimension 1; every dimension needs at least 1"));
        v.add(new Variant("overflowing shape", () -> BASE.copy().tensorDims("output.weight", new long[] {1L << 40, 1L << 40}).toBytes(),
                "tensor 'output.weight' has shape [1099511627776, 1099511627776], too large to address in 64 bits"));
        v.add(new Variant("unknown tensor type", () -> BASE.copy().tensorType("output_norm.weight", 99).toBytes(),
                "tensor 'output_norm.weight' has type 99, which the llama.cpp build here (b4916) does not know (its types"
                        + " are 0 to 38); it needs a newer llama.cpp"));
        v.add(new Variant("removed tensor type", () -> BASE.copy().tensorType("output_norm.weight", 31).toBytes(),
                "tensor 'output_norm.weight' has type Q4_0_4_4 (31), which the llama.cpp build here (b4916) no longer"
                        + " reads; quantize the model again"));
        v.add(new Variant("row not a whole number of blocks", () -> BASE.copy().tensorType("output_norm.weight", 12).toBytes(),
                "tensor 'output_norm.weight' of type Q4_K has rows of 64 elements, not a multiple of its block size 256"));
        long normOffset = LAYOUT.tensorData("output_norm.weight") - LAYOUT.dataStart();
        String layoutRule = ": llama.cpp needs each tensor right after the previous one, padded to 32 bytes)";
        v.add(new Variant("misaligned tensor data", () -> BASE.copy().tensorOffset("output_norm.weight", normOffset + 4).toBytes(),
                "tensor 'output_norm.weight' has data offset " + (normOffset + 4) + ", not a multiple of the alignment 32"
                        + " (expected " + normOffset + layoutRule));
        v.add(new Variant("overlapping tensor data", () -> BASE.copy().tensorOffset("output_norm.weight", 0).toBytes(),
                "tensor 'output_norm.weight' has data offset 0, inside the data of the tensor before it (expected "
                        + normOffset + layoutRule));
        v.add(new Variant("gap between tensors", () -> BASE.copy().tensorOffset("output_norm.weight", normOffset + 32).toBytes(),
                "tensor 'output_norm.weight' has data offset " + (normOffset + 32) + ", leaving a gap after the tensor"
                        + " before it (expected " + normOffset + layoutRule));
        v.add(new Variant("tensor data beyond the file", () -> BASE.copy().tensorOffset("output_norm.weight", 1L << 40).toBytes(),
                "tensor 'output_norm.weight' has data offset 1099511627776, beyond the end of the file (" + size
                        + " bytes) (expected " + normOffset + layoutRule));

        // ---- architecture and its metadata ----
        v.add(new Variant("unknown architecture", () -> BASE.copy().put("general.architecture", "qwen3").toBytes(),
                "its architecture 'qwen3' is not one that the llama.cpp build here (b4916, in de.kherud:llama 4.2.0) can"
                        + " load; it knows " + String.join(", ", Architecture.names())));
        v.add(new Variant("no architecture", () -> BASE.copy().remove("general.architecture").toBytes(),
                "the key 'general.architecture' is missing; llama.cpp needs it to know which model it is"));
        v.add(new Variant("architecture of the wrong type", () -> BASE.copy().putU32("general.architecture", 1).toBytes(),
                "general.architecture must be a str, not u32"));
        v.add(new Variant("split model", () -> BASE.copy().putU32("split.count", 3).toBytes(),
                "it is part of a model split into 3 files; merge them into one file with llama.cpp's llama-gguf-split --merge"));
        v.add(new Variant("no block count", () -> BASE.copy().remove("llama.block_count").toBytes(),
                "the key 'llama.block_count' is missing; llama.cpp needs it to load a llama model"));
        v.add(new Variant("context length of the wrong type", () -> BASE.copy().putU64("llama.context_length", 256).toBytes(),
                "llama.context_length must be a u32, not u64"));
        v.add(new Variant("zero embedding length", () -> BASE.copy().putU32("llama.embedding_length", 0).toBytes(),
                "llama.embedding_length is 0; it must be at least 1"));
        v.add(new Variant("too many layers", () -> BASE.copy().putU32("llama.block_count", 1000).toBytes(),
                "llama.block_count is 1000; llama.cpp loads at most 512 layers"));
        v.add(new Variant("experts used without experts", () -> BASE.copy().putU32("llama.expert_used_count", 2).toBytes(),
                "llama.expert_used_count is 2 with llama.expert_count 0; it must be between 1 and the expert count"
                        + " (or both absent or 0)"));
        v.add(new Variant("no head count", () -> BASE.copy().remove("llama.attention.head_count").toBytes(),
                "the key 'llama.attention.head_count' is missing; llama.cpp needs it to size the attention of a llama model"));
        v.add(new Variant("per-layer head counts of the wrong length", () -> BASE.copy()
                        .putU32s("llama.attention.head_count", new long[] {4, 4, 4}).toBytes(),
                "llama.attention.head_count has 3 entries but the model has 2 layers"));
        v.add(new Variant("no attention heads in any layer", () -> BASE.copy()
                        .putU32s("llama.attention.head_count", new long[] {0, 0}).toBytes(),
                "llama.attention.head_count is 0; a llama model needs attention heads"));
        v.add(new Variant("kv heads that do not divide the heads", () -> BASE.copy().putU32("llama.attention.head_count_kv", 3).toBytes(),
                "llama.attention.head_count_kv is 3 with llama.attention.head_count 4; it must be at least 1 and divide"
                        + " the head count"));
        v.add(new Variant("embedding length not a multiple of the heads", () -> BASE.copy().putU32("llama.embedding_length", 66).toBytes(),
                "llama.embedding_length 66 is not a multiple of llama.attention.head_count 4 and"
                        + " llama.attention.key_length is not set"));
        v.add(new Variant("RoPE over part of a llama head", () -> BASE.copy().putU32("llama.rope.dimension_count", 8).toBytes(),
                "llama.rope.dimension_count is 8 but a head has 16 dimensions; a llama model rotates whole heads"));
        v.add(new Variant("no RMS norm epsilon", () -> BASE.copy().remove("llama.attention.layer_norm_rms_epsilon").toBytes(),
                "the key 'llama.attention.layer_norm_rms_epsilon' is missing; llama.cpp needs it to load a llama model"));
        v.add(new Variant("unknown RoPE scaling", () -> BASE.copy().put("llama.rope.scaling.type", "bogus").toBytes(),
                "llama.rope.scaling.type is 'bogus'; llama.cpp knows none, linear, yarn and longrope"));
        v.add(new Variant("unknown pooling type", () -> BASE.copy().putU32("llama.pooling_type", 9).toBytes(),
                "llama.pooling_type is 9; llama.cpp knows 0 (none) to 4 (rank)"));

        // ---- tokenizer ----
        v.add(new Variant("unknown tokenizer", () -> BASE.copy().put("tokenizer.ggml.model", "sentencepiece").toBytes(),
                "tokenizer.ggml.model is 'sentencepiece'; llama.cpp knows bert, gpt2, llama, rwkv, t5"));
        v.add(new Variant("no vocabulary", () -> BASE.copy().put("tokenizer.ggml.model", "none").toBytes(),
                "it has no vocabulary (tokenizer.ggml.model is 'none'), so it cannot turn text into tokens"));
        v.add(new Variant("BPE without merges", () -> BASE.copy().put("tokenizer.ggml.model", "gpt2").toBytes(),
                "the key 'tokenizer.ggml.merges' is missing; llama.cpp needs it for its BPE tokenizer"));
        v.add(new Variant("no tokens", () -> BASE.copy().remove("tokenizer.ggml.tokens").toBytes(),
                "the key 'tokenizer.ggml.tokens' is missing; llama.cpp needs it for its vocabulary"));
        v.add(new Variant("tokens that are not strings", () -> BASE.copy().putI32s("tokenizer.ggml.tokens", new int[] {1, 2, 3}).toBytes(),
                "tokenizer.ggml.tokens must be an array of str, not arr[i32,3]"));
        v.add(new Variant("fewer scores than tokens", () -> BASE.copy().putF32s("tokenizer.ggml.scores", new float[10]).toBytes(),
                "tokenizer.ggml.scores has 10 entries but tokenizer.ggml.tokens has " + VOCAB + "; they must match one for one"));
        v.add(new Variant("scores as one number", () -> BASE.copy().putF32("tokenizer.ggml.scores", 1f).toBytes(),
                "tokenizer.ggml.scores must be an array of f32, not f32"));
        v.add(new Variant("token types as strings", () -> BASE.copy().putStrings("tokenizer.ggml.token_type", List.of("a")).toBytes(),
                "tokenizer.ggml.token_type must be an array of i32, not arr[str,1]"));
        List<String> repeated = new ArrayList<>(TinyVocabulary.create().tokens());
        repeated.set(VOCAB - 1, repeated.get(VOCAB - 2));
        v.add(new Variant("repeated token", () -> BASE.copy().putStrings("tokenizer.ggml.tokens", repeated).toBytes(),
                "tokens " + (VOCAB - 2) + " and " + (VOCAB - 1) + " of tokenizer.ggml.tokens are both '" + repeated.get(VOCAB - 2)
                        + "'; llama.cpp aborts on a vocabulary with a repeated token"));
        List<String> noByte = new ArrayList<>(TinyVocabulary.create().tokens());
        noByte.set(TinyVocabulary.FIRST_BYTE + 0x80, "<0x80>?");
        v.add(new Variant("missing byte token", () -> BASE.copy().putStrings("tokenizer.ggml.tokens", noByte).toBytes(),
                "its SentencePiece vocabulary has no byte token <0x80>; llama.cpp's tokenizer needs one for every byte"));
        int[] types = new int[VOCAB];
        Arrays.fill(types, 1);
        types[VOCAB - 1] = 6;
        v.add(new Variant("byte-type token not spelled as a byte", () -> BASE.copy().putI32s("tokenizer.ggml.token_type", types).toBytes(),
                "token " + (VOCAB - 1) + " is of type byte (6) but is not spelled <0xXX>"));
        v.add(new Variant("end token outside the vocabulary", () -> BASE.copy().putU32("tokenizer.ggml.eos_token_id", 99_999).toBytes(),
                "tokenizer.ggml.eos_token_id is 99999, outside the vocabulary of " + VOCAB + " tokens"));
        v.add(new Variant("vocabulary size that disagrees", () -> BASE.copy().putU32("llama.vocab_size", 1000).toBytes(),
                "llama.vocab_size is 1000 but tokenizer.ggml.tokens has " + VOCAB + " tokens"));
        // ---- found by fuzzing (NativeEdgesFuzzTest): each of these aborted the JVM in llama.cpp ----
        v.add(new Variant("file type of the wrong type", () -> BASE.copy().putF32("general.file_type", 1f).toBytes(),
                "general.file_type must be a u32, not f32"));
        v.add(new Variant("file type as an array", () -> BASE.copy().putU32s("general.file_type", new long[] {1, 2}).toBytes(),
                "general.file_type must be a u32, not arr[u32,2]"));
        v.add(new Variant("negative norm epsilon", () -> BASE.copy().putF32("llama.attention.layer_norm_rms_epsilon", -1f).toBytes(),
                "llama.attention.layer_norm_rms_epsilon is -1.0; it must be a finite number of at least 0"));
        v.add(new Variant("NaN norm epsilon", () -> BASE.copy().putF32("llama.attention.layer_norm_rms_epsilon", Float.NaN).toBytes(),
                "llama.attention.layer_norm_rms_epsilon is NaN; it must be a finite number of at least 0"));
        v.add(new Variant("WordPiece vocabulary with byte tokens", () -> BASE.copy().put("tokenizer.ggml.model", "bert").toBytes(),
                "token " + TinyVocabulary.FIRST_BYTE + " is of type byte (6), which a WordPiece (bert) vocabulary cannot have:"
                        + " llama.cpp cannot turn it back into text"));
        v.add(new Variant("RWKV tokenizer on a llama model", () -> BASE.copy().put("tokenizer.ggml.model", "rwkv").toBytes(),
                "tokenizer.ggml.model is 'rwkv', the tokenizer of RWKV models, which llama.cpp cannot load for a llama model"));
        v.add(new Variant("integer weights", () -> BASE.copy().tensorType("blk.1.ffn_down.weight", 25).toBytes(),
                "tensor 'blk.1.ffn_down.weight' has type I16 (25); llama.cpp computes with float and quantized tensors only,"
                        + " and crashes on one of this type"));
        v.add(new Variant("token embeddings of the wrong shape", () -> BASE.copy()
                        .tensorDims("token_embd.weight", new long[] {32, 2L * VOCAB}).toBytes(),
                "tensor 'token_embd.weight' has shape [32, " + 2 * VOCAB + "] but the model has 64 embedding dimensions and "
                        + VOCAB + " tokens"));
        return v;
    }

    private static byte[] cut(long length) {
        return Arrays.copyOf(GOOD, (int) length);
    }

    private static byte[] patchLong(long at, long value) {
        byte[] b = GOOD.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) at, value);
        return b;
    }

    /** Where token {@code id}'s length prefix is in {@link #GOOD}. */
    private static long tokenPosition(int id) {
        long at = LAYOUT.value("tokenizer.ggml.tokens") + 12;
        List<String> tokens = TinyVocabulary.create().tokens();
        for (int i = 0; i < id; i++) {
            at += 8 + tokens.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return at;
    }

    private static byte[] string(String s) {
        byte[] text = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return le(8 + text.length).putLong(text.length).put(text).array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
