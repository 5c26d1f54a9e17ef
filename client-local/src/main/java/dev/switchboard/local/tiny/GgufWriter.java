package dev.switchboard.local.tiny;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes GGUF files (little-endian, version 3 unless told otherwise): metadata entries in insertion
 * order, then the tensor table, then the tensor data, each tensor padded to the alignment, exactly as
 * llama.cpp lays them out. For tests of files that are not valid, every part can be set to what no
 * valid file holds: the magic, the version, the counts, a value's raw type and bytes, a tensor's
 * shape, type id, offset and data.
 *
 * <pre>{@code
 * GgufWriter.create()
 *     .put("general.architecture", "llama")
 *     .putU32("llama.block_count", 2)
 *     .tensorF32("output_norm.weight", new long[] {64}, ones)
 *     .write(path);
 * }</pre>
 *
 * <p>{@link #layout()} tells where each part landed, for tests that then cut or patch the bytes.
 */
public final class GgufWriter {
    /** GGUF value types, by the ids the format gives them. */
    public static final int UINT8 = 0, INT8 = 1, UINT16 = 2, INT16 = 3, UINT32 = 4, INT32 = 5, FLOAT32 = 6,
            BOOL = 7, STRING = 8, ARRAY = 9, UINT64 = 10, INT64 = 11, FLOAT64 = 12;
    /** GGML tensor types used here. */
    public static final int GGML_F32 = 0, GGML_F16 = 1;
    public static final int DEFAULT_ALIGNMENT = 32;

    private byte[] magic = "GGUF".getBytes(StandardCharsets.US_ASCII);
    private long version = 3;
    private Long tensorCountOverride;
    private Long metadataCountOverride;
    private int alignment = DEFAULT_ALIGNMENT;
    private final List<Entry> metadata = new ArrayList<>();
    private final List<Tensor> tensors = new ArrayList<>();

    private GgufWriter() {}

    public static GgufWriter create() {
        return new GgufWriter();
    }

    /** A copy that can be changed without changing this writer. */
    public GgufWriter copy() {
        GgufWriter c = new GgufWriter();
        c.magic = magic.clone();
        c.version = version;
        c.tensorCountOverride = tensorCountOverride;
        c.metadataCountOverride = metadataCountOverride;
        c.alignment = alignment;
        c.metadata.addAll(metadata);
        for (Tensor t : tensors) {
            c.tensors.add(t.copy());
        }
        return c;
    }

    // ---- header ----

    public GgufWriter magic(String fourCharacters) {
        this.magic = fourCharacters.getBytes(StandardCharsets.ISO_8859_1);
        return this;
    }

    public GgufWriter version(long version) {
        this.version = version;
        return this;
    }

    /** Writes this tensor count in the header whatever the table holds. */
    public GgufWriter tensorCount(long count) {
        this.tensorCountOverride = count;
        return this;
    }

    /** Writes this metadata count in the header whatever the table holds. */
    public GgufWriter metadataCount(long count) {
        this.metadataCountOverride = count;
        return this;
    }

    /**
     * Pads the data section to this alignment. It is not written as {@code general.alignment} unless
     * asked for; without that key readers assume 32.
     */
    public GgufWriter alignment(int alignment) {
        this.alignment = alignment;
        return this;
    }

    // ---- metadata ----

    public GgufWriter put(String key, String value) {
        return putRaw(key, STRING, string(value));
    }

    public GgufWriter putU32(String key, long value) {
        return putRaw(key, UINT32, le(4).putInt((int) value).array());
    }

    public GgufWriter putI32(String key, int value) {
        return putRaw(key, INT32, le(4).putInt(value).array());
    }

    public GgufWriter putU64(String key, long value) {
        return putRaw(key, UINT64, le(8).putLong(value).array());
    }

    public GgufWriter putF32(String key, float value) {
        return putRaw(key, FLOAT32, le(4).putFloat(value).array());
    }

    public GgufWriter putBool(String key, boolean value) {
        return putRaw(key, BOOL, new byte[] {(byte) (value ? 1 : 0)});
    }

    public GgufWriter putStrings(String key, List<String> values) {
        ByteBuffer b = arrayHeader(STRING, values.size(), values.stream().mapToInt(v -> 8 + utf8(v).length).sum());
        for (String v : values) {
            b.put(string(v));
        }
        return putRaw(key, ARRAY, b.array());
    }

    public GgufWriter putF32s(String key, float[] values) {
        ByteBuffer b = arrayHeader(FLOAT32, values.length, 4 * values.length);
        for (float v : values) {
            b.putFloat(v);
        }
        return putRaw(key, ARRAY, b.array());
    }

    public GgufWriter putI32s(String key, int[] values) {
        ByteBuffer b = arrayHeader(INT32, values.length, 4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return putRaw(key, ARRAY, b.array());
    }

    public GgufWriter putU32s(String key, long[] values) {
        ByteBuffer b = arrayHeader(UINT32, values.length, 4 * values.length);
        for (long v : values) {
            b.putInt((int) v);
        }
        return putRaw(key, ARRAY, b.array());
    }

    /**
     * An entry with any type id and value bytes written as given (for an array: element type, u64
     * length, elements). Replaces an entry of the same key, keeping its place.
     */
    public GgufWriter putRaw(String key, int typeId, byte[] value) {
        Entry entry = new Entry(key, typeId, value.clone());
        int at = indexOf(key);
        if (at >= 0) {
            metadata.set(at, entry);
        } else {
            metadata.add(entry);
        }
        return this;
    }

    /** Adds an entry after the others even if one has the same key (no valid file has two). */
    public GgufWriter appendRaw(String key, int typeId, byte[] value) {
        metadata.add(new Entry(key, typeId, value.clone()));
        return this;
    }

    public GgufWriter remove(String key) {
        int at = indexOf(key);
        if (at < 0) {
            throw new IllegalArgumentException("no metadata entry '" + key + "' to remove");
        }
        metadata.remove(at);
        return this;
    }

    public boolean has(String key) {
        return indexOf(key) >= 0;
    }

    public int metadataSize() {
        return metadata.size();
    }

    private int indexOf(String key) {
        for (int i = 0; i < metadata.size(); i++) {
            if (metadata.get(i).key.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    // ---- tensors ----

    public GgufWriter tensorF32(String name, long[] dims, float[] values) {
        checkCount(name, dims, values.length);
        ByteBuffer b = le(4 * values.length);
        for (float v : values) {
            b.putFloat(v);
        }
        return tensorRaw(name, dims, GGML_F32, b.array());
    }

    public GgufWriter tensorF16(String name, long[] dims, float[] values) {
        checkCount(name, dims, values.length);
        ByteBuffer b = le(2 * values.length);
        for (float v : values) {
            b.putShort(Half.fromFloat(v));
        }
        return tensorRaw(name, dims, GGML_F16, b.array());
    }

    /** A tensor with any shape, type id and data bytes, written as given. */
    public GgufWriter tensorRaw(String name, long[] dims, int typeId, byte[] data) {
        tensors.add(new Tensor(name, dims.clone(), typeId, data.clone(), OptionalLong.empty()));
        return this;
    }

    /** Writes this data offset in the tensor's table entry instead of where its data really is. */
    public GgufWriter tensorOffset(String name, long offset) {
        tensor(name).offsetOverride = OptionalLong.of(offset);
        return this;
    }

    /** Replaces a tensor's shape in its table entry, leaving its data as it is. */
    public GgufWriter tensorDims(String name, long[] dims) {
        tensor(name).dims = dims.clone();
        return this;
    }

    public GgufWriter tensorType(String name, int typeId) {
        tensor(name).typeId = typeId;
        return this;
    }

    /** Renames a tensor in its table entry, keeping its place, shape and data. */
    public GgufWriter renameTensor(String name, String newName) {
        Tensor t = tensor(name);
        tensors.set(tensors.indexOf(t), new Tensor(newName, t.dims, t.typeId, t.data, t.offsetOverride));
        return this;
    }

    public GgufWriter removeTensor(String name) {
        tensors.remove(tensor(name));
        return this;
    }

    public List<String> tensorNames() {
        return tensors.stream().map(t -> t.name).toList();
    }

    // ---- output ----

    public Path write(Path path) {
        try {
            Files.write(path, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    public byte[] toBytes() {
        return serialize().bytes;
    }

    /** Where the parts of the file this writer makes begin. */
    public Layout layout() {
        return serialize().layout;
    }

    /**
     * Byte positions in the written file: of each metadata entry (its key's length prefix) and value
     * (after the type id; the first entry of a key written twice), of each tensor's table entry (its name's length prefix), of the data section
     * and of each tensor's data.
     */
    public record Layout(Map<String, Long> entries, Map<String, Long> values, Map<String, Long> tensorInfos,
            long dataStart, Map<String, Long> tensorData, long size) {
        public static final long VERSION = 4;
        public static final long TENSOR_COUNT = 8;
        public static final long METADATA_COUNT = 16;
        public static final long FIRST_ENTRY = 24;

        public long entry(String key) {
            return require(entries, key);
        }

        public long value(String key) {
            return require(values, key);
        }

        public long tensorInfo(String name) {
            return require(tensorInfos, name);
        }

        public long tensorData(String name) {
            return require(tensorData, name);
        }

        private static long require(Map<String, Long> map, String name) {
            Long at = map.get(name);
            if (at == null) {
                throw new IllegalArgumentException("nothing named '" + name + "' was written");
            }
            return at;
        }
    }

    private Serialized serialize() {
        Sink out = new Sink();
        Map<String, Long> entries = new LinkedHashMap<>();
        Map<String, Long> values = new LinkedHashMap<>();
        Map<String, Long> infos = new LinkedHashMap<>();
        Map<String, Long> data = new LinkedHashMap<>();
        out.put(magic);
        out.put(le(4).putInt((int) version).array());
        out.put(le(8).putLong(tensorCountOverride != null ? tensorCountOverride : tensors.size()).array());
        out.put(le(8).putLong(metadataCountOverride != null ? metadataCountOverride : metadata.size()).array());
        for (Entry e : metadata) {
            entries.putIfAbsent(e.key, (long) out.size());
            out.put(string(e.key));
            out.put(le(4).putInt(e.typeId).array());
            values.putIfAbsent(e.key, (long) out.size());
            out.put(e.value);
        }
        long offset = 0;
        List<Long> offsets = new ArrayList<>();
        for (Tensor t : tensors) {
            infos.put(t.name, (long) out.size());
            out.put(string(t.name));
            out.put(le(4).putInt(t.dims.length).array());
            for (long d : t.dims) {
                out.put(le(8).putLong(d).array());
            }
            out.put(le(4).putInt(t.typeId).array());
            out.put(le(8).putLong(t.offsetOverride.orElse(offset)).array());
            offsets.add(offset);
            offset = pad(offset + t.data.length);
        }
        if (!tensors.isEmpty()) {
            out.padTo(alignment);
        }
        long dataStart = out.size();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            data.put(t.name, dataStart + offsets.get(i));
            out.put(t.data);
            out.padTo(alignment);
        }
        Layout layout = new Layout(entries, values, infos, dataStart, data, out.size());
        return new Serialized(out.toByteArray(), layout);
    }

    private long pad(long n) {
        return (n + alignment - 1) / alignment * alignment;
    }

    private Tensor tensor(String name) {
        for (Tensor t : tensors) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no tensor '" + name + "'");
    }

    private static void checkCount(String name, long[] dims, int count) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape of " + n + " elements but " + count
                    + " values were given");
        }
    }

    private static ByteBuffer arrayHeader(int elementType, int length, int elementBytes) {
        return le(4 + 8 + elementBytes).putInt(elementType).putLong(length);
    }

    private static byte[] string(String s) {
        byte[] bytes = utf8(s);
        return le(8 + bytes.length).putLong(bytes.length).put(bytes).array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private record Entry(String key, int typeId, byte[] value) {}

    private record Serialized(byte[] bytes, Layout layout) {}

    private static final class Tensor {
        final String name;
        long[] dims;
        int typeId;
        final byte[] data;
        OptionalLong offsetOverride;

        Tensor(String name, long[] dims, int typeId, byte[] data, OptionalLong offsetOverride) {
            this.name = name;
            this.dims = dims;
            this.typeId = typeId;
            this.data = data;
            this.offsetOverride = offsetOverride;
        }

        Tensor copy() {
            return new Tensor(name, dims.clone(), typeId, data, offsetOverride);
        }
    }

    /** A growing byte array. */
    private static final class Sink {
        private byte[] bytes = new byte[4096];
        private int size;

        void put(byte[] b) {
            if (size + b.length > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void padTo(int alignment) {
            int padded = (size + alignment - 1) / alignment * alignment;
            put(new byte[padded - size]);
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }
    }
}
