package dev.switchboard.local.gguf;

/**
 * One metadata value as read from the file. Scalars keep their value: integers as a {@code Long}
 * (a u64 above {@code Long.MAX_VALUE} wraps negative), floats as a {@code Double}, a {@code Boolean}
 * or a {@code String}. Arrays keep their element type and length; their elements only when the array
 * is short and numeric (per-layer settings), as {@code long[]} or {@code double[]}. Long strings and
 * long arrays are checked while read but not kept, so memory stays small whatever the file holds.
 */
record GgufValue(GgufType type, GgufType elementType, long length, Object value) {

    static GgufValue scalar(GgufType type, Object value) {
        return new GgufValue(type, null, 1, value);
    }

    static GgufValue array(GgufType elementType, long length, Object elements) {
        return new GgufValue(GgufType.ARRAY, elementType, length, elements);
    }

    boolean isArray() {
        return type == GgufType.ARRAY;
    }

    /** How llama.cpp names this value's type: {@code u32}, {@code str}, {@code arr[i32,512]}. */
    String describe() {
        return isArray() ? "arr[" + elementType.shortName() + "," + length + "]" : type.shortName();
    }
}
