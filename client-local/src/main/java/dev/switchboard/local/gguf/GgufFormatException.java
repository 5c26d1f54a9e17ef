package dev.switchboard.local.gguf;

/**
 * A check of the file failed. The message is the reason, one sentence that names the part of the file
 * and what is wrong with it; {@link GgufFile#read} adds the file's path and turns it into a
 * {@code ModelLoadException}.
 */
final class GgufFormatException extends RuntimeException {
    GgufFormatException(String reason) {
        super(reason, null, false, false);
    }

    static GgufFormatException truncated(long position, String what) {
        return new GgufFormatException("the file ends at byte " + position + ", inside " + what
                + "; it is truncated (an interrupted download?): download it again");
    }
}
