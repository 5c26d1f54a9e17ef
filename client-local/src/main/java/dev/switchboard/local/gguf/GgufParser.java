package dev.switchboard.local.gguf;

import dev.switchboard.local.internal.ModelFileInput;
import dev.switchboard.local.internal.ModelFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a GGUF header (versions 2 and 3) and checks its structure as llama.cpp b4916's
 * {@code gguf_init_from_file} would, and more strictly where that code would allocate what the file
 * claims or abort: magic, version, counts, every metadata entry (types, string and array lengths, nothing
 * past the end of the file), the tensor table (names, shapes, types, offsets), and that every tensor's
 * data lies inside the file. Tensor data is never read.
 */
final class GgufParser {
    static final String TOKENS = "tokenizer.ggml.tokens";
    static final String TOKEN_TYPES = "tokenizer.ggml.token_type";
    static final String ALIGNMENT = "general.alignment";

    /** More than any model has; keeps a corrupt count from being believed. */
    static final long MAX_ENTRIES = 1 << 20;
    static final long MAX_KEY_BYTES = 65_535;
    /** llama.cpp's own limit on one string (GGUF_MAX_STRING_LENGTH). */
    static final long MAX_STRING_BYTES = 1L << 30;
    /** llama.cpp's own limit on one array (GGUF_MAX_ARRAY_ELEMENTS). */
    static final long MAX_ARRAY_ELEMENTS = 1L << 30;
    static final int MAX_TOKEN_BYTES = 65_535;
    static final int MAX_VOCABULARY = 1 << 22;
    /** ggml's GGML_MAX_NAME is 64, including the terminating zero. */
    static final int MAX_TENSOR_NAME_BYTES = 63;
    static final int MAX_DIMS = 4;
    static final long DEFAULT_ALIGNMENT = 32;
    /** Strings longer than this (none that a loader reads) are checked but not kept. */
    private static final int KEEP_STRING_BYTES = 4 << 20;
    /** Numeric arrays up to this length (per-layer settings) are kept. */
    private static final int KEEP_ARRAY_ELEMENTS = 4096;
    private static final int MIN_ENTRY_BYTES = 8 + 1 + 4 + 1;
    private static final int MIN_TENSOR_INFO_BYTES = 8 + 4 + 4 + 8;

    private final ModelFileInput in;
    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private TokenTable tokens;
    private int[] tokenTypes;

    private GgufParser(ModelFileInput in) {
        this.in = in;
    }

    static GgufContents parse(ModelFileInput in) {
        return new GgufParser(in).parse();
    }

    private GgufContents parse() {
        checkMagic();
        int version = readVersion();
        long tensorCount = readCount("tensor count", "tensors", MIN_TENSOR_INFO_BYTES);
        long entryCount = readCount("metadata count", "metadata entries", MIN_ENTRY_BYTES);
        Map<String, Integer> entryIndex = new HashMap<>();
        for (int i = 0; i < entryCount; i++) {
            readEntry(i, entryIndex);
        }
        long alignment = alignment();
        List<TensorInfo> tensors = new ArrayList<>((int) Math.min(tensorCount, 4096));
        Map<String, Integer> tensorIndex = new HashMap<>();
        for (int i = 0; i < tensorCount; i++) {
            tensors.add(readTensorInfo(i, tensorIndex));
        }
        long dataOffset = alignUp(in.position(), alignment);
        checkTensorData(tensors, alignment, dataOffset);
        return new GgufContents(version, Collections.unmodifiableMap(metadata), List.copyOf(tensors), tokens, tokenTypes,
                alignment, dataOffset, in.size());
    }

    private void checkMagic() {
        if (in.size() < 4) {
            throw new ModelFormatException("the file has " + in.size()
                    + " bytes, too few for a GGUF file, which starts with the 4 bytes 'GGUF'");
        }
        byte[] magic = in.bytes(4, "the magic");
        if (!Arrays.equals(magic, "GGUF".getBytes(StandardCharsets.US_ASCII))) {
            throw new ModelFormatException("it starts with " + printable(magic)
                    + " where a GGUF file starts with 'GGUF'; it is not a GGUF model (files of the older"
                    + " GGML/GGJT formats must be converted to GGUF)");
        }
    }

