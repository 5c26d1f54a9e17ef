package dev.switchboard.local.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Damage to a model file's bytes, shared by the GGUF and whisper mutators: bit flips, inserted and
 * deleted runs, at positions drawn mostly from the first {@code header} bytes (where the structure
 * is). Each says what it did in {@code done}, so a failing case can be read back.
 */
final class ByteDamage {
    private ByteDamage() {}

    static byte[] flipBits(byte[] bytes, int header, SplittableRandom random, List<String> done) {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = position(bytes.length, header, random);
            if (at < bytes.length) bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        done.add(flips + " bit flips");
        return bytes;
    }

    static byte[] insert(byte[] bytes, int header, SplittableRandom random, List<String> done) {
        int at = position(bytes.length, header, random);
        byte[] inserted = new byte[1 + random.nextInt(16)];
        random.nextBytes(inserted);
        done.add(inserted.length + " bytes inserted at " + at);
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    static byte[] delete(byte[] bytes, int header, SplittableRandom random, List<String> done) {
        int at = position(bytes.length, header, random);
        int n = Math.min(bytes.length - at, 1 + random.nextInt(16));
        done.add(n + " bytes deleted at " + at);
        byte[] out = new byte[bytes.length - n];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + n, out, at, bytes.length - at - n);
        return out;
    }

    /** A position in a file of {@code length} bytes, four times in five inside its first {@code header}. */
    static int position(int length, int header, SplittableRandom random) {
        if (length == 0) return 0;
        return random.nextInt(5) > 0 && header > 0 ? random.nextInt(header) : random.nextInt(length);
    }
}
