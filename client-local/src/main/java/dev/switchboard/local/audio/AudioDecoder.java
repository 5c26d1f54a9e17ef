package dev.switchboard.local.audio;

/**
 * Turns the bytes of an audio file into mono floats at a sample rate, as a speech engine takes
 * them. The format is told by the file's first bytes, not its name: WAV, FLAC, MP3 and Ogg Vorbis
 * are decoded; every other format (M4A/MP4, WebM, Ogg Opus, …) is an {@link AudioFormatException}
 * that names the formats that work.
 */
public final class AudioDecoder {
    /** The formats decoded locally, as messages list them. */
    public static final String SUPPORTED = "wav, flac, mp3 and ogg (Vorbis)";

    private AudioDecoder() {}

    /**
     * The audio in {@code bytes} as mono at {@code sampleRate}; throws AudioFormatException when the
     * format is not one decoded here, the file is damaged, or it lasts more than {@code maxSeconds}.
     */
    public static Pcm decode(byte[] bytes, int sampleRate, long maxSeconds) {
        return Resampler.resample(decode(bytes, maxSeconds).downmix(), sampleRate);
    }

    /** The audio in {@code bytes} at its own rate (mono: channels are averaged as they are decoded). */
    public static Pcm decode(byte[] bytes, long maxSeconds) {
        if (bytes.length == 0) throw AudioFormatException.unsupported("The audio file is empty");
        if (WavDecoder.isWav(bytes)) return WavDecoder.decode(bytes, maxSeconds);
        if (FlacDecoder.isFlac(bytes)) return FlacDecoder.decode(bytes, maxSeconds);
        if (OggVorbisDecoder.isOgg(bytes)) return OggVorbisDecoder.decode(bytes, maxSeconds);
        if (Mp3Decoder.isMp3(bytes)) return Mp3Decoder.decode(bytes, maxSeconds);
        return unsupported(bytes);
    }

    private static Pcm unsupported(byte[] b) {
        String format = "";
        if (b.length >= 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') format = " (it is MP4/M4A)";
        else if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF
                && (b[3] & 0xFF) == 0xA3) format = " (it is WebM/Matroska)";
        throw AudioFormatException.unsupported("The audio file's format is not supported locally" + format);
    }
}
