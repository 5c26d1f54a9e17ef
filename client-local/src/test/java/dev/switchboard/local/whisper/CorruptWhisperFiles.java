package dev.switchboard.local.whisper;

import static dev.switchboard.local.tiny.WhisperGgmlWriter.FTYPE;
import static dev.switchboard.local.tiny.WhisperGgmlWriter.N_AUDIO_CTX;
import static dev.switchboard.local.tiny.WhisperGgmlWriter.N_AUDIO_HEAD;
import static dev.switchboard.local.tiny.WhisperGgmlWriter.N_AUDIO_LAYER;
import static dev.switchboard.local.tiny.WhisperGgmlWriter.N_AUDIO_STATE;
import static dev.switchboard.local.tiny.WhisperGgmlWriter.N_MELS;
import static dev.switchboard.local.tiny.WhisperGgmlWriter.N_TEXT_CTX;
import static dev.switchboard.local.tiny.WhisperGgmlWriter.N_TEXT_LAYER;
import static dev.switchboard.local.tiny.WhisperGgmlWriter.N_TEXT_STATE;
import static dev.switchboard.local.tiny.WhisperGgmlWriter.N_VOCAB;

import dev.switchboard.local.tiny.TinyWhisper;
import dev.switchboard.local.tiny.WhisperGgmlWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Whisper model files that are not valid, each made from a valid tiny model by one change, with the
 * words its refusal must contain. Several of them abort the JVM if whisper.cpp 1.7.1 opens them
 * (see {@link WhisperModelFile}).
 */
final class CorruptWhisperFiles {
    /** One bad file: its name, its bytes, and what the refusal says. */
    static final class Variant {
        final String name;
        final byte[] bytes;
        final String reason;

