package dev.switchboard.local.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * WAV through the JDK's {@code javax.sound.sampled} readers: integer PCM of 8 (unsigned), 16, 24 or
 * 32 bits, 32- and 64-bit float, WAVE_FORMAT_EXTENSIBLE, any rate and channel count; A-law and
 * µ-law through the JDK's converter to 16-bit PCM.
 */
final class WavDecoder {
    private static final String FORMAT = "WAV";

    private WavDecoder() {}

    static Pcm decode(byte[] bytes, long maxSeconds) {
        MonoSink sink = new MonoSink(FORMAT, maxSeconds);
        try (AudioInputStream in = open(bytes)) {
            AudioFormat format = in.getFormat();
            SampleReader reader = SampleReader.of(format);
            sink.start(format.getChannels(), Math.round(format.getSampleRate()));
            int frameBytes = format.getFrameSize();
            byte[] buffer = new byte[frameBytes * 4096];
            float[] samples = new float[format.getChannels() * 4096];
            int filled = 0;
            while (true) {
                int read = in.read(buffer, filled, buffer.length - filled);
                if (read < 0) break;
                filled += read;
                int whole = filled / frameBytes * frameBytes;
                int count = reader.read(buffer, whole, samples);
                sink.interleaved(samples, count);
                System.arraycopy(buffer, whole, buffer, 0, filled - whole);
                filled -= whole;
            }
            return sink.finish();
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // the JDK's readers throw unchecked exceptions on some bad headers
            throw AudioFormatException.damaged(FORMAT, String.valueOf(e.getMessage()), e);
        }
    }

    private static AudioInputStream open(byte[] bytes) throws IOException {
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes));
        } catch (UnsupportedAudioFileException e) {
            throw AudioFormatException.unsupported("The WAV file's encoding is not one Java reads (" + e.getMessage() + ")");
        }
        AudioFormat format = in.getFormat();
        AudioFormat.Encoding encoding = format.getEncoding();
        if (encoding.equals(AudioFormat.Encoding.ULAW) || encoding.equals(AudioFormat.Encoding.ALAW)) {
            AudioFormat pcm = new AudioFormat(format.getSampleRate(), 16, format.getChannels(), true, false);
            return AudioSystem.getAudioInputStream(pcm, in);
        }
        if (!SampleReader.reads(format)) {
            in.close();
            throw AudioFormatException.unsupported("The WAV file's encoding (" + format + ") is not one the local engine reads");
        }
        return in;
    }

    /** Turns frames of one PCM layout into floats in [-1, 1]. */
    private interface SampleReader {
        /** Reads the samples of {@code length} bytes of whole frames into {@code out}; returns the sample count. */
        int read(byte[] bytes, int length, float[] out);

        static boolean reads(AudioFormat f) {
            AudioFormat.Encoding e = f.getEncoding();
            int bits = f.getSampleSizeInBits();
            if (f.getChannels() < 1 || f.getFrameSize() != f.getChannels() * ((bits + 7) / 8)) return false;
            if (e.equals(AudioFormat.Encoding.PCM_SIGNED)) return bits == 8 || bits == 16 || bits == 24 || bits == 32;
            if (e.equals(AudioFormat.Encoding.PCM_UNSIGNED)) return bits == 8 || bits == 16;
            if (e.equals(AudioFormat.Encoding.PCM_FLOAT)) return bits == 32 || bits == 64;
            return false;
        }

        static SampleReader of(AudioFormat f) {
            int width = f.getSampleSizeInBits() / 8;
            boolean big = f.isBigEndian();
            AudioFormat.Encoding e = f.getEncoding();
            if (e.equals(AudioFormat.Encoding.PCM_FLOAT)) {
                return (bytes, length, out) -> {
                    int n = length / width;
                    for (int i = 0; i < n; i++) {
                        long bits = integer(bytes, i * width, width, big);
                        out[i] = width == 4 ? Float.intBitsToFloat((int) bits) : (float) Double.longBitsToDouble(bits);
                    }
                    return n;
                };
            }
            boolean unsigned = e.equals(AudioFormat.Encoding.PCM_UNSIGNED);
            double scale = 1.0 / (1L << (8 * width - 1));
            return (bytes, length, out) -> {
                int n = length / width;
                for (int i = 0; i < n; i++) {
                    long v = integer(bytes, i * width, width, big);
                    if (unsigned) {
                        v -= 1L << (8 * width - 1);
                    } else {
                        v = (v << (64 - 8 * width)) >> (64 - 8 * width); // sign-extend
                    }
                    out[i] = (float) (v * scale);
                }
                return n;
            };
        }

        private static long integer(byte[] b, int at, int width, boolean big) {
            long v = 0;
            for (int k = 0; k < width; k++) {
                int shift = big ? 8 * (width - 1 - k) : 8 * k;
                v |= (long) (b[at + k] & 0xFF) << shift;
            }
            return v;
        }
    }

    static boolean isWav(byte[] b) {
        return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'A' && b[10] == 'V' && b[11] == 'E';
    }
}
