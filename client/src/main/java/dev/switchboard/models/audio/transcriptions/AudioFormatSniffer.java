package dev.switchboard.models.audio.transcriptions;

/**
 * Names audio by its first bytes, so bytes and streams go out with a file name whose extension
 * tells servers the format (the OpenAI API decides the format by the name).
 */
final class AudioFormatSniffer {
    private AudioFormatSniffer() {}

    /** The extension of the audio's format, or "" when the bytes are none of the known ones. */
    static String extension(byte[] b) {
        if (starts(b, "RIFF") && b.length >= 12 && new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WAVE")) {
            return "wav";
        }
        if (starts(b, "fLaC")) return "flac";
        if (starts(b, "OggS")) return "ogg";
        if (starts(b, "ID3") || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) return "mp3";
        if (b.length >= 8 && new String(b, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ftyp")) return "m4a";
        if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3) {
            return "webm";
        }
        return "";
    }

    private static boolean starts(byte[] b, String magic) {
        if (b.length < magic.length()) return false;
        for (int i = 0; i < magic.length(); i++) if (b[i] != (byte) magic.charAt(i)) return false;
        return true;
    }
}
