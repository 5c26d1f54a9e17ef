package dev.switchboard.local.fuzz;

import dev.switchboard.local.tiny.GgufWriter;
import dev.switchboard.local.tiny.GgufWriter.Layout;
import dev.switchboard.local.tiny.TinyLlama;
import dev.switchboard.local.tiny.TinyVocabulary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Broken variants of the tiny llama, drawn from a seed: bit flips, bytes inserted or deleted, the
 * file cut short (mostly in the header and tables, where the loader reads structure), huge or odd
 * counts, lengths, dimensions and offsets, wrong value and tensor types, swapped tensor offsets,
 * tensors renamed or removed, and metadata removed, retyped or set to odd values.
 */
final class GgufMutations {
    static final GgufWriter BASE = TinyLlama.builder().seed(3).contextLength(128).build().writer();
    static final byte[] GOOD = BASE.toBytes();
    static final Layout LAYOUT = BASE.layout();
    private static final List<String> KEYS = new ArrayList<>(LAYOUT.entries().keySet());
    private static final List<String> TENSORS = BASE.tensorNames();
    private static final TinyVocabulary VOCABULARY = TinyVocabulary.create();
    /** Metadata llama.cpp reads if present, which the base file leaves out. */
    private static final List<String> OPTIONAL_KEYS = List.of("general.alignment", "llama.expert_count",
            "llama.expert_used_count", "llama.attention.key_length", "llama.attention.value_length",
            "llama.rope.scaling.type", "llama.rope.scaling.factor", "llama.pooling_type", "llama.attention.causal",
            "llama.attention.sliding_window", "llama.logit_scale", "tokenizer.ggml.pre", "tokenizer.ggml.merges",
            "tokenizer.ggml.padding_token_id", "tokenizer.ggml.seperator_token_id", "tokenizer.ggml.add_eos_token",
            "split.count", "llama.vocab_size", "tokenizer.ggml.token_type_count");

    /** One broken file and what was done to it. */
    record Mutant(String description, byte[] bytes) {}

    private GgufMutations() {}

    static Mutant of(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> done = new ArrayList<>();
        byte[] bytes;
        int plan = random.nextInt(10);
        if (plan < 4) {
            // One value changed within its type: the file stays well formed, and the loader's checks are what is tried.
            bytes = sameType(random, done);
        } else if (plan < 7) {
            GgufWriter w = BASE.copy();
            int edits = random.nextInt(4) == 0 ? 2 : 1;
            for (int i = 0; i < edits; i++) done.add(edit(w, random));
            bytes = w.toBytes();
        } else {
            bytes = damage(GOOD.clone(), random, done);
            if (random.nextInt(4) == 0) bytes = damage(bytes, random, done);
        }
        return new Mutant(String.join("; ", done), bytes);
    }

