package dev.switchboard.local.gguf;

/** The type of a GGUF metadata value, with the id the file stores for it. */
enum GgufType {
    UINT8(1),
    INT8(1),
    UINT16(2),
    INT16(2),
    UINT32(4),
    INT32(4),
    FLOAT32(4),
    BOOL(1),
    STRING(8), // the smallest string: its u64 length
    ARRAY(12), // the smallest array: u32 element type and u64 length
    UINT64(8),
    INT64(8),
    FLOAT64(8);

    private static final GgufType[] BY_ID = values();

    /** The fewest bytes a value of this type takes in the file. */
    final int minBytes;

    GgufType(int minBytes) {
        this.minBytes = minBytes;
    }

    /** The type stored as {@code id}, or null for an id no GGUF version defines. */
    static GgufType byId(long id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[(int) id] : null;
    }

    boolean isInteger() {
        switch (this) {
            case UINT8: case INT8: case UINT16: case INT16: case UINT32: case INT32: case UINT64: case INT64:
                return true;
            default:
                return false;
        }
    }

    boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** The name llama.cpp's messages use: u8, i32, f32, str, arr… */
    String shortName() {
        switch (this) {
            case UINT8: return "u8";
            case INT8: return "i8";
            case UINT16: return "u16";
            case INT16: return "i16";
            case UINT32: return "u32";
            case INT32: return "i32";
            case FLOAT32: return "f32";
            case BOOL: return "bool";
            case STRING: return "str";
            case ARRAY: return "arr";
            case UINT64: return "u64";
            case INT64: return "i64";
            default: return "f64";
        }
    }
}
