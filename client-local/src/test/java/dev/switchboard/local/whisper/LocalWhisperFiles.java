package dev.switchboard.local.whisper;

import dev.switchboard.local.tiny.TinyWhisper;
import dev.switchboard.local.tiny.WhisperGgmlWriter;

/** Whole model files whisper.cpp 1.7.1 would abort on, made from the tiny model. */
final class LocalWhisperFiles {
    private LocalWhisperFiles() {}

    /** The tiny model with every F16 tensor stored as F32 and ftype 0, as whisper.cpp's converter writes an F32 model. */
    static byte[] f32() {
        WhisperGgmlWriter w = TinyWhisper.builder().seed(9).build().writer().hparam(WhisperGgmlWriter.FTYPE, 0);
        for (WhisperGgmlWriter.Tensor t : w.tensors()) {
            if (t.type == WhisperGgmlWriter.GGML_F16) {
                t.type = WhisperGgmlWriter.GGML_F32;
                t.data = WhisperGgmlWriter.f32(new float[t.data.length / 2]);
            }
        }
        return w.bytes();
    }
}
