package dev.switchboard.local.testing;

import de.sciss.jump3r.lowlevel.LameEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import net.sourceforge.javaflacencoder.EncodingConfiguration;
import net.sourceforge.javaflacencoder.FLACEncoder;
import net.sourceforge.javaflacencoder.FLACStreamOutputStream;
import net.sourceforge.javaflacencoder.StreamConfiguration;

/**
 * Audio files made in code for the transcription tests: tones as interleaved floats, written as WAV
 * of any layout (by hand: the JDK writes few of them), FLAC (java-flac-encoder) and MP3 (jump3r, a
 * Java port of LAME).
 */
public final class TestAudio {
    /** WAV sample layouts. */
    public enum WavEncoding {
        PCM_U8(1, 8), PCM_16(1, 16), PCM_24(1, 24), PCM_32(1, 32), FLOAT_32(3, 32);

        final int formatTag;
        final int bits;

        WavEncoding(int formatTag, int bits) {
            this.formatTag = formatTag;
            this.bits = bits;
        }
    }

    private TestAudio() {}

    /** A sine of {@code hz} at amplitude {@code amplitude}, the same in every channel (the second channel, if any, at half amplitude). */
    public static float[] tone(double hz, double seconds, int rate, int channels, double amplitude) {
        int frames = (int) Math.round(seconds * rate);
        float[] out = new float[frames * channels];
        for (int f = 0; f < frames; f++) {
            double v = amplitude * Math.sin(2 * Math.PI * hz * f / rate);
            for (int c = 0; c < channels; c++) out[f * channels + c] = (float) (c == 0 ? v : v / 2);
        }
        return out;
    }

    /** Speech-like noise: a seeded mix of tones that whisper's tiny random models turn into some text. */
    public static float[] babble(double seconds, int rate, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int frames = (int) Math.round(seconds * rate);
        float[] out = new float[frames];
        double[] hz = {180 + random.nextInt(100), 700 + random.nextInt(400), 1800 + random.nextInt(800)};
        for (int f = 0; f < frames; f++) {
            double t = (double) f / rate;
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
            double v = 0;
            for (double h : hz) v += Math.sin(2 * Math.PI * h * t);
            out[f] = (float) (0.2 * envelope * v / hz.length + 0.01 * (random.nextDouble() - 0.5));
        }
        return out;
    }

    public static byte[] wav(float[] interleaved, int channels, int rate, WavEncoding encoding) {
        int width = encoding.bits / 8;
        int dataBytes = interleaved.length * width;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) encoding.formatTag).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * width).putShort((short) (channels * width)).putShort((short) encoding.bits);
        b.put("data".getBytes()).putInt(dataBytes);
        for (float v : interleaved) {
            double x = Math.max(-1, Math.min(1, v));
            switch (encoding) {
                case PCM_U8:
                    b.put((byte) (Math.round(x * 127) + 128));
                    break;
                case PCM_16:
                    b.putShort((short) Math.round(x * 32767));
                    break;
                case PCM_24:
                    int s = (int) Math.round(x * 8388607);
                    b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                    break;
                case PCM_32:
                    b.putInt((int) Math.round(x * 2147483647.0));
                    break;
                default:
                    b.putFloat((float) x);
            }
        }
        return b.array();
    }

    public static byte[] flac(float[] interleaved, int channels, int rate) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            FLACEncoder encoder = new FLACEncoder();
            StreamConfiguration config = new StreamConfiguration();
            config.setChannelCount(channels);
            config.setSampleRate(rate);
            config.setBitsPerSample(16);
            encoder.setStreamConfiguration(config);
            encoder.setEncodingConfiguration(new EncodingConfiguration());
            encoder.setOutputStream(new FLACStreamOutputStream(bytes));
            encoder.openFLACStream();
            int[] samples = new int[interleaved.length];
            for (int i = 0; i < samples.length; i++) samples[i] = (int) Math.round(Math.max(-1, Math.min(1, interleaved[i])) * 32767);
            encoder.addSamples(samples, interleaved.length / channels);
            encoder.encodeSamples(encoder.samplesAvailableToEncode(), true);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] mp3(float[] interleaved, int channels, int rate) {
        AudioFormat source = new AudioFormat(rate, 16, channels, true, false);
        LameEncoder encoder = new LameEncoder(source, 128, channels == 1 ? LameEncoder.CHANNEL_MODE_MONO
                : LameEncoder.CHANNEL_MODE_JOINT_STEREO, LameEncoder.QUALITY_MIDDLE, false);
        ByteBuffer pcm = ByteBuffer.allocate(interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : interleaved) pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        byte[] in = pcm.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[encoder.getMP3BufferSize()];
        int chunk = encoder.getPCMBufferSize();
        for (int at = 0; at < in.length; at += chunk) {
            int n = encoder.encodeBuffer(in, at, Math.min(chunk, in.length - at), buffer);
            out.write(buffer, 0, n);
        }
        int n = encoder.encodeFinish(buffer);
        out.write(buffer, 0, n);
        encoder.close();
        return out.toByteArray();
    }
}
