package dev.switchboard.local.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Little-endian reads over a model file through one small buffer, so that checking a model of
 * several gigabytes (GGUF, whisper's ggml) reads its header and tables but never its weights. Every
 * read first checks that the bytes are in the file and names what it was reading when they are not.
 */
public final class ModelFileInput {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    /** File position of {@code buffer}'s first byte; the buffer holds [bufferStart, bufferStart + limit). */
    private long bufferStart;
    private long position;

    public ModelFileInput(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        buffer.limit(0);
    }

    public long size() {
        return size;
    }

    public long position() {
        return position;
    }

    public long remaining() {
        return size - position;
    }

    public void seek(long newPosition) {
        position = newPosition;
    }

    public int u8(String what) {
        return fill(1, what).get(offset(1)) & 0xFF;
    }

    public int u16(String what) {
        return fill(2, what).getShort(offset(2)) & 0xFFFF;
    }

    /** A u32 as a non-negative long. */
    public long u32(String what) {
        return fill(4, what).getInt(offset(4)) & 0xFFFFFFFFL;
    }

    public int i32(String what) {
        return fill(4, what).getInt(offset(4));
    }

    /** A 64-bit value; a u64 above {@code Long.MAX_VALUE} comes back negative. */
    public long i64(String what) {
        return fill(8, what).getLong(offset(8));
    }

    public float f32(String what) {
        return fill(4, what).getFloat(offset(4));
    }

    public double f64(String what) {
        return fill(8, what).getDouble(offset(8));
    }

    /** {@code length} bytes as UTF-8 text (malformed bytes become U+FFFD, as a reader of names may show them). */
    public String utf8(int length, String what) {
        return new String(bytes(length, what), StandardCharsets.UTF_8);
    }

    public byte[] bytes(int length, String what) {
        require(length, what);
        byte[] out = new byte[length];
        if (length <= BUFFER_BYTES) {
            fill(length, what).get(offset(length), out);
            return out;
        }
        ByteBuffer target = ByteBuffer.wrap(out);
        try {
            while (target.hasRemaining()) {
                int n = channel.read(target, position + target.position());
                if (n < 0) {
                    throw ModelFormatException.truncated(position + target.position(), what);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position += length;
        return out;
    }

    /** Passes over {@code length} bytes without reading them. */
    public void skip(long length, String what) {
        require(length, what);
        position += length;
    }

    /** Fails unless {@code length} more bytes are in the file. */
    /** Whether the next {@code length} bytes are exactly {@code expected}; advances past them either way. */
    public boolean matches(byte[] expected, long length, String what) {
        require(length, what);
        if (length != expected.length) {
            position += length;
            return false;
        }
        return Arrays.equals(bytes((int) length, what), expected);
    }

    public void require(long length, String what) {
        if (length < 0 || length > remaining()) {
            throw ModelFormatException.truncated(size, what);
        }
    }

    /** Makes the buffer hold [position, position + n) and returns it. */
    private ByteBuffer fill(int n, String what) {
        require(n, what);
        if (position >= bufferStart && position + n <= bufferStart + buffer.limit()) {
            return buffer;
        }
        buffer.clear();
        bufferStart = position;
        try {
            while (buffer.position() < n) {
                int read = channel.read(buffer, bufferStart + buffer.position());
                if (read < 0) {
                    throw ModelFormatException.truncated(bufferStart + buffer.position(), what);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        return buffer;
    }

    /** The buffer index of the current position, advancing the position by {@code n}. */
    private int offset(int n) {
        int at = (int) (position - bufferStart);
        position += n;
        return at;
    }
}
