package dev.switchboard.local.gguf;

import dev.switchboard.local.internal.ModelFileInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

/**
 * What the checks need to know about the vocabulary ({@code tokenizer.ggml.tokens}) without keeping
 * its strings: how many tokens there are, which bytes have a byte token ({@code <0x0A>}) or a token
 * made of that single byte, which tokens are spelled as byte tokens, and a 64-bit hash and the file
 * position of each token, so that duplicates (llama.cpp aborts on them) are found in little memory
 * and confirmed by reading the two strings again.
 */
final class TokenTable {
    private long[] hashes = new long[1024];
    private long[] positions = new long[1024];
    private int count;
    private final int[] byteToken = filled(256);
    private final int[] singleByteToken = filled(256);
    /** The ids of tokens spelled {@code <0xXX>}. */
    private final BitSet spelledAsByte = new BitSet();

    /** Records the next token: its text, and the file position where its text (after the length) starts. */
    void add(byte[] text, long position) {
        if (count == hashes.length) {
            hashes = Arrays.copyOf(hashes, count * 2);
            positions = Arrays.copyOf(positions, count * 2);
        }
        int id = count++;
        hashes[id] = hash(text);
        positions[id] = position;
        int b = byteSpelled(text);
        if (b >= 0) {
            spelledAsByte.set(id);
            if (byteToken[b] < 0) {
                byteToken[b] = id;
            }
        }
        if (text.length == 1 && singleByteToken[text[0] & 0xFF] < 0) {
            singleByteToken[text[0] & 0xFF] = id;
        }
    }

    int count() {
        return count;
    }

    boolean isSpelledAsByte(int id) {
        return spelledAsByte.get(id);
    }

    /**
     * The first byte value that has neither a {@code <0xXX>} token nor a one-byte token, or -1. The
     * SentencePiece tokenizer of llama.cpp falls back to these for any character its pieces lack.
     */
    int firstByteWithoutToken() {
        for (int b = 0; b < 256; b++) {
            // a one-byte token for the byte 0 would be the empty C string, which no token is
            if (byteToken[b] < 0 && (b == 0 || singleByteToken[b] < 0)) {
                return b;
            }
        }
        return -1;
    }

    /**
     * Two ids of tokens with the same text, or null. Empty tokens are left out (llama.cpp renames each
     * to a unique placeholder).
     */
    int[] duplicate(ModelFileInput in) {
        long emptyHash = hash(new byte[0]);
        long[] sorted = Arrays.copyOf(hashes, count);
        Arrays.sort(sorted);
        for (int k = 1; k < count; k++) {
            long h = sorted[k];
            if (h != sorted[k - 1] || h == emptyHash || (k > 1 && h == sorted[k - 2])) {
                continue;
            }
            int[] pair = sameText(in, h);
            if (pair != null) {
                return pair;
            }
        }
        return null;
    }

    /** Among the tokens whose hash is {@code h}, two with equal text, or null (a mere hash collision). */
    private int[] sameText(ModelFileInput in, long h) {
        int[] ids = new int[0];
        for (int i = 0; i < count; i++) {
            if (hashes[i] == h) {
                ids = Arrays.copyOf(ids, ids.length + 1);
                ids[ids.length - 1] = i;
            }
        }
        for (int a = 0; a < ids.length; a++) {
            for (int b = a + 1; b < ids.length; b++) {
                if (Arrays.equals(textAt(in, ids[a]), textAt(in, ids[b]))) {
                    return new int[] {ids[a], ids[b]};
                }
            }
        }
        return null;
    }

    String textOf(ModelFileInput in, int id) {
        return new String(textAt(in, id), StandardCharsets.UTF_8);
    }

    private byte[] textAt(ModelFileInput in, int id) {
        long saved = in.position();
        in.seek(positions[id] - 8);
        long length = in.i64("token " + id);
        byte[] text = in.bytes((int) length, "token " + id);
        in.seek(saved);
        return text;
    }

    /** The byte a token spelled {@code <0xXX>} (upper-case hex, as llama.cpp writes them) stands for, or -1. */
    static int byteSpelled(byte[] t) {
        if (t.length != 6 || t[0] != '<' || t[1] != '0' || t[2] != 'x' || t[5] != '>') {
            return -1;
        }
        int hi = hexDigit(t[3]);
        int lo = hexDigit(t[4]);
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** FNV-1a with a final avalanche; collisions are confirmed byte for byte. */
    private static long hash(byte[] text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= text.length;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