        Variant(String name, byte[] bytes, String reason) {
            this.name = name;
            this.bytes = bytes;
            this.reason = reason;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private CorruptWhisperFiles() {}

    static List<Variant> all() {
        WhisperGgmlWriter base = TinyWhisper.builder().seed(5).build().writer();
        WhisperGgmlWriter.Layout layout = base.layout();
        byte[] good = base.bytes();
        List<Variant> v = new ArrayList<>();
        Edit edit = (name, change, reason) -> v.add(new Variant(name, change.apply(base.copy()).bytes(), reason));

        v.add(new Variant("an empty file", new byte[0], "ends at byte 0, inside the magic number"));
        v.add(new Variant("a file cut after the magic", Arrays.copyOf(good, 4), "inside the hyperparameters (n_vocab)"));
        v.add(new Variant("a file cut inside the header", Arrays.copyOf(good, 30), "inside the hyperparameters"));
        edit.add("a wrong magic", w -> w.magic(0x12345678), "not ggml's magic");
        edit.add("a GGUF file", w -> w.magic(0x46554747), "it is a GGUF file");
        edit.add("a vocabulary size no whisper model has", w -> w.hparam(N_VOCAB, 1000), "n_vocab is 1000");
        edit.add("a negative vocabulary size", w -> w.hparam(N_VOCAB, -51865), "n_vocab is -51865");
        edit.add("an audio context other than 1500", w -> w.hparam(N_AUDIO_CTX, 1499), "n_audio_ctx is 1499");
        edit.add("a text context of 0", w -> w.hparam(N_TEXT_CTX, 0), "n_text_ctx is 0");
        edit.add("a state width of 0", w -> w.hparam(N_AUDIO_STATE, 0), "n_audio_state is 0");
        edit.add("text and audio widths that differ", w -> w.hparam(N_TEXT_STATE, 64), "n_text_state (64) differs");
        edit.add("no attention heads", w -> w.hparam(N_AUDIO_HEAD, 0), "n_audio_head is 0");
        edit.add("heads that do not divide the width", w -> w.hparam(N_AUDIO_HEAD, 3), "not a multiple of the head counts");
        edit.add("no audio layers", w -> w.hparam(N_AUDIO_LAYER, 0), "n_audio_layer is 0");
        edit.add("a negative text layer count", w -> w.hparam(N_TEXT_LAYER, -1), "n_text_layer is -1");
        edit.add("81 mel bands", w -> w.hparam(N_MELS, 81), "n_mels is 81");
        edit.add("F32 weights (ftype 0)", w -> w.hparam(FTYPE, 0), "F32 (ftype 0)");
        edit.add("an unknown ftype", w -> w.hparam(FTYPE, 5), "ftype is 5");
        edit.add("ftype Q4_1_SOME_F16", w -> w.hparam(FTYPE, 4), "ftype is 4");
        edit.add("a negative ftype", w -> w.hparam(FTYPE, -1), "ftype is -1");
        edit.add("a quantization version from the future", w -> w.hparam(FTYPE, 3007), "ftype is 3007");
        edit.add("Q8_0 of an old quantization version", w -> w.hparam(FTYPE, 1007), "quantization version 1");
        edit.add("negative mel filter sizes", w -> w.filterSizes(-80, 201), "mel filter bank is -80 x 201");
        edit.add("a filter bank of the wrong width", w -> w.filterSizes(80, 200), "mel filter bank is 80 x 200");
        v.add(new Variant("a file cut inside the mel filters", Arrays.copyOf(good, layout.filters + 100), "inside the mel filters"));
        edit.add("an empty vocabulary", w -> w.vocabularyCount(0), "lists 0 tokens");
        edit.add("more tokens than n_vocab", w -> w.vocabularyCount(60000), "lists 60000 tokens");
        byte[] longToken = good.clone();
        int firstTokenLength = layout.vocabulary + 4;
        longToken[firstTokenLength] = (byte) 0xFF;
        longToken[firstTokenLength + 1] = (byte) 0xFF;
        longToken[firstTokenLength + 2] = (byte) 0xFF;
        longToken[firstTokenLength + 3] = (byte) 0x7F;
        v.add(new Variant("a token longer than the file", longToken, "inside token 0 of the vocabulary"));
        edit.add("a vocabulary without \" \"", w -> w.token(TinyWhisper.SPACE_TOKEN, "  "), "no token \" \"");
        v.add(new Variant("a file cut inside the vocabulary", Arrays.copyOf(good, layout.vocabulary + 1000),
                "of the vocabulary; it is truncated"));
        edit.add("a tensor of 5 dimensions", w -> tensor(w, 3, t -> t.nDims = 5), "has 5 dimensions");
        edit.add("a negative tensor name length", w -> tensor(w, 3, t -> t.nameLength = -5), "a name of -5 bytes");
        edit.add("an unknown tensor type", w -> tensor(w, 3, t -> t.type = 99), "has type id 99");
        edit.add("a tensor of the wrong type", w -> tensor(w, 2, t -> t.type = WhisperGgmlWriter.GGML_F16),
                "tensor 'encoder.conv1.bias' has type F16; this model's must be F32");
        edit.add("a tensor of the wrong shape", w -> tensor(w, 5, t -> t.ne = new int[] {16}), "has shape [16]; it must be [32]");
        edit.add("a tensor whisper does not have", w -> tensor(w, 5, t -> t.name = "encoder.extra.weight"),
                "tensor 'encoder.extra.weight' is not a tensor");
        edit.add("a tensor written twice", w -> {
            WhisperGgmlWriter.Tensor t = w.tensors().get(5);
            return w.tensor(t.name, t.type, t.ne, t.data);
        }, "appears twice");
        edit.add("a missing tensor", w -> w.removeTensor("decoder.ln.bias"), "lacks 1 of its");
        edit.add("no tensors at all", w -> {
            w.tensors().clear();
            return w;
        }, "lacks");
        v.add(new Variant("a file cut inside the last tensor's data", Arrays.copyOf(good, good.length - 10), "it is truncated"));
        edit.add("bytes after the last tensor", w -> w.trailing(new byte[7]), "tensor entry");
        return v;
    }

    private interface Edit {
        void add(String name, Function<WhisperGgmlWriter, WhisperGgmlWriter> change, String reason);
    }

    private static WhisperGgmlWriter tensor(WhisperGgmlWriter w, int index, java.util.function.Consumer<WhisperGgmlWriter.Tensor> change) {
        change.accept(w.tensors().get(index));
        return w;
    }
}