    private int readVersion() {
        long version = in.u32("the GGUF version");
        if (version != 0 && (version & 0xFFFF) == 0) {
            throw new ModelFormatException("its GGUF version reads as " + version
                    + ", which means a big-endian file; llama.cpp on this machine needs a little-endian GGUF");
        }
        if (version == 1) {
            throw new ModelFormatException("it is GGUF version 1, which llama.cpp no longer reads;"
                    + " convert the model again with a current llama.cpp");
        }
        if (version != 2 && version != 3) {
            throw new ModelFormatException("it declares GGUF version " + version
                    + "; the llama.cpp build here (b4916) reads versions 2 and 3");
        }
        return (int) version;
    }

    private long readCount(String what, String things, int minBytesEach) {
        long count = in.i64("the " + what);
        if (count < 0 || count > MAX_ENTRIES) {
            throw new ModelFormatException("the header declares " + Long.toUnsignedString(count) + " " + things
                    + "; a model has between 0 and " + MAX_ENTRIES);
        }
        if (count > in.remaining() / minBytesEach) {
            throw new ModelFormatException("the header declares " + count + " " + things + ", but the "
                    + in.remaining() + " bytes after it cannot hold them (each takes at least " + minBytesEach
                    + " bytes); the file is truncated or its header is corrupt");
        }
        return count;
    }

    private void readEntry(int index, Map<String, Integer> entryIndex) {
        String where = "the key of metadata entry " + index;
        long keyLength = in.i64(where);
        if (keyLength == 0) {
            throw new ModelFormatException("metadata entry " + index + " has an empty key");
        }
        if (keyLength < 0 || keyLength > MAX_KEY_BYTES) {
            throw new ModelFormatException("the key of metadata entry " + index + " claims "
                    + Long.toUnsignedString(keyLength) + " bytes; keys are at most " + MAX_KEY_BYTES);
        }
        String key = in.utf8((int) keyLength, where);
        Integer previous = entryIndex.putIfAbsent(key, index);
        if (previous != null) {
            throw new ModelFormatException("the key '" + key + "' appears twice (metadata entries " + previous
                    + " and " + index + ")");
        }
        GgufType type = readType(key, "type");
        GgufValue value = type == GgufType.ARRAY ? readArray(key) : GgufValue.scalar(type, readScalar(key, type));
        metadata.put(key, value);
    }

    private GgufType readType(String key, String which) {
        long id = in.u32("the " + which + " of key '" + key + "'");
        GgufType type = GgufType.byId(id);
        if (type == null) {
            throw new ModelFormatException("the key '" + key + "' has " + which + " " + id
                    + ", which is no GGUF type (they are 0 to 12)");
        }
        return type;
    }

    private Object readScalar(String key, GgufType type) {
        String what = "the value of key '" + key + "'";
        switch (type) {
            case UINT8: return (long) in.u8(what);
            case INT8: return (long) (byte) in.u8(what);
            case UINT16: return (long) in.u16(what);
            case INT16: return (long) (short) in.u16(what);
            case UINT32: return in.u32(what);
            case INT32: return (long) in.i32(what);
            case UINT64: case INT64: return in.i64(what);
            case FLOAT32: return (double) in.f32(what);
            case FLOAT64: return in.f64(what);
            case BOOL: return in.u8(what) != 0;
            case STRING: return readString(what, true);
            default: throw new IllegalStateException(type.name());
        }
    }

