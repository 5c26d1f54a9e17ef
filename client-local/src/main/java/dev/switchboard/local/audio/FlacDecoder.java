package dev.switchboard.local.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jflac.FLACDecoder;
import org.jflac.PCMProcessor;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

/**
 * FLAC through jflac-codec (org.jflac, LGPL 2.1, pure Java): 8 to 24 bits, any rate and channel
 * count. jflac hands each frame over as little-endian PCM bytes, unsigned at 8 bits as in WAV.
 */
final class FlacDecoder {
    private static final String FORMAT = "FLAC";

    private FlacDecoder() {}

    static Pcm decode(byte[] bytes, long maxSeconds) {
        MonoSink sink = new MonoSink(FORMAT, maxSeconds);
        FLACDecoder decoder = new FLACDecoder(new ByteArrayInputStream(bytes));
        int[] bits = new int[1];
        decoder.addPCMProcessor(new PCMProcessor() {
            private float[] samples = new float[0];

            @Override
            public void processStreamInfo(StreamInfo info) {
                int b = info.getBitsPerSample();
                if (b != 8 && b != 16 && b != 24) {
                    throw AudioFormatException.unsupported("The FLAC file has " + b + "-bit samples; jflac decodes 8, 16 and 24 bits");
                }
                bits[0] = b;
                sink.start(info.getChannels(), info.getSampleRate());
            }

            @Override
            public void processPCM(ByteData pcm) {
                if (bits[0] == 0) throw AudioFormatException.damaged(FORMAT, "audio comes before its stream information", null);
                int width = bits[0] / 8;
                int n = pcm.getLen() / width;
                if (samples.length < n) samples = new float[n];
                byte[] b = pcm.getData();
                double scale = 1.0 / (1 << (bits[0] - 1));
                for (int i = 0; i < n; i++) {
                    int at = i * width;
                    int v;
                    if (width == 1) {
                        v = (b[at] & 0xFF) - 128;
                    } else if (width == 2) {
                        v = (short) ((b[at] & 0xFF) | (b[at + 1] << 8));
                    } else {
                        v = ((b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] << 16));
                    }
                    samples[i] = (float) (v * scale);
                }
                sink.interleaved(samples, n);
            }
        });
        try {
            decoder.decode();
        } catch (IOException | RuntimeException e) {
            if (e instanceof AudioFormatException) throw (AudioFormatException) e;
            throw AudioFormatException.damaged(FORMAT, String.valueOf(e.getMessage()), e);
        }
        if (decoder.getBadFrames() > 0 && !sink.started()) {
            throw AudioFormatException.damaged(FORMAT, decoder.getBadFrames() + " frames could not be decoded", null);
        }
        return sink.finish();
    }

    static boolean isFlac(byte[] b) {
        return b.length >= 4 && b[0] == 'f' && b[1] == 'L' && b[2] == 'a' && b[3] == 'C';
    }
}
