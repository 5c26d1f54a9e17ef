package dev.switchboard.local.fuzz;

import dev.switchboard.local.tiny.TinyWhisper;
import dev.switchboard.local.tiny.WhisperGgmlWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Broken variants of the tiny whisper model (whisper.cpp's ggml format), drawn from a seed:
 * hyperparameters, filter-bank sizes, the vocabulary's count and tokens, tensor dimensions, types,
 * names and order set to odd values, tensors removed, bytes trailing; and damage to the bytes
 * themselves: bit flips, insertions, deletions, the file cut short (mostly before the tensor data).
 */
final class WhisperMutations {
    static final WhisperGgmlWriter BASE = TinyWhisper.builder().seed(5).build().writer();
    static final byte[] GOOD = BASE.bytes();
    static final WhisperGgmlWriter.Layout LAYOUT = BASE.layout();
    private static final String[] HPARAMS = {"n_vocab", "n_audio_ctx", "n_audio_state", "n_audio_head", "n_audio_layer",
            "n_text_ctx", "n_text_state", "n_text_head", "n_text_layer", "n_mels", "ftype"};

    /** One broken file and what was done to it. */
    record Mutant(String description, byte[] bytes) {}

    private WhisperMutations() {}

    static Mutant of(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> done = new ArrayList<>();
        byte[] bytes;
        if (random.nextInt(10) < 6) {
            WhisperGgmlWriter w = BASE.copy();
            int edits = random.nextInt(4) == 0 ? 2 : 1;
            for (int i = 0; i < edits; i++) done.add(edit(w, random));
            bytes = w.bytes();
        } else {
            bytes = damage(GOOD.clone(), random, done);
            if (random.nextInt(4) == 0) bytes = damage(bytes, random, done);
        }
        return new Mutant(String.join("; ", done), bytes);
    }

    private static String edit(WhisperGgmlWriter w, SplittableRandom random) {
        List<WhisperGgmlWriter.Tensor> tensors = w.tensors();
        WhisperGgmlWriter.Tensor t = tensors.get(random.nextInt(tensors.size()));
        switch (random.nextInt(10)) {
            case 0:
            case 1: {
                int index = random.nextInt(HPARAMS.length);
                int value = random.nextInt(3) == 0 ? w.hparam(index) + random.nextInt(5) - 2 : (int) GgufMutations.interesting(random);
                w.hparam(index, value);
                return HPARAMS[index] + " := " + value;
            }
            case 2: {
                int mels = random.nextBoolean() ? (int) GgufMutations.interesting(random) : random.nextInt(200);
                int ffts = random.nextBoolean() ? (int) GgufMutations.interesting(random) : random.nextInt(400);
                w.filterSizes(mels, ffts);
                return "filter sizes := " + mels + " x " + ffts;
            }
            case 3: {
                int count = random.nextBoolean() ? (int) GgufMutations.interesting(random) : w.vocabularySize() + random.nextInt(5) - 2;
                w.vocabularyCount(count);
                return "vocabulary count := " + count;
            }
            case 4: {
                int id = random.nextInt(w.vocabularySize());
                String token = new String[] {"", " ", "\u0000", "x".repeat(300), "\uFFFD", "<|endoftext|>", "\uD83D\uDE00"}[random.nextInt(7)];
                w.token(id, token);
                return "token " + id + " := '" + token.substring(0, Math.min(10, token.length())) + "'";
            }
            case 5: {
                int[] ne = t.ne.clone();
                int d = random.nextInt(ne.length);
                ne[d] = random.nextBoolean() ? (int) GgufMutations.interesting(random) : ne[d] + random.nextInt(5) - 2;
                t.ne = ne;
                return "dims of " + t.name + " := " + Arrays.toString(ne);
            }
            case 6: {
                t.type = random.nextInt(4) == 0 ? (int) GgufMutations.interesting(random) : random.nextInt(40);
                return "type of " + t.name + " := " + t.type;
            }
            case 7: {
                if (random.nextBoolean()) {
                    t.nDims = (int) GgufMutations.interesting(random);
                    return "n_dims of " + t.name + " := " + t.nDims;
                }
                t.nameLength = (int) GgufMutations.interesting(random);
                return "name length of " + t.name + " := " + t.nameLength;
            }
            case 8: {
                if (random.nextBoolean()) {
                    w.removeTensor(t.name);
                    return "removed " + t.name;
                }
                WhisperGgmlWriter.Tensor other = tensors.get(random.nextInt(tensors.size()));
                String name = t.name;
                t.name = other.name;
                return "renamed " + name + " to " + other.name;
            }
            default: {
                byte[] trailing = new byte[1 + random.nextInt(64)];
                random.nextBytes(trailing);
                w.trailing(trailing);
                return trailing.length + " trailing bytes";
            }
        }
    }

    private static byte[] damage(byte[] bytes, SplittableRandom random, List<String> done) {
        int header = Math.min(bytes.length, LAYOUT.tensors + 2_000);
        switch (random.nextInt(5)) {
            case 0:
                return ByteDamage.flipBits(bytes, header, random, done);
            case 1:
                return ByteDamage.insert(bytes, header, random, done);
            case 2:
                return ByteDamage.delete(bytes, header, random, done);
            case 3: {
                int length = random.nextInt(8) == 0 ? random.nextInt(bytes.length) : ByteDamage.position(bytes.length, header, random);
                done.add("cut to " + length + " bytes");
                return Arrays.copyOf(bytes, length);
            }
            default: {
                // A header, filter, vocabulary or tensor-entry field.
                int[] fields = {4 + 4 * random.nextInt(11), LAYOUT.filters, LAYOUT.filters + 4, LAYOUT.vocabulary,
                        LAYOUT.vocabulary + 4, LAYOUT.tensors, LAYOUT.tensors + 4, LAYOUT.tensors + 8, LAYOUT.tensors + 12};
                int at = fields[random.nextInt(fields.length)];
                int value = (int) GgufMutations.interesting(random);
                if (at + 4 <= bytes.length) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
                done.add("int32 at " + at + " := " + value);
                return bytes;
            }
        }
    }

}
