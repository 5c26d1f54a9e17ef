package dev.switchboard.local.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.nio.charset.StandardCharsets;

/**
 * Ogg Vorbis through JOrbis (com.jcraft, LGPL 2.1, pure Java): the first logical stream of the file,
 * decoded packet by packet as JOrbis's own example does. Ogg Opus is recognised and refused: no kept
 * pure-Java Opus decoder is on Maven Central.
 */
final class OggVorbisDecoder {
    private static final String FORMAT = "Ogg Vorbis";

    private OggVorbisDecoder() {}

    static Pcm decode(byte[] bytes, long maxSeconds) {
        try {
            return decodeChecked(bytes, maxSeconds);
        } catch (AudioFormatException e) {
            throw e;
        } catch (RuntimeException e) { // JOrbis throws index errors on damaged packets
            throw AudioFormatException.damaged(FORMAT, String.valueOf(e), e);
        }
    }

    private static Pcm decodeChecked(byte[] bytes, long maxSeconds) {
        SyncState sync = new SyncState();
        StreamState stream = new StreamState();
        Page page = new Page();
        Packet packet = new Packet();
        Info info = new Info();
        Comment comment = new Comment();
        DspState dsp = new DspState();
        Block block = new Block(dsp);

        sync.init();
        int at = sync.buffer(bytes.length);
        System.arraycopy(bytes, 0, sync.data, at, bytes.length);
        sync.wrote(bytes.length);

        if (sync.pageout(page) != 1) throw AudioFormatException.damaged(FORMAT, "it has no Ogg page", null);
        stream.init(page.serialno());
        info.init();
        comment.init();
        if (stream.pagein(page) < 0 || stream.packetout(packet) != 1) {
            throw AudioFormatException.damaged(FORMAT, "its first Ogg page holds no packet", null);
        }
        if (startsWith(packet, "OpusHead")) {
            throw AudioFormatException.unsupported("The Ogg file holds Opus audio, which the local engine does not decode");
        }
        if (info.synthesis_headerin(comment, packet) < 0) {
            throw AudioFormatException.unsupported("The Ogg file holds no Vorbis audio (only Ogg Vorbis is decoded locally)");
        }
        int headers = 1;
        while (headers < 3) {
            int result = sync.pageout(page);
            if (result == 0) throw AudioFormatException.damaged(FORMAT, "it ends inside the Vorbis headers", null);
            if (result < 0) continue;
            stream.pagein(page);
            while (headers < 3) {
                result = stream.packetout(packet);
                if (result == 0) break;
                if (result < 0 || info.synthesis_headerin(comment, packet) < 0) {
                    throw AudioFormatException.damaged(FORMAT, "Vorbis header " + (headers + 1) + " is damaged", null);
                }
                headers++;
            }
        }

        MonoSink sink = new MonoSink(FORMAT, maxSeconds);
        sink.start(info.channels, info.rate);
        dsp.synthesis_init(info);
        block.init(dsp);
        float[][][] pcm = new float[1][][];
        int[] offsets = new int[info.channels];
        boolean end = false;
        while (!end) {
            int result = sync.pageout(page);
            if (result == 0) break; // all bytes read
            if (result < 0) continue; // a hole in the data: go on with the next page
            stream.pagein(page);
            while (true) {
                result = stream.packetout(packet);
                if (result == 0) break;
                if (result < 0) continue;
                if (block.synthesis(packet) == 0) dsp.synthesis_blockin(block);
                int samples;
                while ((samples = dsp.synthesis_pcmout(pcm, offsets)) > 0) {
                    sink.planar(pcm[0], offsets, samples);
                    dsp.synthesis_read(samples);
                }
            }
            if (page.eos() != 0) end = true;
        }
        return sink.finish();
    }

    private static boolean startsWith(Packet packet, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (packet.bytes < m.length) return false;
        for (int i = 0; i < m.length; i++) if (packet.packet_base[packet.packet + i] != m[i]) return false;
        return true;
    }

    static boolean isOgg(byte[] b) {
        return b.length >= 4 && b[0] == 'O' && b[1] == 'g' && b[2] == 'g' && b[3] == 'S';
    }
}
