package dev.switchboard.local.tiny;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A tiny whisper model with random weights that whisper.cpp 1.7.1 (io.github.givimad:whisper-jni
 * 1.7.1) loads in milliseconds and runs: the real models' shape (30-second windows of 1500 audio
 * positions, 448 text positions, 80 mel bands, a multilingual vocabulary of 51865 tokens) with a state
 * of 32 and one layer each side, weights drawn from a seeded generator and stored as F16 or Q8_0 as
 * whisper.cpp's converter and quantizer store them. Its vocabulary is made up of ASCII words, so what
 * it hears is gibberish, but the same seed gives the same file, and so the same text at temperature 0.
 *
 * <pre>{@code
 * Path model = TinyWhisper.builder().seed(1).weights(Weights.Q8_0).build().write(dir.resolve("tiny.bin"));
 * }</pre>
 *
 * <p>{@link #writer()} gives the file as a {@link WhisperGgmlWriter} to change before writing, for
 * tests of files that are not valid.
 */
public final class TinyWhisper {
    /** The multilingual vocabulary size (99 languages); 51864 is English-only, 51866 large-v3's. */
    public static final int MULTILINGUAL_VOCABULARY = 51865;
    public static final int ENGLISH_VOCABULARY = 51864;
    /** Tokens the vocabulary section lists; whisper.cpp names the special and timestamp tokens after them. */
    public static final int TEXT_TOKENS = 50257;
    /** The id of the token {@code " "} in GPT-2's vocabulary, kept here. */
    public static final int SPACE_TOKEN = 220;

    public enum Weights {
        F16(1, WhisperGgmlWriter.GGML_F16),
        Q8_0(7, WhisperGgmlWriter.GGML_Q8_0);

        /** The file's ftype (ggml_ftype) and the tensor type of the large matrices. */
        final int ftype;
        final int type;

        Weights(int ftype, int type) {
            this.ftype = ftype;
            this.type = type;
        }
    }

    private final Builder b;

    private TinyWhisper(Builder b) {
        this.b = b.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Writes the model to {@code path} and returns the path. */
    public Path write(Path path) {
        return writer().write(path);
    }

    /** The model as a writer, to change before writing. */
    public WhisperGgmlWriter writer() {
        SplittableRandom random = new SplittableRandom(b.seed);
        int s = b.state;
        int mels = 80;
        int quantizedFtype = b.weights == Weights.F16 ? b.weights.ftype : 2000 + b.weights.ftype; // quantize adds GGML_QNT_VERSION * 1000
        WhisperGgmlWriter w = WhisperGgmlWriter.create()
                .hparam(WhisperGgmlWriter.N_VOCAB, b.vocabulary)
                .hparam(WhisperGgmlWriter.N_AUDIO_CTX, 1500)
                .hparam(WhisperGgmlWriter.N_AUDIO_STATE, s)
                .hparam(WhisperGgmlWriter.N_AUDIO_HEAD, b.heads)
                .hparam(WhisperGgmlWriter.N_AUDIO_LAYER, b.layers)
                .hparam(WhisperGgmlWriter.N_TEXT_CTX, 448)
                .hparam(WhisperGgmlWriter.N_TEXT_STATE, s)
                .hparam(WhisperGgmlWriter.N_TEXT_HEAD, b.heads)
                .hparam(WhisperGgmlWriter.N_TEXT_LAYER, b.layers)
                .hparam(WhisperGgmlWriter.N_MELS, mels)
                .hparam(WhisperGgmlWriter.FTYPE, quantizedFtype)
                .filters(mels, 201, melFilters(mels, 201));
        for (int id = 0; id < TEXT_TOKENS; id++) w.addToken(token(id));

        w.tensor("encoder.positional_embedding", WhisperGgmlWriter.GGML_F32, new int[] {s, 1500},
                WhisperGgmlWriter.f32(sinusoids(1500, s)));
        conv(w, random, "encoder.conv1", 3, mels, s);
        conv(w, random, "encoder.conv2", 3, s, s);
        norm(w, "encoder.ln_post", s);
        for (int i = 0; i < b.layers; i++) {
            String p = "encoder.blocks." + i + ".";
            block(w, random, p, s, false);
        }
        w.tensor("decoder.positional_embedding", WhisperGgmlWriter.GGML_F32, new int[] {s, 448},
                WhisperGgmlWriter.f32(gaussian(random, s * 448, 0.02f)));
        matrix(w, random, "decoder.token_embedding.weight", s, b.vocabulary, 1f);
        norm(w, "decoder.ln", s);
        for (int i = 0; i < b.layers; i++) {
            String p = "decoder.blocks." + i + ".";
            block(w, random, p, s, true);
        }
        return w;
    }

    /** The word of token {@code id}: {@code " "} at GPT-2's id, else a distinct ASCII word, most with a leading space. */
    public static String token(int id) {
        if (id == SPACE_TOKEN) return " ";
        StringBuilder word = new StringBuilder();
        int n = id;
        do {
            word.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return (id % 4 == 0 ? "" : " ") + word;
    }

    private void block(WhisperGgmlWriter w, SplittableRandom random, String p, int s, boolean cross) {
        norm(w, p + "attn_ln", s);
        attention(w, random, p + "attn", s);
        if (cross) {
            norm(w, p + "cross_attn_ln", s);
            attention(w, random, p + "cross_attn", s);
        }
        norm(w, p + "mlp_ln", s);
        matrix(w, random, p + "mlp.0.weight", s, 4 * s, b.scale);
        bias(w, random, p + "mlp.0.bias", 4 * s);
        matrix(w, random, p + "mlp.2.weight", 4 * s, s, b.scale);
        bias(w, random, p + "mlp.2.bias", s);
    }

    private void attention(WhisperGgmlWriter w, SplittableRandom random, String p, int s) {
        matrix(w, random, p + ".query.weight", s, s, b.scale);
        bias(w, random, p + ".query.bias", s);
        matrix(w, random, p + ".key.weight", s, s, b.scale);
        matrix(w, random, p + ".value.weight", s, s, b.scale);
        bias(w, random, p + ".value.bias", s);
        matrix(w, random, p + ".out.weight", s, s, b.scale);
        bias(w, random, p + ".out.bias", s);
    }

    /** A weight matrix of {@code rows} rows of {@code columns}: ne = [columns, rows], stored as the model's weights. */
    private void matrix(WhisperGgmlWriter w, SplittableRandom random, String name, int columns, int rows, float sigma) {
        float[] values = gaussian(random, columns * rows, sigma);
        byte[] data = b.weights == Weights.F16 ? WhisperGgmlWriter.f16(values) : WhisperGgmlWriter.q8_0(values);
        w.tensor(name, b.weights.type, new int[] {columns, rows}, data);
    }

    /** Convolution weights stay F16 in quantized models too (whisper.cpp's conv type). */
    private void conv(WhisperGgmlWriter w, SplittableRandom random, String name, int kernel, int in, int out) {
        w.tensor(name + ".weight", WhisperGgmlWriter.GGML_F16, new int[] {kernel, in, out},
                WhisperGgmlWriter.f16(gaussian(random, kernel * in * out, b.scale)));
        w.tensor(name + ".bias", WhisperGgmlWriter.GGML_F32, new int[] {1, out},
                WhisperGgmlWriter.f32(gaussian(random, out, 0.02f)));
    }

    private static void norm(WhisperGgmlWriter w, String name, int s) {
        float[] ones = new float[s];
        java.util.Arrays.fill(ones, 1f);
        w.tensor(name + ".weight", WhisperGgmlWriter.GGML_F32, new int[] {s}, WhisperGgmlWriter.f32(ones));
        w.tensor(name + ".bias", WhisperGgmlWriter.GGML_F32, new int[] {s}, WhisperGgmlWriter.f32(new float[s]));
    }

    private static void bias(WhisperGgmlWriter w, SplittableRandom random, String name, int n) {
        w.tensor(name, WhisperGgmlWriter.GGML_F32, new int[] {n}, WhisperGgmlWriter.f32(gaussian(random, n, 0.02f)));
    }

    private static float[] gaussian(SplittableRandom random, int n, float sigma) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller from two uniforms; the seeded generator keeps files reproducible.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            v[i] = (float) (sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }

    /** Whisper's sinusoidal positions for the encoder: sin in the first half of each row, cos in the second. */
    private static float[] sinusoids(int length, int channels) {
        float[] v = new float[length * channels];
        int half = channels / 2;
        double increment = Math.log(10000) / (half - 1);
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < half; i++) {
                double scaled = t * Math.exp(-increment * i);
                v[t * channels + i] = (float) Math.sin(scaled);
                v[t * channels + half + i] = (float) Math.cos(scaled);
            }
        }
        return v;
    }

    /** Triangular filters evenly spread over the bins: not Slaney's mel scale, but a sane filter bank. */
    private static float[] melFilters(int mels, int bins) {
        float[] v = new float[mels * bins];
        double width = (double) bins / (mels + 1);
        for (int m = 0; m < mels; m++) {
            double centre = (m + 1) * width;
            for (int k = 0; k < bins; k++) {
                double weight = 1 - Math.abs(k - centre) / width;
                if (weight > 0) v[m * bins + k] = (float) (weight / width);
            }
        }
        return v;
    }

    public static final class Builder {
        private long seed = 1;
        private Weights weights = Weights.F16;
        private int state = 32;
        private int heads = 2;
        private int layers = 1;
        private int vocabulary = MULTILINGUAL_VOCABULARY;
        private float scale = 0.2f;

        private Builder() {}

        Builder copy() {
            Builder c = new Builder();
            c.seed = seed;
            c.weights = weights;
            c.state = state;
            c.heads = heads;
            c.layers = layers;
            c.vocabulary = vocabulary;
            c.scale = scale;
            return c;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder weights(Weights weights) {
            this.weights = weights;
            return this;
        }

        /** The model width; a multiple of 32 (Q8_0 blocks) and of the head count. */
        public Builder state(int state) {
            this.state = state;
            return this;
        }

        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        /** An English-only model: no language tokens beyond whisper.cpp's fixed ones, no language detection. */
        public Builder englishOnly() {
            this.vocabulary = ENGLISH_VOCABULARY;
            return this;
        }

        /** The standard deviation of the random weights. */
        public Builder scale(float scale) {
            this.scale = scale;
            return this;
        }

        public TinyWhisper build() {
            return new TinyWhisper(this);
        }
    }
}
