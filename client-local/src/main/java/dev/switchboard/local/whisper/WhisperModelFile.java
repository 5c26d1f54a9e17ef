package dev.switchboard.local.whisper;

import dev.switchboard.local.internal.ModelFileInput;
import dev.switchboard.local.internal.ModelFormatException;
import dev.switchboard.errors.ModelLoadException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A whisper.cpp model file (the legacy ggml layout whisper.cpp 1.7.1 reads), checked part by part
 * before native code opens it, because whisper.cpp trusts the file and ends the JVM on many bad ones.
 * Measured on io.github.givimad:whisper-jni 1.7.1 (Linux x86-64, each in a forked JVM, exit 134 =
 * abort): an unknown ftype (GGML_ASSERT at load); ftype 0 with F32 weights (loads, then GGML_ASSERT in
 * the first transcription; a test keeps this measured); negative mel filter sizes or a
 * negative tensor name length (std::length_error); a file cut inside the header (garbage sizes); a
 * vocabulary without the token {@code " "}, or cut short (loads, then std::out_of_range in the first
 * transcription). A tensor with more than 4 dimensions or an unknown type id made the load return
 * null here, after writing past a stack array: undefined behaviour, refused too.
 *
 * <p>What is checked: the magic; each hyperparameter against what whisper's architecture allows; the
 * mel filter bank's sizes; the vocabulary's count, each token's length, and the token {@code " "};
 * then the tensor table: every tensor whisper.cpp expects, once, with its exact type and shape, its
 * data inside the file, and nothing after the last one. Weights are never read, so a check of a
 * large model reads a few megabytes.
 */
public final class WhisperModelFile {
    /** {@code "ggml"} as a little-endian uint32. */
    static final int MAGIC = 0x67676d6c;
    /** Vocabulary sizes of the released models: English-only, multilingual (99 languages), large-v3 (100). */
    static final int ENGLISH_VOCABULARY = 51864;
    static final int MULTILINGUAL_VOCABULARY = 51865;
    static final int LARGE_V3_VOCABULARY = 51866;
    /** Audio positions of a 30-second window and text positions: the same in every whisper model. */
    static final int AUDIO_CONTEXT = 1500;
    static final int TEXT_CONTEXT = 448;
    /** Frequency bins of whisper's 400-sample FFT, which the mel filters must cover. */
    static final int FFT_BINS = 201;
    /** GGML_QNT_VERSION of the ggml in whisper.cpp 1.7.1; ftype carries it times 1000. */
    static final int QUANTIZATION_VERSION = 2;
    private static final int MAX_NAME_BYTES = 256;
    private static final int MAX_LAYERS = 128;
    private static final int MAX_STATE = 8192;

    private final Path path;
    private final int vocabulary;
    private final int state;
    private final int audioLayers;
    private final int textLayers;
    private final int mels;
    private final TensorType weights;

    private WhisperModelFile(Path path, int[] h, TensorType weights) {
        this.path = path;
        this.vocabulary = h[0];
        this.state = h[2];
        this.audioLayers = h[4];
        this.textLayers = h[8];
        this.mels = h[9];
        this.weights = weights;
    }

    /**
     * Checks {@code file} as whisper.cpp 1.7.1 would read it, without loading it; throws
     * {@link ModelLoadException} naming the file and what is wrong. Safe on any bytes: for tools
     * (and fuzzers) that want the verdict alone.
     */
    public static void check(Path file) {
        read(file);
    }

