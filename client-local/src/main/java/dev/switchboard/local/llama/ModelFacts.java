package dev.switchboard.local.llama;

import dev.switchboard.errors.ModelLoadException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the engine must know about a model before it hands llama.cpp a value: the vocabulary size
 * (token ids and logit biases are checked against it: an id out of range aborts the JVM), the chat
 * template the file carries, whether the tokenizer adds BOS/EOS (for prompt token counts), and the
 * trained context length.
 */
final class ModelFacts {
    private static final int GGUF_MAGIC = 0x46554747; // "GGUF" read little-endian
    private static final long MAX_STRING = 16L << 20;

    final String architecture;
    final int vocabularySize;
    final Optional<String> chatTemplate;
    final boolean addsBos;
    final boolean addsEos;
    final int trainedContext;

    ModelFacts(String architecture, int vocabularySize, String chatTemplate, boolean addsBos, boolean addsEos,
            int trainedContext) {
        this.architecture = architecture;
        this.vocabularySize = vocabularySize;
        this.chatTemplate = Optional.ofNullable(chatTemplate).filter(t -> !t.isBlank());
        this.addsBos = addsBos;
        this.addsEos = addsEos;
        this.trainedContext = trainedContext;
    }

    /**
     * The facts of a GGUF file, read from its metadata. This reads what the engine needs; the full
     * structural check (tensors, offsets, sizes) is the GGUF validator's, run before this.
     */
    static ModelFacts read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            Reader r = new Reader(in, file);
            if (r.u32() != GGUF_MAGIC) throw r.fail("it does not start with GGUF's magic bytes");
            int version = r.u32();
            if (version < 2 || version > 3) throw r.fail("GGUF version " + version + " is not 2 or 3");
            r.u64(); // tensor count
            long entries = r.u64();
            if (entries < 0 || entries > 1 << 20) throw r.fail("it claims " + entries + " metadata entries");
            String architecture = null;
            String tokenizer = null;
            String template = null;
            Boolean addBos = null;
            Boolean addEos = null;
            long vocabulary = -1;
            long[] contextByKey = new long[1];
            java.util.Map<String, Long> numbers = new java.util.HashMap<>();
            for (long i = 0; i < entries; i++) {
                String key = r.string();
                int type = r.u32();
                switch (key) {
                    case "general.architecture":
                        architecture = r.expectString(type, key);
                        break;
                    case "tokenizer.ggml.model":
                        tokenizer = r.expectString(type, key);
                        break;
                    case "tokenizer.chat_template":
                        template = r.expectString(type, key);
                        break;
                    case "tokenizer.ggml.add_bos_token":
                        addBos = r.expectBool(type, key);
                        break;
                    case "tokenizer.ggml.add_eos_token":
                        addEos = r.expectBool(type, key);
                        break;
                    case "tokenizer.ggml.tokens":
                        if (type != 9) throw r.fail(key + " is not an array");
                        int elementType = r.u32();
                        vocabulary = r.u64();
                        if (vocabulary <= 0 || vocabulary > 1 << 24) throw r.fail(key + " holds " + vocabulary + " tokens");
                        for (long t = 0; t < vocabulary; t++) r.skip(elementType);
                        break;
                    default:
                        if (key.endsWith(".context_length") && (type == 4 || type == 10)) {
                            numbers.put(key, type == 4 ? r.u32() & 0xFFFFFFFFL : r.u64());
                        } else {
                            r.skip(type);
                        }
                }
            }
            if (architecture == null) throw r.fail("it names no general.architecture");
            if (vocabulary < 0) throw r.fail("it has no tokenizer.ggml.tokens vocabulary");
            Long context = numbers.get(architecture + ".context_length");
            contextByKey[0] = context == null ? 0 : context;
            boolean spm = tokenizer == null || tokenizer.equals("llama");
            return new ModelFacts(architecture, (int) vocabulary, template, addBos != null ? addBos : spm,
                    addEos != null && addEos, (int) Math.min(Integer.MAX_VALUE, contextByKey[0]));
        } catch (EOFException e) {
            throw new ModelLoadException(file + " is not a usable GGUF model: it ends inside its metadata"
                    + " (a partial download?); fetch the file again");
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read the model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Little-endian GGUF primitives over a stream, bounded so a corrupt length cannot exhaust memory. */
    private static final class Reader {
        private final DataInputStream in;
        private final Path file;

        Reader(DataInputStream in, Path file) {
            this.in = in;
            this.file = file;
        }

        ModelLoadException fail(String reason) {
            return new ModelLoadException(file + " is not a usable GGUF model: " + reason);
        }

        int u32() throws IOException {
            return Integer.reverseBytes(in.readInt());
        }

        long u64() throws IOException {
            return Long.reverseBytes(in.readLong());
        }

        String string() throws IOException {
            long length = u64();
            if (length < 0 || length > MAX_STRING) throw fail("a string claims " + length + " bytes");
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length != length) throw new EOFException();
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String expectString(int type, String key) throws IOException {
            if (type != 8) throw fail(key + " is not a string");
            return string();
        }

        boolean expectBool(int type, String key) throws IOException {
            if (type != 7) throw fail(key + " is not a boolean");
            return in.readByte() != 0;
        }

        void skip(int type) throws IOException {
            switch (type) {
                case 0: case 1: case 7:
                    skipBytes(1);
                    break;
                case 2: case 3:
                    skipBytes(2);
                    break;
                case 4: case 5: case 6:
                    skipBytes(4);
                    break;
                case 10: case 11: case 12:
                    skipBytes(8);
                    break;
                case 8:
                    long length = u64();
                    if (length < 0 || length > MAX_STRING) throw fail("a string claims " + length + " bytes");
                    skipBytes(length);
                    break;
                case 9:
                    int elementType = u32();
                    long count = u64();
                    if (count < 0 || count > 1L << 32) throw fail("an array claims " + count + " elements");
                    for (long i = 0; i < count; i++) skip(elementType);
                    break;
                default:
                    throw fail("a metadata value has unknown type " + type);
            }
        }

        private void skipBytes(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) throw new EOFException();
                    skipped = 1;
                }
                n -= skipped;
            }
        }
    }
}