    /** Reads a string value, or checks and passes over it ({@code keep} false, or too long to keep: null). */
    private String readString(String what, boolean keep) {
        long length = in.i64(what);
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new ModelFormatException(what + " claims a string of " + Long.toUnsignedString(length)
                    + " bytes; strings are at most " + MAX_STRING_BYTES);
        }
        if (length > in.remaining()) {
            throw new ModelFormatException(what + " claims a string of " + length + " bytes, but only "
                    + in.remaining() + " bytes are left in the file; it is truncated or corrupt");
        }
        if (keep && length <= KEEP_STRING_BYTES) {
            return in.utf8((int) length, what);
        }
        in.skip(length, what);
        return null;
    }

    private GgufValue readArray(String key) {
        GgufType elementType = readType(key, "element type");
        String what = "the value of key '" + key + "'";
        if (elementType == GgufType.ARRAY) {
            throw new ModelFormatException("the key '" + key + "' holds an array of arrays, which llama.cpp does not read");
        }
        long length = in.i64(what);
        if (length < 0 || length > MAX_ARRAY_ELEMENTS || length > in.remaining() / elementType.minBytes) {
            throw new ModelFormatException("the key '" + key + "' claims an array of " + Long.toUnsignedString(length)
                    + " " + elementType.shortName() + " elements, more than the " + in.remaining()
                    + " bytes left in the file can hold; it is truncated or corrupt");
        }
        if (key.equals(TOKENS) && elementType == GgufType.STRING) {
            readTokens(length);
            return GgufValue.array(elementType, length, null);
        }
        if (key.equals(TOKEN_TYPES) && elementType == GgufType.INT32 && length <= MAX_VOCABULARY) {
            tokenTypes = new int[(int) length];
            for (int i = 0; i < length; i++) {
                tokenTypes[i] = in.i32(what);
            }
            return GgufValue.array(elementType, length, null);
        }
        if (elementType == GgufType.STRING) {
            for (long i = 0; i < length; i++) {
                readString("element " + i + " of key '" + key + "'", false);
            }
            return GgufValue.array(elementType, length, null);
        }
        if (length > KEEP_ARRAY_ELEMENTS) {
            in.skip(length * elementType.minBytes, what);
            return GgufValue.array(elementType, length, null);
        }
        if (elementType.isFloat()) {
            double[] values = new double[(int) length];
            for (int i = 0; i < length; i++) {
                values[i] = (Double) readScalar(key, elementType);
            }
            return GgufValue.array(elementType, length, values);
        }
        long[] values = new long[(int) length];
        for (int i = 0; i < length; i++) {
            Object v = readScalar(key, elementType);
            values[i] = v instanceof Boolean ? ((Boolean) v ? 1 : 0) : (Long) v;
        }
        return GgufValue.array(elementType, length, values);
    }

    private void readTokens(long count) {
        if (count > MAX_VOCABULARY) {
            throw new ModelFormatException("the vocabulary (" + TOKENS + ") has " + count
                    + " tokens; this reader accepts at most " + MAX_VOCABULARY);
        }
        tokens = new TokenTable();
        for (int i = 0; i < count; i++) {
            String what = "token " + i + " of " + TOKENS;
            long length = in.i64(what);
            if (length < 0 || length > MAX_TOKEN_BYTES) {
                throw new ModelFormatException(what + " claims " + Long.toUnsignedString(length)
                        + " bytes; tokens are at most " + MAX_TOKEN_BYTES);
            }
            long position = in.position();
            tokens.add(in.bytes((int) length, what), position);
        }
        int[] duplicate = tokens.duplicate(in);
        if (duplicate != null) {
            throw new ModelFormatException("tokens " + duplicate[0] + " and " + duplicate[1] + " of " + TOKENS
                    + " are both '" + tokens.textOf(in, duplicate[0])
                    + "'; llama.cpp aborts on a vocabulary with a repeated token");
        }
    }

    private long alignment() {
        GgufValue value = metadata.get(ALIGNMENT);
        if (value == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (value.type() != GgufType.UINT32) {
            throw new ModelFormatException(ALIGNMENT + " must be a u32, not " + value.describe());
        }
        long alignment = (Long) value.value();
        if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
            throw new ModelFormatException(ALIGNMENT + " is " + alignment + ", which is not a power of 2");
        }
        return alignment;
    }

    private TensorInfo readTensorInfo(int index, Map<String, Integer> tensorIndex) {
        String where = "the name of tensor " + index;
        long nameLength = in.i64(where);
        if (nameLength < 0 || nameLength > MAX_TENSOR_NAME_BYTES) {
            throw new ModelFormatException("the name of tensor " + index + " claims "
                    + Long.toUnsignedString(nameLength) + " bytes; llama.cpp allows at most " + MAX_TENSOR_NAME_BYTES);
        }
        String name = in.utf8((int) nameLength, where);
        Integer previous = tensorIndex.putIfAbsent(name, index);
        if (previous != null) {
            throw new ModelFormatException("the tensor name '" + name + "' appears twice (tensors " + previous
                    + " and " + index + ")");
        }
        String tensor = "tensor '" + name + "'";
        long nDims = in.u32("the shape of " + tensor);
        if (nDims < 1 || nDims > MAX_DIMS) {
            throw new ModelFormatException(tensor + " has " + nDims + " dimensions; a tensor has 1 to " + MAX_DIMS);
        }
        long[] dims = new long[(int) nDims];
        long elements = 1;
        for (int d = 0; d < nDims; d++) {
            dims[d] = in.i64("the shape of " + tensor);
            if (dims[d] <= 0) {
                throw new ModelFormatException(tensor + " has " + dims[d] + " elements in dimension " + d
                        + "; every dimension needs at least 1");
            }
            elements = multiplyOrFail(elements, dims[d], tensor, dims);
        }
        long typeId = in.u32("the type of " + tensor);
        GgmlType type = GgmlType.byId(typeId);
        if (type == null) {
            throw new ModelFormatException(tensor + " has type " + typeId
                    + ", which the llama.cpp build here (b4916) does not know (its types are 0 to "
                    + (GgmlType.count() - 1) + "); it needs a newer llama.cpp");
        }
        if (type.removed()) {
            throw new ModelFormatException(tensor + " has type " + type + " (" + typeId
                    + "), which the llama.cpp build here (b4916) no longer reads; quantize the model again");
        }
        if (!type.computable()) {
            throw new ModelFormatException(tensor + " has type " + type + " (" + typeId + "); llama.cpp computes with"
                    + " float and quantized tensors only, and crashes on one of this type");
        }
        if (dims[0] % type.blockSize != 0) {
            throw new ModelFormatException(tensor + " of type " + type + " has rows of " + dims[0]
                    + " elements, not a multiple of its block size " + type.blockSize);
        }
        long byteSize = multiplyOrFail(elements / type.blockSize, type.typeSize, tensor, dims);
        long offset = in.i64("the data offset of " + tensor);
        return new TensorInfo(name, dims, type, offset, byteSize);
    }

    private static long multiplyOrFail(long a, long b, String tensor, long[] dims) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new ModelFormatException(tensor + " has shape " + Arrays.toString(dims)
                    + ", too large to address in 64 bits");
        }
    }

    /**
     * llama.cpp lays tensors out one after another in table order, each padded to the alignment, and
     * refuses a file whose offsets say otherwise; then it maps each tensor's bytes from the file.
     */
    private void checkTensorData(List<TensorInfo> tensors, long alignment, long dataOffset) {
        if (tensors.isEmpty()) {
            return;
        }
        if (dataOffset > in.size()) {
            throw new ModelFormatException("the tensor data would start at byte " + dataOffset
                    + ", past the end of the file (" + in.size() + " bytes); it is truncated: download it again");
        }
        long expected = 0;
        for (TensorInfo t : tensors) {
            if (t.offset() != expected) {
                String why = t.offset() < 0 || t.offset() > in.size() - dataOffset
                        ? "beyond the end of the file (" + in.size() + " bytes)"
                        : t.offset() % alignment != 0
                                ? "not a multiple of the alignment " + alignment
                                : t.offset() < expected
                                        ? "inside the data of the tensor before it"
                                        : "leaving a gap after the tensor before it";
                throw new ModelFormatException("tensor '" + t.name() + "' has data offset "
                        + Long.toUnsignedString(t.offset()) + ", " + why + " (expected " + expected
                        + ": llama.cpp needs each tensor right after the previous one, padded to " + alignment + " bytes)");
            }
            long end = dataOffset + t.offset() + t.byteSize();
            if (end < 0 || end > in.size()) {
                throw new ModelFormatException("tensor '" + t.name() + "' (" + t.type() + " " + t.shape() + ", "
                        + t.byteSize() + " bytes at byte " + (dataOffset + t.offset()) + ") ends past the end of the file ("
                        + in.size() + " bytes); it is truncated: download it again");
            }
            expected = alignUp(t.offset() + t.byteSize(), alignment);
        }
    }

    static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    private static String printable(byte[] bytes) {
        StringBuilder s = new StringBuilder("'");
        boolean text = true;
        for (byte b : bytes) {
            text &= b >= 0x20 && b < 0x7F;
        }
        if (text) {
            return s.append(new String(bytes, StandardCharsets.US_ASCII)).append('\'').toString();
        }
        s.setLength(0);
        s.append("the bytes");
        for (byte b : bytes) {
            s.append(String.format(" %02X", b & 0xFF));
        }
        return s.toString();
    }
}
