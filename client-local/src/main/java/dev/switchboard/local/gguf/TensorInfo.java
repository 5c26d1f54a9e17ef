package dev.switchboard.local.gguf;

import java.util.Arrays;

/**
 * One entry of the tensor table: name, shape (ggml order: {@code dims[0]} is the row length), type,
 * and where its data lies, as an offset from the start of the data section, and how many bytes.
 */
record TensorInfo(String name, long[] dims, GgmlType type, long offset, long byteSize) {

    long dim(int i) {
        return i < dims.length ? dims[i] : 1;
    }

    String shape() {
        return Arrays.toString(dims);
    }
}