    /** The checked file and what the engine needs from it; throws ModelLoadException naming the problem. */
    public static WhisperModelFile read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, new ModelFileInput(channel));
        } catch (ModelFormatException e) {
            throw new ModelLoadException(file + " is not a whisper.cpp model it can load: " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("no whisper model file at " + file.toAbsolutePath());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ModelLoadException("cannot read the whisper model file " + file + ": " + e.getMessage(), e);
        }
    }

    private static WhisperModelFile read(Path file, ModelFileInput in) {
        int magic = in.i32("the magic number");
        if (magic != MAGIC) {
            throw new ModelFormatException(String.format("it starts with 0x%08x, not ggml's magic 0x%08x%s", magic, MAGIC,
                    magic == 0x46554747 ? " (it is a GGUF file: whisper.cpp 1.7.1 reads ggml .bin models such as"
                            + " ggml-base.en.bin)" : ""));
        }
        String[] names = {"n_vocab", "n_audio_ctx", "n_audio_state", "n_audio_head", "n_audio_layer", "n_text_ctx",
                "n_text_state", "n_text_head", "n_text_layer", "n_mels", "ftype"};
        int[] h = new int[names.length];
        for (int i = 0; i < h.length; i++) h[i] = in.i32("the hyperparameters (" + names[i] + ")");
        TensorType weights = checkHyperparameters(h);

        int filterMels = in.i32("the mel filters' size");
        int filterBins = in.i32("the mel filters' size");
        if (filterMels != h[9] || filterBins != FFT_BINS) {
            throw new ModelFormatException("the mel filter bank is " + filterMels + " x " + filterBins + "; it must be n_mels x "
                    + FFT_BINS + " = " + h[9] + " x " + FFT_BINS);
        }
        in.skip((long) filterMels * filterBins * 4, "the mel filters");

        int tokens = in.i32("the vocabulary's size");
        if (tokens <= 0 || tokens > h[0]) {
            throw new ModelFormatException("the vocabulary lists " + tokens + " tokens; it must list between 1 and n_vocab ("
                    + h[0] + ")");
        }
        byte[] space = {' '};
        boolean hasSpace = false;
        for (int i = 0; i < tokens; i++) {
            long length = in.u32("token " + i + " of the vocabulary");
            if (length > in.remaining()) throw ModelFormatException.truncated(in.size(), "token " + i + " of the vocabulary");
            if (length == 1 && !hasSpace) {
                hasSpace = in.matches(space, length, "token " + i + " of the vocabulary");
            } else {
                in.skip(length, "token " + i + " of the vocabulary");
            }
        }
        if (!hasSpace) {
            throw new ModelFormatException("its vocabulary has no token \" \", which whisper.cpp 1.7.1 looks up in every"
                    + " transcription (it would abort the JVM)");
        }

        checkTensors(in, expectedTensors(h, weights));
        return new WhisperModelFile(file, h, weights);
    }

    private static TensorType checkHyperparameters(int[] h) {
        int vocabulary = h[0];
        if (vocabulary != ENGLISH_VOCABULARY && vocabulary != MULTILINGUAL_VOCABULARY && vocabulary != LARGE_V3_VOCABULARY) {
            throw new ModelFormatException("n_vocab is " + vocabulary + "; whisper models have " + ENGLISH_VOCABULARY
                    + " (English-only), " + MULTILINGUAL_VOCABULARY + " or " + LARGE_V3_VOCABULARY + " (large-v3) tokens,"
                    + " and whisper.cpp 1.7.1 places its special tokens by that count");
        }
        exactly("n_audio_ctx", h[1], AUDIO_CONTEXT);
        exactly("n_text_ctx", h[5], TEXT_CONTEXT);
        range("n_audio_state", h[2], 1, MAX_STATE);
        if (h[6] != h[2]) {
            throw new ModelFormatException("n_text_state (" + h[6] + ") differs from n_audio_state (" + h[2] + "); whisper"
                    + " models have one width");
        }
        range("n_audio_head", h[3], 1, h[2]);
        range("n_text_head", h[7], 1, h[6]);
        if (h[2] % h[3] != 0 || h[6] % h[7] != 0) {
            throw new ModelFormatException("the state width (" + h[2] + ") is not a multiple of the head counts (" + h[3]
                    + ", " + h[7] + ")");
        }
        range("n_audio_layer", h[4], 1, MAX_LAYERS);
        range("n_text_layer", h[8], 1, MAX_LAYERS);
        if (h[9] != 80 && h[9] != 128) {
            throw new ModelFormatException("n_mels is " + h[9] + "; whisper models use 80 mel bands (128 for large-v3)");
        }
        int ftype = h[10];
        int version = ftype / 1000;
        int base = ftype % 1000;
        if (ftype < 0 || version > QUANTIZATION_VERSION) {
            throw new ModelFormatException("ftype is " + ftype + ", which names no weight type whisper.cpp 1.7.1 knows"
                    + " (it would abort the JVM)");
        }
        if (base == 0) {
            throw new ModelFormatException("its weights are F32 (ftype 0), which whisper.cpp 1.7.1 cannot run (it aborts"
                    + " the JVM); use the F16 model, or quantize this one with whisper.cpp's quantize tool");
        }
        TensorType weights = TensorType.ofFtype(base);
        if (weights == null) {
            throw new ModelFormatException("ftype is " + ftype + ", which names no weight type whisper.cpp 1.7.1 runs"
                    + " (F16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K…Q6_K)");
        }
        if (weights.quantized() && version != QUANTIZATION_VERSION) {
            throw new ModelFormatException("it was quantized with quantization version " + version + "; whisper.cpp 1.7.1"
                    + " reads version " + QUANTIZATION_VERSION + ": quantize the F16 model again");
        }
        if (h[2] % weights.blockSize != 0) {
            throw new ModelFormatException("its state width " + h[2] + " does not fill whole " + weights + " blocks of "
                    + weights.blockSize);
        }
        return weights;
    }

    private static void exactly(String name, int value, int expected) {
        if (value != expected) {
            throw new ModelFormatException(name + " is " + value + "; every whisper model has " + expected);
        }
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ModelFormatException(name + " is " + value + "; it must be between " + min + " and " + max);
        }
    }

    /** A tensor whisper.cpp 1.7.1 creates for these hyperparameters: its type and ggml shape (fastest dimension first). */
    private static final class Expected {
        final TensorType type;
        final long[] ne;

        Expected(TensorType type, long... ne) {
            this.type = type;
            this.ne = ne;
        }

        long elements() {
            long n = 1;
            for (long d : ne) n *= d;
            return n;
        }
    }

    /** The tensors whisper.cpp 1.7.1's loader creates, by name, as its whisper_model_load does. */
    private static Map<String, Expected> expectedTensors(int[] h, TensorType w) {
        int vocabulary = h[0], audioState = h[2], audioLayers = h[4], textState = h[6], textLayers = h[8], mels = h[9];
        TensorType f32 = TensorType.F32, conv = TensorType.F16;
        Map<String, Expected> t = new LinkedHashMap<>();
        t.put("encoder.positional_embedding", new Expected(f32, audioState, AUDIO_CONTEXT));
        t.put("encoder.conv1.weight", new Expected(conv, 3, mels, audioState));
        t.put("encoder.conv1.bias", new Expected(f32, 1, audioState));
        t.put("encoder.conv2.weight", new Expected(conv, 3, audioState, audioState));
        t.put("encoder.conv2.bias", new Expected(f32, 1, audioState));
        t.put("encoder.ln_post.weight", new Expected(f32, audioState));
        t.put("encoder.ln_post.bias", new Expected(f32, audioState));
        for (int i = 0; i < audioLayers; i++) layer(t, "encoder.blocks." + i + ".", audioState, w, false);
        t.put("decoder.positional_embedding", new Expected(f32, textState, TEXT_CONTEXT));
        t.put("decoder.token_embedding.weight", new Expected(w, textState, vocabulary));
        t.put("decoder.ln.weight", new Expected(f32, textState));
        t.put("decoder.ln.bias", new Expected(f32, textState));
        for (int i = 0; i < textLayers; i++) layer(t, "decoder.blocks." + i + ".", textState, w, true);
        return t;
    }

    private static void layer(Map<String, Expected> t, String p, int s, TensorType w, boolean cross) {
        TensorType f32 = TensorType.F32;
        t.put(p + "mlp_ln.weight", new Expected(f32, s));
        t.put(p + "mlp_ln.bias", new Expected(f32, s));
        t.put(p + "mlp.0.weight", new Expected(w, s, 4L * s));
        t.put(p + "mlp.0.bias", new Expected(f32, 4L * s));
        t.put(p + "mlp.2.weight", new Expected(w, 4L * s, s));
        t.put(p + "mlp.2.bias", new Expected(f32, s));
        attention(t, p + "attn", s, w);
        if (cross) attention(t, p + "cross_attn", s, w);
    }

    private static void attention(Map<String, Expected> t, String p, int s, TensorType w) {
        TensorType f32 = TensorType.F32;
        t.put(p + "_ln.weight", new Expected(f32, s));
        t.put(p + "_ln.bias", new Expected(f32, s));
        t.put(p + ".query.weight", new Expected(w, s, s));
        t.put(p + ".query.bias", new Expected(f32, s));
        t.put(p + ".key.weight", new Expected(w, s, s));
        t.put(p + ".value.weight", new Expected(w, s, s));
        t.put(p + ".value.bias", new Expected(f32, s));
        t.put(p + ".out.weight", new Expected(w, s, s));
        t.put(p + ".out.bias", new Expected(f32, s));
    }

    private static void checkTensors(ModelFileInput in, Map<String, Expected> expected) {
        Set<String> seen = new HashSet<>();
        int index = 0;
        while (in.remaining() > 0) {
            String where = "tensor entry " + index;
            int dims = in.i32(where + " (its dimension count)");
            int nameLength = in.i32(where + " (its name length)");
            int typeId = in.i32(where + " (its type)");
            if (dims < 1 || dims > 3) {
                throw new ModelFormatException(where + " has " + dims + " dimensions; whisper tensors have 1 to 3");
            }
            if (nameLength < 1 || nameLength > MAX_NAME_BYTES) {
                throw new ModelFormatException(where + " has a name of " + nameLength + " bytes; names have 1 to "
                        + MAX_NAME_BYTES);
            }
            long[] ne = new long[dims];
            for (int d = 0; d < dims; d++) ne[d] = in.i32(where + " (its shape)");
            String name = new String(in.bytes(nameLength, where + " (its name)"), StandardCharsets.UTF_8);
            where = "tensor '" + name + "'";
            Expected e = expected.get(name);
            if (e == null) throw new ModelFormatException(where + " is not a tensor of this whisper model");
            if (!seen.add(name)) throw new ModelFormatException(where + " appears twice");
            TensorType type = TensorType.byId(typeId);
            if (type != e.type) {
                throw new ModelFormatException(where + " has type " + (type == null ? "id " + typeId : type.name())
                        + "; this model's must be " + e.type);
            }
            if (!Arrays.equals(padded(ne, e.ne.length), e.ne)) {
                throw new ModelFormatException(where + " has shape " + Arrays.toString(ne) + "; it must be "
                        + Arrays.toString(e.ne));
            }
            long bytes = e.type.bytes(e.elements());
            if (bytes < 0) throw new ModelFormatException(where + " does not fill whole " + e.type + " blocks");
            if (bytes > in.remaining()) {
                throw ModelFormatException.truncated(in.size(), "the data of " + where + " (" + bytes + " bytes from byte "
                        + in.position() + ")");
            }
            in.skip(bytes, "the data of " + where);
            index++;
        }
        if (seen.size() != expected.size()) {
            Set<String> missing = new java.util.TreeSet<>(expected.keySet());
            missing.removeAll(seen);
            throw new ModelFormatException("it lacks " + missing.size() + " of its " + expected.size() + " tensors ("
                    + String.join(", ", missing.stream().limit(5).toArray(String[]::new))
                    + (missing.size() > 5 ? ", …" : "") + "); it is incomplete");
        }
    }

    /** {@code ne} with trailing dimensions of 1 added up to {@code length}, as ggml reads shapes. */
    private static long[] padded(long[] ne, int length) {
        if (ne.length >= length) {
            // Trailing 1s beyond the expected rank are what ggml pads with anyway.
            for (int i = length; i < ne.length; i++) if (ne[i] != 1) return ne;
            return Arrays.copyOf(ne, length);
        }
        long[] p = Arrays.copyOf(ne, length);
        Arrays.fill(p, ne.length, length, 1);
        return p;
    }

    public Path path() {
        return path;
    }

    /** The number of languages the model knows: 0 for an English-only model. */
    public int languages() {
        if (vocabulary == ENGLISH_VOCABULARY) return 0;
        return vocabulary == LARGE_V3_VOCABULARY ? 100 : 99;
    }

    public boolean multilingual() {
        return vocabulary != ENGLISH_VOCABULARY;
    }

    @Override
    public String toString() {
        return path.getFileName() + " (" + audioLayers + "+" + textLayers + " layers of " + state + ", " + mels + " mels, "
                + weights + ", " + (multilingual() ? languages() + " languages" : "English-only") + ")";
    }
}
