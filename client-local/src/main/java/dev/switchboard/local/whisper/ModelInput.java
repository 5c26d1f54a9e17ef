package dev.switchboard.local.whisper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Little-endian reads over a model file through one small buffer, so that checking a model of
 * several gigabytes reads its header, vocabulary and tensor table but never its weights. Every read
 * first checks that its bytes are in the file and names what it was reading when they are not.
 */
final class ModelInput {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    /** File position of the buffer's first byte; the buffer holds [bufferStart, bufferStart + limit). */
    private long bufferStart;
    private long position;

    ModelInput(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        buffer.limit(0);
    }

    long size() {
        return size;
    }

    long position() {
        return position;
    }

    long remaining() {
        return size - position;
    }

    int i32(String what) {
        ByteBuffer b = fill(4, what);
        int at = (int) (position - bufferStart);
        position += 4;
        return b.getInt(at);
    }

    /** A uint32 as a non-negative long. */
    long u32(String what) {
        return i32(what) & 0xFFFFFFFFL;
    }

    /** {@code length} bytes, at most the buffer's size. */
    byte[] bytes(int length, String what) {
        if (length > BUFFER_BYTES) throw new IllegalArgumentException("reads are at most " + BUFFER_BYTES + " bytes");
        ByteBuffer b = fill(length, what);
        byte[] out = new byte[length];
        b.get((int) (position - bufferStart), out);
        position += length;
        return out;
    }

    /** Whether the next {@code length} bytes are exactly {@code expected} (which is at most the buffer's size); advances past them. */
    boolean matches(byte[] expected, long length, String what) {
        require(length, what);
        if (length != expected.length) {
            position += length;
            return false;
        }
        byte[] actual = bytes((int) length, what);
        return java.util.Arrays.equals(actual, expected);
    }

    /** Passes over {@code length} bytes without reading them. */
    void skip(long length, String what) {
        require(length, what);
        position += length;
    }

    /** Fails unless {@code length} more bytes are in the file. */
    void require(long length, String what) {
        if (length < 0 || length > remaining()) throw ModelFormatException.truncated(size, what);
    }

    private ByteBuffer fill(int n, String what) {
        require(n, what);
        if (position >= bufferStart && position + n <= bufferStart + buffer.limit()) return buffer;
        buffer.clear();
        bufferStart = position;
        try {
            while (buffer.position() < n) {
                int read = channel.read(buffer, bufferStart + buffer.position());
                if (read < 0) throw ModelFormatException.truncated(bufferStart + buffer.position(), what);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        return buffer;
    }
}
