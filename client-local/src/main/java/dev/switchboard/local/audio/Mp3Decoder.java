package dev.switchboard.local.audio;

import java.io.ByteArrayInputStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * MP3 (MPEG-1, 2 and 2.5 layer III, and layers I and II) through JLayer (javazoom, LGPL 2.1, pure
 * Java; the com.googlecode.soundlibs build on Maven Central), which skips ID3v2 tags itself.
 */
final class Mp3Decoder {
    private static final String FORMAT = "MP3";

    private Mp3Decoder() {}

    static Pcm decode(byte[] bytes, long maxSeconds) {
        MonoSink sink = new MonoSink(FORMAT, maxSeconds);
        Bitstream stream = new Bitstream(new ByteArrayInputStream(bytes));
        Decoder decoder = new Decoder();
        float[] samples = new float[0];
        try {
            Header header;
            while ((header = stream.readFrame()) != null) {
                SampleBuffer out = (SampleBuffer) decoder.decodeFrame(header, stream);
                sink.start(out.getChannelCount(), out.getSampleFrequency());
                short[] pcm = out.getBuffer();
                int n = out.getBufferLength();
                if (samples.length < n) samples = new float[n];
                for (int i = 0; i < n; i++) samples[i] = pcm[i] / 32768f;
                sink.interleaved(samples, n);
                stream.closeFrame();
            }
        } catch (BitstreamException | DecoderException | RuntimeException e) {
            if (e instanceof AudioFormatException) throw (AudioFormatException) e;
            throw AudioFormatException.damaged(FORMAT, String.valueOf(e.getMessage()), e);
        } finally {
            try {
                stream.close();
            } catch (BitstreamException ignored) {
                // a byte array stream: nothing to release
            }
        }
        if (!sink.started()) throw AudioFormatException.damaged(FORMAT, "no MPEG audio frame was found", null);
        return sink.finish();
    }

    /** An ID3v2 tag, or an MPEG audio frame sync (11 set bits) with a valid layer. */
    static boolean isMp3(byte[] b) {
        if (b.length >= 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') return true;
        return b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0;
    }
}
