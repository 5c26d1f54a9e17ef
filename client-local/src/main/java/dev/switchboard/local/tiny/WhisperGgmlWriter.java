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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes whisper.cpp model files in the legacy ggml layout that whisper.cpp 1.7.1 reads
 * (little-endian): the magic, eleven int32 hyperparameters, the mel filters ({@code n_mel},
 * {@code n_fft}, floats), the vocabulary (a count, then each token as a uint32 length and its bytes),
 * then the tensors until the end of the file, each as {@code n_dims}, name length and type (int32),
 * its {@code ne} (int32 each), its name, and its data, with no padding anywhere.
 *
 * <p>For tests of files that are not valid, every part can be set to what no valid file holds: the
 * magic, any hyperparameter, the filter sizes and data, the vocabulary count and tokens, a tensor's
 * dimension count, shape, type, name length and data, and bytes after the last tensor.
 * {@link #layout()} tells where each part landed, for tests that then cut or patch the bytes.
 */
public final class WhisperGgmlWriter {
    /** {@code "ggml"} as whisper.cpp reads it: a little-endian uint32. */
    public static final int MAGIC = 0x67676d6c;
    /** Indexes of the hyperparameters, in file order. */
    public static final int N_VOCAB = 0, N_AUDIO_CTX = 1, N_AUDIO_STATE = 2, N_AUDIO_HEAD = 3, N_AUDIO_LAYER = 4,
            N_TEXT_CTX = 5, N_TEXT_STATE = 6, N_TEXT_HEAD = 7, N_TEXT_LAYER = 8, N_MELS = 9, FTYPE = 10;
    /** ggml tensor types used here. */
    public static final int GGML_F32 = 0, GGML_F16 = 1, GGML_Q8_0 = 8;
    /** The header: magic and eleven hyperparameters. */
    public static final int HEADER_BYTES = 4 + 11 * 4;

    private int magic = MAGIC;
    private final int[] hparams = new int[11];
    private int filterMels;
    private int filterFfts;
    private float[] filters = new float[0];
    private final List<byte[]> vocabulary = new ArrayList<>();
    private Integer vocabularyCount;
    private final List<Tensor> tensors = new ArrayList<>();
    private byte[] trailing = new byte[0];

    private WhisperGgmlWriter() {}

    public static WhisperGgmlWriter create() {
        return new WhisperGgmlWriter();
    }

    /** A copy that can be changed without changing this writer (tensor data is shared until replaced). */
    public WhisperGgmlWriter copy() {
        WhisperGgmlWriter c = new WhisperGgmlWriter();
        c.magic = magic;
        System.arraycopy(hparams, 0, c.hparams, 0, hparams.length);
        c.filterMels = filterMels;
        c.filterFfts = filterFfts;
        c.filters = filters;
        c.vocabulary.addAll(vocabulary);
        c.vocabularyCount = vocabularyCount;
        for (Tensor t : tensors) c.tensors.add(t.copy());
        c.trailing = trailing;
        return c;
    }

    // ---- header ----

    public WhisperGgmlWriter magic(int magic) {
        this.magic = magic;
        return this;
    }

    /** Sets hyperparameter {@code index} ({@link #N_VOCAB} … {@link #FTYPE}). */
    public WhisperGgmlWriter hparam(int index, int value) {
        hparams[index] = value;
        return this;
    }

    public int hparam(int index) {
        return hparams[index];
    }

    // ---- mel filters ----

    /** The filter bank: {@code nMel × nFft} floats, row by row. */
    public WhisperGgmlWriter filters(int nMel, int nFft, float[] data) {
        this.filterMels = nMel;
        this.filterFfts = nFft;
        this.filters = data;
        return this;
    }

    /** The stored sizes alone, leaving the data as it is (for sizes that do not match the data). */
    public WhisperGgmlWriter filterSizes(int nMel, int nFft) {
        this.filterMels = nMel;
        this.filterFfts = nFft;
        return this;
    }

    // ---- vocabulary ----

    public WhisperGgmlWriter addToken(String token) {
        vocabulary.add(token.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public WhisperGgmlWriter addTokenBytes(byte[] token) {
        vocabulary.add(token.clone());
        return this;
    }

    /** Replaces token {@code id} of the vocabulary section. */
    public WhisperGgmlWriter token(int id, String token) {
        vocabulary.set(id, token.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    /** Writes {@code count} as the vocabulary's count, whatever number of tokens follows. */
    public WhisperGgmlWriter vocabularyCount(int count) {
        this.vocabularyCount = count;
        return this;
    }

    // ---- tensors ----

    /** Adds a tensor; {@code ne} is ggml's order (fastest-varying first), its length the dimension count. */
    public WhisperGgmlWriter tensor(String name, int type, int[] ne, byte[] data) {
        tensors.add(new Tensor(name, type, ne.clone(), data));
        return this;
    }

    public Tensor tensor(String name) {
        for (Tensor t : tensors) if (t.name.equals(name)) return t;
        throw new IllegalArgumentException("no tensor " + name);
    }

    public List<Tensor> tensors() {
        return tensors;
    }

    public WhisperGgmlWriter removeTensor(String name) {
        tensors.remove(tensor(name));
        return this;
    }

    /** Bytes written after the last tensor. */
    public WhisperGgmlWriter trailing(byte[] bytes) {
        this.trailing = bytes.clone();
        return this;
    }

    /** One tensor entry, each part of which can be set to anything. */
    public static final class Tensor {
        public String name;
        public int type;
        public int[] ne;
        public byte[] data;
        /** Written instead of {@code ne.length} when set. */
        public Integer nDims;
        /** Written instead of the name's byte length when set. */
        public Integer nameLength;

        Tensor(String name, int type, int[] ne, byte[] data) {
            this.name = name;
            this.type = type;
            this.ne = ne;
            this.data = data;
        }

        Tensor copy() {
            Tensor t = new Tensor(name, type, ne.clone(), data);
            t.nDims = nDims;
            t.nameLength = nameLength;
            return t;
        }
    }

    // ---- output ----

    /** Where each part of the file starts, in bytes from the beginning. */
    public static final class Layout {
        public final int filters;
        public final int vocabulary;
        public final int tensors;
        /** Each tensor's entry (its n_dims field) and data, by name. */
        public final Map<String, int[]> tensorOffsets;
        public final int end;

        Layout(int filters, int vocabulary, int tensors, Map<String, int[]> tensorOffsets, int end) {
            this.filters = filters;
            this.vocabulary = vocabulary;
            this.tensors = tensors;
            this.tensorOffsets = tensorOffsets;
            this.end = end;
        }

        /** Offset of {@code name}'s entry. */
        public int entry(String name) {
            return tensorOffsets.get(name)[0];
        }

        /** Offset of {@code name}'s data. */
        public int data(String name) {
            return tensorOffsets.get(name)[1];
        }
    }

    public Layout layout() {
        int at = HEADER_BYTES;
        int filtersAt = at;
        at += 8 + filters.length * 4;
        int vocabularyAt = at;
        at += 4;
        for (byte[] token : vocabulary) at += 4 + token.length;
        int tensorsAt = at;
        Map<String, int[]> offsets = new LinkedHashMap<>();
        for (Tensor t : tensors) {
            int entry = at;
            at += 12 + 4 * t.ne.length + t.name.getBytes(StandardCharsets.UTF_8).length;
            offsets.put(t.name, new int[] {entry, at});
            at += t.data.length;
        }
        at += trailing.length;
        return new Layout(filtersAt, vocabularyAt, tensorsAt, offsets, at);
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int32(out, magic);
        for (int h : hparams) int32(out, h);
        int32(out, filterMels);
        int32(out, filterFfts);
        ByteBuffer f = ByteBuffer.allocate(filters.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : filters) f.putFloat(v);
        out.writeBytes(f.array());
        int32(out, vocabularyCount != null ? vocabularyCount : vocabulary.size());
        for (byte[] token : vocabulary) {
            int32(out, token.length);
            out.writeBytes(token);
        }
        for (Tensor t : tensors) {
            byte[] name = t.name.getBytes(StandardCharsets.UTF_8);
            int32(out, t.nDims != null ? t.nDims : t.ne.length);
            int32(out, t.nameLength != null ? t.nameLength : name.length);
            int32(out, t.type);
            for (int n : t.ne) int32(out, n);
            out.writeBytes(name);
            out.writeBytes(t.data);
        }
        out.writeBytes(trailing);
        return out.toByteArray();
    }

    /** Writes the file to {@code path} and returns the path. */
    public Path write(Path path) {
        try {
            Files.write(path, bytes());
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    // ---- tensor data ----

    /** {@code values} as little-endian float32. */
    public static byte[] f32(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return b.array();
    }

    /** {@code values} as little-endian IEEE half precision. */
    public static byte[] f16(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putShort(Half.fromFloat(v));
        return b.array();
    }

    /**
     * {@code values} as ggml's Q8_0: blocks of 32, each a half-precision scale {@code d = max|x| / 127}
     * and 32 signed bytes {@code round(x / d)}. The length must be a multiple of 32.
     */
    public static byte[] q8_0(float[] values) {
        if (values.length % 32 != 0) throw new IllegalArgumentException("Q8_0 needs a multiple of 32 values");
        ByteBuffer b = ByteBuffer.allocate(values.length / 32 * 34).order(ByteOrder.LITTLE_ENDIAN);
        for (int block = 0; block < values.length; block += 32) {
            float max = 0;
            for (int i = 0; i < 32; i++) max = Math.max(max, Math.abs(values[block + i]));
            float d = max / 127f;
            short half = Half.fromFloat(d);
            b.putShort(half);
            float id = d == 0 ? 0 : 1f / d;
            for (int i = 0; i < 32; i++) b.put((byte) Math.round(values[block + i] * id));
        }
        return b.array();
    }

    @Override
    public String toString() {
        return "WhisperGgmlWriter" + Arrays.toString(hparams) + " with " + tensors.size() + " tensors";
    }
}
