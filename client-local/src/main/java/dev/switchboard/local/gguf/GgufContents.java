package dev.switchboard.local.gguf;

import java.util.List;
import java.util.Map;

/**
 * A GGUF file's header as read and checked by {@link GgufParser}: version, metadata in file order,
 * the tensor table, what the vocabulary scan found, and where the data section starts.
 */
record GgufContents(
        int version,
        Map<String, GgufValue> metadata,
        List<TensorInfo> tensors,
        TokenTable tokens,
        int[] tokenTypes,
        long alignment,
        long dataOffset,
        long fileSize) {

    GgufValue get(String key) {
        return metadata.get(key);
    }
}
