package dev.switchboard.local.tiny;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ONNX models: a graph of standard operators with named, typed inputs and outputs
 * (fixed or named dimensions) and float initializers, encoded as the {@code onnx.ModelProto}
 * protobuf by hand (field numbers from onnx.proto3). Enough for tests to build models with the real
 * input and output names and shapes of a pipeline, and random weights.
 */
public final class OnnxGraph {
    public static final int FLOAT = 1;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int FLOAT16 = 10;

    private final String name;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;

    private OnnxGraph(String name) {
        this.name = name;
    }

    public static OnnxGraph named(String name) {
        return new OnnxGraph(name);
    }

    /** An input; each dimension is a Number (fixed) or a String (named, free). */
    public OnnxGraph input(String name, int elementType, Object... dims) {
        inputs.add(valueInfo(name, elementType, dims));
        return this;
    }

    public OnnxGraph output(String name, int elementType, Object... dims) {
        outputs.add(valueInfo(name, elementType, dims));
        return this;
    }

    public OnnxGraph floats(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) raw.putFloat(v);
        initializers.add(tensor(name, FLOAT, dims, raw.array()));
        return this;
    }

    public OnnxGraph longs(String name, long[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) raw.putLong(v);
        initializers.add(tensor(name, INT64, dims, raw.array()));
        return this;
    }

    /** A node {@code op(inputs) -> outputs} with attributes made by {@link #ints}, {@link #integer}, {@link #real}. */
    public OnnxGraph node(String op, List<String> in, List<String> out, byte[]... attributes) {
        Proto p = new Proto();
        for (String s : in) p.string(1, s);
        for (String s : out) p.string(2, s);
        p.string(3, op + "_" + counter++);
        p.string(4, op);
        for (byte[] a : attributes) p.bytes(5, a);
        nodes.add(p.toBytes());
        return this;
    }

    public static byte[] ints(String name, long... values) {
        Proto p = new Proto().string(1, name);
        for (long v : values) p.varint(8, v);
        return p.varint(20, 7).toBytes();
    }

    public static byte[] integer(String name, long value) {
        return new Proto().string(1, name).varint(3, value).varint(20, 2).toBytes();
    }

    public static byte[] real(String name, float value) {
        return new Proto().string(1, name).fixed32(2, Float.floatToIntBits(value)).varint(20, 1).toBytes();
    }

    /** The model: IR version 8, the default operator set at {@code opset}. */
    public byte[] toBytes(int opset) {
        Proto graph = new Proto();
        for (byte[] n : nodes) graph.bytes(1, n);
        graph.string(2, name);
        for (byte[] t : initializers) graph.bytes(5, t);
        for (byte[] i : inputs) graph.bytes(11, i);
        for (byte[] o : outputs) graph.bytes(12, o);
        Proto model = new Proto();
        model.varint(1, 8);
        model.string(2, "switchboard-tests");
        model.bytes(7, graph.toBytes());
        model.bytes(8, new Proto().string(1, "").varint(2, opset).toBytes());
        return model.toBytes();
    }

    public Path write(Path file, int opset) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, toBytes(opset));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] tensor(String name, int type, long[] dims, byte[] raw) {
        Proto p = new Proto();
        for (long d : dims) p.varint(1, d);
        p.varint(2, type);
        p.string(8, name);
        p.bytes(9, raw);
        return p.toBytes();
    }

    private static byte[] valueInfo(String name, int elementType, Object... dims) {
        Proto shape = new Proto();
        for (Object d : dims) {
            Proto dim = new Proto();
            if (d instanceof Number) {
                dim.varint(1, ((Number) d).longValue());
            } else {
                dim.string(2, String.valueOf(d));
            }
            shape.bytes(1, dim.toBytes());
        }
        byte[] tensorType = new Proto().varint(1, elementType).bytes(2, shape.toBytes()).toBytes();
        byte[] type = new Proto().bytes(1, tensorType).toBytes();
        return new Proto().string(1, name).bytes(2, type).toBytes();
    }

    /** Protobuf's wire format: varints, length-delimited fields and fixed32s. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            rawVarint((long) field << 3);
            rawVarint(value);
            return this;
        }

        Proto fixed32(int field, int bits) {
            rawVarint(((long) field << 3) | 5);
            for (int i = 0; i < 4; i++) out.write((bits >>> (8 * i)) & 0xff);
            return this;
        }

        Proto bytes(int field, byte[] value) {
            rawVarint(((long) field << 3) | 2);
            rawVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        private void rawVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
