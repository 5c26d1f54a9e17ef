package dev.switchboard.local.gguf;

/**
 * The element type of a tensor, as ggml numbers them in the llama.cpp build that de.kherud:llama
 * 4.2.0 carries (b4916): its block size (elements per block) and the bytes one block takes. The ids
 * 4, 5, 31–33 and 36–38 belonged to types that build no longer reads; 39 and up did not exist yet.
 */
enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q4_1(3, 32, 20),
    Q4_2(4, 0, 0),
    Q4_3(5, 0, 0),
    Q5_0(6, 32, 22),
    Q5_1(7, 32, 24),
    Q8_0(8, 32, 34),
    Q8_1(9, 32, 36),
    Q2_K(10, 256, 84),
    Q3_K(11, 256, 110),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210),
    Q8_K(15, 256, 292),
    IQ2_XXS(16, 256, 66),
    IQ2_XS(17, 256, 74),
    IQ3_XXS(18, 256, 98),
    IQ1_S(19, 256, 50),
    IQ4_NL(20, 32, 18),
    IQ3_S(21, 256, 110),
    IQ2_S(22, 256, 82),
    IQ4_XS(23, 256, 136),
    I8(24, 1, 1),
    I16(25, 1, 2),
    I32(26, 1, 4),
    I64(27, 1, 8),
    F64(28, 1, 8),
    IQ1_M(29, 256, 56),
    BF16(30, 1, 2),
    Q4_0_4_4(31, 0, 0),
    Q4_0_4_8(32, 0, 0),
    Q4_0_8_8(33, 0, 0),
    TQ1_0(34, 256, 54),
    TQ2_0(35, 256, 66),
    IQ4_NL_4_4(36, 0, 0),
    IQ4_NL_4_8(37, 0, 0),
    IQ4_NL_8_8(38, 0, 0);

    private static final GgmlType[] BY_ID = values();

    final int id;
    /** Elements per block; 0 for a type this build no longer reads. */
    final int blockSize;
    /** Bytes per block. */
    final int typeSize;

    GgmlType(int id, int blockSize, int typeSize) {
        this.id = id;
        this.blockSize = blockSize;
        this.typeSize = typeSize;
    }

    /** The type stored as {@code id}, or null for an id this build does not know. */
    static GgmlType byId(long id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[(int) id] : null;
    }

    static int count() {
        return BY_ID.length;
    }

    boolean removed() {
        return blockSize == 0;
    }

    /**
     * Whether llama.cpp's CPU backend computes with tensors of this type. It has no kernels for the
     * integer types and F64: a weight matrix of type I16 made it call a null function in
     * ggml_compute_forward_mul_mat (measured: SIGSEGV at pc 0, found by fuzzing).
     */
    boolean computable() {
        return this != I8 && this != I16 && this != I32 && this != I64 && this != F64;
    }
}
