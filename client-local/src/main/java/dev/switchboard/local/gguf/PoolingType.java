package dev.switchboard.local.gguf;

/**
 * How a model turns its per-token outputs into one embedding, as {@code {arch}.pooling_type} states
 * it; the constants are in llama.cpp's order, so {@code ordinal()} is the stored value.
 */
public enum PoolingType {
    NONE,
    MEAN,
    CLS,
    LAST,
    RANK;

    static PoolingType of(long value) {
        return values()[(int) value];
    }
}
