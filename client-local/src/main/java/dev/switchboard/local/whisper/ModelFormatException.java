package dev.switchboard.local.whisper;

/**
 * A check of a whisper model file failed. The message is the reason, one sentence naming the part of
 * the file and what is wrong with it; {@link WhisperModelFile#read} adds the path and turns it into a
 * {@code ModelLoadException}.
 */
final class ModelFormatException extends RuntimeException {
    ModelFormatException(String reason) {
        super(reason, null, false, false);
    }

    static ModelFormatException truncated(long size, String what) {
        return new ModelFormatException("the file ends at byte " + size + ", inside " + what
                + "; it is truncated (an interrupted download?): download it again");
    }
}
