package dev.switchboard.local.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jflac.FLACDecoder;
import org.jflac.FrameDecodeException;
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
        FLACDecoder decoder = new GuardedDecoder(bytes);
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

    /**
     * jflac's decode loop retries a frame that fails to decode until one succeeds or the input ends,
     * and on some damaged files (found by DamagedAudioTest) it fails at the same place forever, a
     * thread spinning for good. This decoder counts failures in a row that consume nothing and gives
     * up on the file after a few, and on any file after more failures than it has bytes.
     */
    private static final class GuardedDecoder extends FLACDecoder {
        private final long maxFailures;
        private long failures;
        private int stuck;

        GuardedDecoder(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
            this.maxFailures = bytes.length / 2 + 16;
        }

        @Override
        public void readFrame() throws IOException, FrameDecodeException {
            long before = getTotalBytesRead();
            try {
                super.readFrame();
                stuck = 0;
            } catch (FrameDecodeException e) {
                stuck = getTotalBytesRead() == before ? stuck + 1 : 0;
                if (stuck > 8 || ++failures > maxFailures) {
                    throw AudioFormatException.damaged(FORMAT, "its frames cannot be decoded (" + e.getMessage() + ")", e);
                }
                throw e;
            }
        }
    }

    static boolean isFlac(byte[] b) {
        return b.length >= 4 && b[0] == 'f' && b[1] == 'L' && b[2] == 'a' && b[3] == 'C';
    }
}
