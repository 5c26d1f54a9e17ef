package dev.switchboard.local.audio;

/**
 * Audio that cannot be decoded: a format no local decoder reads, or a file of a known format that
 * is damaged. The message says which, and for the former lists the formats that work, so an engine
 * can hand it to the caller as the reason for a 400.
 */
public final class AudioFormatException extends RuntimeException {
    private final boolean unsupported;

    private AudioFormatException(String message, boolean unsupported, Throwable cause) {
        super(message, cause);
        this.unsupported = unsupported;
    }

    static AudioFormatException unsupported(String what) {
        return new AudioFormatException(what + "; the local engine decodes " + AudioDecoder.SUPPORTED
                + " (convert other audio, e.g. with ffmpeg, or send it to a remote deployment)", true, null);
    }

    static AudioFormatException damaged(String format, String reason, Throwable cause) {
        return new AudioFormatException("The audio file could not be decoded as " + format + ": " + reason, false, cause);
    }

    /** Whether the format is one no local decoder reads (rather than a damaged file of a known one). */
    public boolean unsupported() {
        return unsupported;
    }
}