    /** A metadata value set to an edge value of the type it has in the base file. */
    private static byte[] sameType(SplittableRandom random, List<String> done) {
        GgufWriter w = BASE.copy();
        String key = KEYS.get(random.nextInt(KEYS.size()));
        ByteBuffer b = ByteBuffer.wrap(GOOD).order(ByteOrder.LITTLE_ENDIAN);
        int type = b.getInt((int) LAYOUT.value(key) - 4);
        long n = random.nextInt(3) == 0 ? random.nextInt(130) : interesting(random);
        switch (type) {
            case GgufWriter.UINT32:
                w.putU32(key, n);
                done.add(key + " := u32 " + (n & 0xFFFFFFFFL));
                return w.toBytes();
            case GgufWriter.FLOAT32: {
                float f = new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, 1e30f, -1e-30f, 1e-45f, 1e6f}[random.nextInt(8)];
                w.putF32(key, f);
                done.add(key + " := f32 " + f);
                return w.toBytes();
            }
            case GgufWriter.BOOL: {
                boolean v = random.nextBoolean();
                w.putBool(key, v);
                done.add(key + " := " + v);
                return w.toBytes();
            }
            case GgufWriter.STRING: {
                String s = oddString(random);
                w.put(key, s);
                done.add(key + " := '" + s.substring(0, Math.min(20, s.length())) + "'");
                return w.toBytes();
            }
            default: {
                int index = random.nextInt(VOCABULARY.size());
                if (key.equals("tokenizer.ggml.tokens")) {
                    List<String> tokens = new ArrayList<>(VOCABULARY.tokens());
                    String s = oddString(random);
                    tokens.set(index, s);
                    w.putStrings(key, tokens);
                    done.add("token " + index + " := '" + s.substring(0, Math.min(20, s.length())) + "'");
                    return w.toBytes();
                }
                // The scores (f32) and token types (i32): one element changed in place.
                byte[] bytes = GOOD.clone();
                int at = (int) LAYOUT.value(key) + 12 + 4 * index;
                ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                if (key.equals("tokenizer.ggml.scores")) out.putFloat(at, Float.NaN);
                else out.putInt(at, (int) n);
                done.add(key + "[" + index + "] := " + (key.equals("tokenizer.ggml.scores") ? "NaN" : Integer.toString((int) n)));
                return bytes;
            }
        }
    }

    /** A change through the writer, which keeps the rest of the file consistent. */
    private static String edit(GgufWriter w, SplittableRandom random) {
        List<String> tensors = w.tensorNames();
        String tensor = tensors.get(random.nextInt(tensors.size()));
        switch (random.nextInt(9)) {
            case 0: {
                String a = tensor;
                String b = tensors.get(random.nextInt(tensors.size()));
                long offsetA = LAYOUT.tensorData().getOrDefault(a, LAYOUT.dataStart()) - LAYOUT.dataStart();
                long offsetB = LAYOUT.tensorData().getOrDefault(b, LAYOUT.dataStart()) - LAYOUT.dataStart();
                w.tensorOffset(a, offsetB).tensorOffset(b, offsetA);
                return "swapped the offsets of " + a + " and " + b;
            }
            case 1: {
                long[] dims = dims(random);
                w.tensorDims(tensor, dims);
                return "shape of " + tensor + " := " + Arrays.toString(dims);
            }
            case 2: {
                int type = random.nextInt(4) == 0 ? (int) interesting(random) : random.nextInt(42);
                w.tensorType(tensor, type);
                return "type of " + tensor + " := " + type;
            }
            case 3:
                if (tensors.size() > 1) w.removeTensor(tensor);
                return "removed tensor " + tensor;
            case 4: {
                String name = random.nextBoolean() ? tensors.get(random.nextInt(tensors.size())) : "blk." + random.nextInt(600) + ".attn_q.weight";
                if (!tensors.contains(name) || random.nextInt(4) == 0) w.renameTensor(tensor, name);
                return "renamed " + tensor + " to " + name;
            }
            case 5: {
                String key = KEYS.get(random.nextInt(KEYS.size()));
                if (w.has(key)) w.remove(key);
                return "removed " + key;
            }
            case 6:
            case 7: {
                String key = random.nextInt(3) == 0 ? OPTIONAL_KEYS.get(random.nextInt(OPTIONAL_KEYS.size()))
                        : KEYS.get(random.nextInt(KEYS.size()));
                return key + " := " + putOdd(w, key, random);
            }
            default: {
                long[] values = new long[1 + random.nextInt(3)];
                for (int i = 0; i < values.length; i++) values[i] = interesting(random);
                String key = KEYS.get(random.nextInt(KEYS.size()));
                w.putU32s(key, values);
                return key + " := u32 array " + Arrays.toString(values);
            }
        }
    }

    private static long[] dims(SplittableRandom random) {
        int n = random.nextInt(6) == 0 ? random.nextInt(7) : 1 + random.nextInt(3);
        long[] dims = new long[n];
        for (int i = 0; i < n; i++) dims[i] = random.nextBoolean() ? interesting(random) : 1 + random.nextInt(2048);
        return dims;
    }

    /** Sets {@code key} to an odd value of a random type. */
    private static String putOdd(GgufWriter w, String key, SplittableRandom random) {
        long n = interesting(random);
        switch (random.nextInt(8)) {
            case 0:
                w.putU32(key, n);
                return "u32 " + (n & 0xFFFFFFFFL);
            case 1:
                w.putI32(key, (int) n);
                return "i32 " + (int) n;
            case 2:
                w.putU64(key, n);
                return "u64 " + Long.toUnsignedString(n);
            case 3: {
                float f = new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, 1e30f, -1e-30f, 1e-45f}[random.nextInt(7)];
                w.putF32(key, f);
                return "f32 " + f;
            }
            case 4:
                w.putBool(key, random.nextBoolean());
                return "bool";
            case 5: {
                String s = oddString(random);
                w.put(key, s);
                return "string '" + s.substring(0, Math.min(20, s.length())) + "'";
            }
            case 6: {
                List<String> strings = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) strings.add(oddString(random));
                w.putStrings(key, strings);
                return "string array of " + strings.size();
            }
            default: {
                int type = random.nextInt(16);
                byte[] value = new byte[random.nextInt(17)];
                random.nextBytes(value);
                w.putRaw(key, type, value);
                return "raw type " + type + " with " + value.length + " bytes";
            }
        }
    }

    private static String oddString(SplittableRandom random) {
        String[] odd = {"", "llama", "gpt2", "bert", "t5", "rwkv", "yarn", "linear", "longrope", "none", "\u0000", "GGUF",
                "x".repeat(70_000), "\uD83D\uDE00", "llama4", "mamba", "qwen2", "deepseek-llm", "<0x0A>"};
        return odd[random.nextInt(odd.length)];
    }

    /** Damage to the bytes themselves, mostly before the tensor data. */
    private static byte[] damage(byte[] bytes, SplittableRandom random, List<String> done) {
        int header = (int) Math.min(bytes.length, LAYOUT.dataStart());
        switch (random.nextInt(6)) {
            case 0:
                return ByteDamage.flipBits(bytes, header, random, done);
            case 1:
                return ByteDamage.insert(bytes, header, random, done);
            case 2:
                return ByteDamage.delete(bytes, header, random, done);
            case 3: {
                int length = ByteDamage.position(bytes.length, header, random);
                done.add("cut to " + length + " bytes");
                return Arrays.copyOf(bytes, length);
            }
            case 4: {
                // A count, length, dimension, type or offset field of the unchanged layout.
                long at = field(random);
                long value = interesting(random);
                boolean wide = random.nextBoolean();
                if (at + (wide ? 8 : 4) <= bytes.length) {
                    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                    if (wide) b.putLong((int) at, value);
                    else b.putInt((int) at, (int) value);
                }
                done.add((wide ? "u64" : "u32") + " at " + at + " := " + Long.toUnsignedString(wide ? value : value & 0xFFFFFFFFL));
                return bytes;
            }
            default: {
                String key = KEYS.get(random.nextInt(KEYS.size()));
                long at = LAYOUT.value(key) - 4;
                int type = random.nextInt(4) == 0 ? (int) interesting(random) : random.nextInt(14);
                if (at + 4 <= bytes.length) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt((int) at, type);
                done.add("type id of " + key + " := " + type);
                return bytes;
            }
        }
    }

    /** A place in the file: in the header and tables four times in five. */

    /** Where a structural number sits in the unchanged file. */
    private static long field(SplittableRandom random) {
        switch (random.nextInt(5)) {
            case 0:
                return random.nextBoolean() ? Layout.TENSOR_COUNT : Layout.METADATA_COUNT;
            case 1:
                return LAYOUT.entry(KEYS.get(random.nextInt(KEYS.size()))); // a key's length
            case 2: {
                long value = LAYOUT.value(KEYS.get(random.nextInt(KEYS.size())));
                return value + (random.nextBoolean() ? 0 : 4); // a string's length, or an array's element type and count
            }
            default: {
                String name = TENSORS.get(random.nextInt(TENSORS.size()));
                long info = LAYOUT.tensorInfo(name);
                long dims = info + 8 + name.getBytes(StandardCharsets.UTF_8).length;
                int nDims = dimsCount(name);
                // ndims, one dimension, the type, or the offset.
                long[] places = {dims, dims + 4 + 8L * random.nextInt(Math.max(1, nDims)), dims + 4 + 8L * nDims,
                        dims + 8 + 8L * nDims};
                return places[random.nextInt(places.length)];
            }
        }
    }

    private static int dimsCount(String tensor) {
        ByteBuffer b = ByteBuffer.wrap(GOOD).order(ByteOrder.LITTLE_ENDIAN);
        long info = LAYOUT.tensorInfo(tensor);
        return b.getInt((int) (info + 8 + tensor.getBytes(StandardCharsets.UTF_8).length));
    }

    /** Numbers at the edges of what a field may hold. */
    static long interesting(SplittableRandom random) {
        long[] edges = {0, 1, 2, 3, 4, 7, 8, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, 1023, 1024, 4096, 65_535, 65_536,
                0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 1L << 32, 1L << 40, 1L << 62, Long.MAX_VALUE, -1, -2,
                Long.MIN_VALUE, GOOD.length, GOOD.length - 1, GOOD.length + 1, LAYOUT.dataStart()};
        return random.nextInt(5) == 0 ? random.nextLong() : edges[random.nextInt(edges.length)];
    }
}
