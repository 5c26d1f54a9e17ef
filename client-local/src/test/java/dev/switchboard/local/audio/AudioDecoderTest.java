package dev.switchboard.local.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import dev.switchboard.local.testing.TestAudio;
import dev.switchboard.local.testing.TestAudio.WavEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioDecoderTest {
    private static final long MAX_SECONDS = 60;

    /** The amplitude of the {@code hz} component of the middle half of {@code pcm}. */
    private static double amplitude(Pcm pcm, double hz) {
        float[] x = pcm.samplesUnsafe();
        int from = x.length / 4, to = 3 * x.length / 4;
        double re = 0, im = 0;
        for (int n = from; n < to; n++) {
            double w = 2 * Math.PI * hz * n / pcm.sampleRate();
            re += x[n] * Math.cos(w);
            im += x[n] * Math.sin(w);
        }
        return 2 * Math.hypot(re, im) / (to - from);
    }

    private static double rms(Pcm pcm) {
        float[] x = pcm.samplesUnsafe();
        double sum = 0;
        for (int n = x.length / 4; n < 3 * x.length / 4; n++) sum += x[n] * x[n];
        return Math.sqrt(sum / (x.length / 2));
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8000, 22050, 44100, 48000})
    void wavAtAnyRateComesOutAt16kHzWithTheSameToneAndLength(int rate) {
        byte[] wav = TestAudio.wav(TestAudio.tone(440, 1.0, rate, 1, 0.5), 1, rate, WavEncoding.PCM_16);

        Pcm pcm = AudioDecoder.decode(wav, 16_000, MAX_SECONDS);

        assertThat(pcm.sampleRate()).isEqualTo(16_000);
        assertThat(pcm.frames()).isBetween(15_999, 16_000);
        assertThat(amplitude(pcm, 440)).isCloseTo(0.5, within(0.01));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(WavEncoding.class)
    void everyWavSampleLayoutDecodesToTheSameTone(WavEncoding encoding) {
        byte[] wav = TestAudio.wav(TestAudio.tone(300, 0.5, 16_000, 1, 0.5), 1, 16_000, encoding);

        Pcm pcm = AudioDecoder.decode(wav, 16_000, MAX_SECONDS);

        assertThat(pcm.frames()).isEqualTo(8000);
        assertThat(amplitude(pcm, 300)).isCloseTo(0.5, within(encoding == WavEncoding.PCM_U8 ? 0.02 : 0.001));
    }

    @Test
    void stereoIsAveragedToMono() {
        // the second channel carries the tone at half amplitude: the mix has three quarters of it
        byte[] wav = TestAudio.wav(TestAudio.tone(500, 1.0, 44_100, 2, 0.4), 2, 44_100, WavEncoding.PCM_16);

        Pcm pcm = AudioDecoder.decode(wav, 16_000, MAX_SECONDS);

        assertThat(pcm.channels()).isEqualTo(1);
        assertThat(pcm.frames()).isBetween(15_999, 16_000);
        assertThat(amplitude(pcm, 500)).isCloseTo(0.3, within(0.01));
    }

    @Test
    void aToneAboveTheNewNyquistRateIsFilteredOutNotFoldedBack() {
        // 12 kHz cannot exist at 16 kHz; dropping samples would fold it to 4 kHz at full strength
        byte[] wav = TestAudio.wav(TestAudio.tone(12_000, 1.0, 48_000, 1, 0.5), 1, 48_000, WavEncoding.FLOAT_32);

        Pcm pcm = AudioDecoder.decode(wav, 16_000, MAX_SECONDS);

        assertThat(rms(pcm)).isLessThan(0.001);
        assertThat(amplitude(pcm, 4000)).isLessThan(0.001);
    }

    @Test
    void upsamplingFrom8kHzKeepsTheBandEmptyAbove4kHz() {
        byte[] wav = TestAudio.wav(TestAudio.tone(1000, 1.0, 8000, 1, 0.5), 1, 8000, WavEncoding.PCM_16);

        Pcm pcm = AudioDecoder.decode(wav, 16_000, MAX_SECONDS);

        assertThat(amplitude(pcm, 1000)).isCloseTo(0.5, within(0.01));
        assertThat(amplitude(pcm, 7000)).isLessThan(0.001); // the image a sample-and-hold upsampler leaves
    }

    @Test
    void flacDecodes() {
        byte[] flac = TestAudio.flac(TestAudio.tone(440, 1.0, 44_100, 2, 0.5), 2, 44_100);

        Pcm pcm = AudioDecoder.decode(flac, 16_000, MAX_SECONDS);

        assertThat(pcm.frames()).isBetween(15_999, 16_000);
        assertThat(amplitude(pcm, 440)).isCloseTo(0.375, within(0.01));
    }

    @Test
    void mp3Decodes() {
        byte[] mp3 = TestAudio.mp3(TestAudio.tone(440, 1.0, 44_100, 1, 0.5), 1, 44_100);

        Pcm pcm = AudioDecoder.decode(mp3, 16_000, MAX_SECONDS);

        // LAME pads the start (its encoder delay) and fills the last frame: up to three frames of 1152 samples
        assertThat(pcm.seconds()).isBetween(1.0, 1.0 + 3 * 1152.0 / 44_100);
        assertThat(amplitude(pcm, 440)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void oggVorbisDecodes() throws java.io.IOException {
        byte[] ogg;
        try (java.io.InputStream in = getClass().getResourceAsStream("tone-440hz-stereo-22khz.ogg")) {
            ogg = in.readAllBytes();
        }

        Pcm pcm = AudioDecoder.decode(ogg, 16_000, MAX_SECONDS);

        assertThat(pcm.seconds()).isCloseTo(1.0, within(0.01));
        assertThat(amplitude(pcm, 440)).isCloseTo(0.375, within(0.02)); // (0.5 + 0.25) / 2
    }

    @Test
    void anEmptyFileIsRefusedNamingTheFormatsThatWork() {
        assertThatThrownBy(() -> AudioDecoder.decode(new byte[0], 16_000, MAX_SECONDS))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage("The audio file is empty; the local engine decodes wav, flac, mp3 and ogg (Vorbis) (convert other"
                        + " audio, e.g. with ffmpeg, or send it to a remote deployment)")
                .matches(e -> ((AudioFormatException) e).unsupported());
    }

    @Test
    void m4aIsRefusedAsUnsupported() {
        byte[] m4a = "\0\0\0\u0018ftypM4A \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> AudioDecoder.decode(m4a, 16_000, MAX_SECONDS))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("The audio file's format is not supported locally (it is MP4/M4A); the local"
                        + " engine decodes wav, flac, mp3 and ogg (Vorbis)");
    }

    @Test
    void oggOpusIsRefusedAsUnsupported() {
        byte[] opus = ogg("OpusHead\u0001\u0001\0\0\u0080\u00bb\0\0\0\0\0");

        assertThatThrownBy(() -> AudioDecoder.decode(opus, 16_000, MAX_SECONDS))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("The Ogg file holds Opus audio, which the local engine does not decode");
    }

    @Test
    void anOggFileOfNeitherIsRefusedAsUnsupported() {
        byte[] other = ogg("\u0080theora and more bytes");

        assertThatThrownBy(() -> AudioDecoder.decode(other, 16_000, MAX_SECONDS))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("The Ogg file holds no Vorbis audio");
    }

    @Test
    void aWavCutInsideItsHeaderIsDamaged() {
        byte[] wav = TestAudio.wav(TestAudio.tone(440, 0.1, 16_000, 1, 0.5), 1, 16_000, WavEncoding.PCM_16);
        byte[] cut = java.util.Arrays.copyOf(wav, 20);

        assertThatThrownBy(() -> AudioDecoder.decode(cut, 16_000, MAX_SECONDS))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("WAV");
    }

    @Test
    void audioLongerThanTheLimitIsRefused() {
        byte[] wav = TestAudio.wav(new float[16_000 * 3], 1, 16_000, WavEncoding.PCM_16);

        assertThatThrownBy(() -> AudioDecoder.decode(wav, 16_000, 2))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage("The audio file could not be decoded as WAV: it is longer than 0 minutes, the most the local"
                        + " engine transcribes in one request; split it");
    }

    @Test
    void garbageThatLooksLikeMp3IsDamaged() {
        byte[] junk = new byte[2000];
        junk[0] = (byte) 0xFF;
        junk[1] = (byte) 0xFB;

        assertThatThrownBy(() -> AudioDecoder.decode(junk, 16_000, MAX_SECONDS))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("The audio file could not be decoded as MP3");
    }

    /** One Ogg page holding {@code first} as its only packet, written with JOgg. */
    private static byte[] ogg(String first) {
        byte[] data = first.getBytes(StandardCharsets.ISO_8859_1);
        StreamState stream = new StreamState();
        stream.init(1);
        Packet p = new Packet();
        p.packet_base = data;
        p.packet = 0;
        p.bytes = data.length;
        p.b_o_s = 1;
        p.e_o_s = 1;
        stream.packetin(p);
        Page page = new Page();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (stream.flush(page) != 0) {
            out.write(page.header_base, page.header, page.header_len);
            out.write(page.body_base, page.body, page.body_len);
        }
        return out.toByteArray();
    }
}
