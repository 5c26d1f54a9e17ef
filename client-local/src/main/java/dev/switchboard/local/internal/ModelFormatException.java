package dev.switchboard.local.internal;

/**
 * A check of a model file failed. The message is the reason, one sentence naming the part of the
 * file and what is wrong with it; the engine's file check adds the path and turns it into a
 * {@code ModelLoadException}.
 */
public final class ModelFormatException extends RuntimeException {
    public ModelFormatException(String reason) {
        super(reason, null, false, false);
    }

    public static ModelFormatException truncated(long position, String what) {
        return new ModelFormatException("the file ends at byte " + position + ", inside " + what
                + "; it is truncated (an interrupted download?): download it again");
    }
}
