package dev.switchboard.local.whisper;

/**
 * The ggml tensor types a whisper.cpp 1.7.1 model may hold, numbered as ggml numbers them, with the
 * elements per block and bytes per block that fix a tensor's size in the file. Other ids are not
 * read: ggml 1.7.1 looks an unknown id up past the end of its type table.
 */
enum TensorType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q4_1(3, 32, 20),
    Q5_0(6, 32, 22),
    Q5_1(7, 32, 24),
    Q8_0(8, 32, 34),
    Q2_K(10, 256, 84),
    Q3_K(11, 256, 110),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210);

    final int id;
    final int blockSize;
    final int blockBytes;

    TensorType(int id, int blockSize, int blockBytes) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    /** The type numbered {@code id}, or null. */
    static TensorType byId(int id) {
        for (TensorType t : values()) if (t.id == id) return t;
        return null;
    }

    /**
     * The type of a model's large matrices for the file's {@code ftype} (ggml_ftype, after the
     * quantization version is taken off), or null when whisper.cpp 1.7.1 cannot run it: 0 (all F32)
     * aborts the JVM in the first transcription, 4 (Q4_1_SOME_F16) and unknown values on load
     * (measured); the IQ and
     * BF16 types are refused as no whisper.cpp tool makes them.
     */
    static TensorType ofFtype(int ftype) {
        switch (ftype) {
            case 1: return F16;
            case 2: return Q4_0;
            case 3: return Q4_1;
            case 7: return Q8_0;
            case 8: return Q5_0;
            case 9: return Q5_1;
            case 10: return Q2_K;
            case 11: return Q3_K;
            case 12: return Q4_K;
            case 13: return Q5_K;
            case 14: return Q6_K;
            default: return null;
        }
    }

    /** Bytes of {@code elements} elements, or -1 when they do not fill whole blocks. */
    long bytes(long elements) {
        if (elements % blockSize != 0) return -1;
        return elements / blockSize * blockBytes;
    }

    boolean quantized() {
        return blockSize > 1;
    }
}
