package dev.switchboard.local.speech;

import java.util.Locale;

/**
 * The audio formats the local engine writes, both OpenAI's 24 kHz 16-bit mono little-endian
 * samples: {@code pcm} raw, {@code wav} behind a RIFF header. Audio is streamed, so the header's
 * sizes are not known when it is written; like OpenAI's own streamed WAV it says 0xFFFFFFFF (read
 * to the end of the stream). mp3, opus, aac and flac need an encoder this module does not carry.
 */
enum AudioFormat {
    WAV("audio/wav"),
    PCM("audio/pcm");

    /** OpenAI's output rate for every format. */
    static final int SAMPLE_RATE = 24_000;

    private final String contentType;

    AudioFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** As a request's {@code response_format} spells it. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What comes before the samples. */
    byte[] header() {
        if (this == PCM) return new byte[0];
        byte[] h = new byte[44];
        ascii(h, 0, "RIFF");
        int32(h, 4, -1); // unknown length: streamed
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        int32(h, 16, 16);
        int16(h, 20, 1); // PCM
        int16(h, 22, 1); // mono
        int32(h, 24, SAMPLE_RATE);
        int32(h, 28, SAMPLE_RATE * 2); // bytes a second
        int16(h, 32, 2); // bytes a frame
        int16(h, 34, 16); // bits a sample
        ascii(h, 36, "data");
        int32(h, 40, -1);
        return h;
    }

    /** Samples as little-endian bytes. */
    static byte[] littleEndian(short[] samples) {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) b[at + i] = (byte) s.charAt(i);
    }

    private static void int16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void int32(byte[] b, int at, int v) {
        int16(b, at, v);
        int16(b, at + 2, v >> 16);
    }
}
