package dev.switchboard.local.gguf;

import dev.switchboard.local.internal.ModelFileInput;
import dev.switchboard.local.internal.ModelFormatException;
import dev.switchboard.errors.ModelLoadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A GGUF model file that passed every check Switchboard makes before llama.cpp may open it, and what
 * the engine needs to know about it. {@link #read} reads only the header (tensor data is never read,
 * however large the file) and checks the structure (magic, version 2 or 3, counts, every metadata
 * entry, the tensor table, every tensor's data inside the file in llama.cpp's layout), then the
 * metadata llama.cpp b4916 needs for the architecture (a known one, its sizes and heads, its
 * tokenizer). The values below are as the file states them; llama.cpp's defaults for absent ones are
 * not filled in.
 */
public final class GgufFile {
    private final Path path;
    private final GgufContents contents;
    private final Architecture architecture;

    private GgufFile(Path path, GgufContents contents, Architecture architecture) {
        this.path = path;
        this.contents = contents;
        this.architecture = architecture;
    }

    /**
     * Reads and checks the GGUF file at {@code path}.
     *
     * @throws ModelLoadException if the file is missing or unreadable, or fails a check; the message
     *     names the file and the reason
     */
    public static GgufFile read(Path path) {
        Objects.requireNonNull(path, "path");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            GgufContents contents = GgufParser.parse(new ModelFileInput(channel));
            return new GgufFile(path, contents, LoaderRequirements.check(contents));
        } catch (ModelFormatException e) {
            throw new ModelLoadException("The model file " + path + " cannot be loaded: " + e.getMessage() + ".");
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("The model file " + path + " does not exist.", e);
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : (IOException) e;
            throw new ModelLoadException("The model file " + path + " cannot be read: " + io, io);
        }
    }

    public Path path() {
        return path;
    }

    /** The GGUF version: 2 or 3. */
    public int version() {
        return contents.version();
    }

    public long fileSize() {
        return contents.fileSize();
    }

    /** {@code general.architecture}: {@code llama}, {@code qwen2}, {@code gemma3}… */
    public String architecture() {
        return architecture.name;
    }

    /** {@code general.name}, if the file has one. */
    public Optional<String> name() {
        return optionalString("general.name");
    }

    /** The context length the model was trained with. */
    public long contextLength() {
        return integer(architecture.key("context_length"));
    }

    public long embeddingLength() {
        return integer(architecture.key("embedding_length"));
    }

    public long blockCount() {
        return integer(architecture.key("block_count"));
    }

    /** The number of tokens in the vocabulary; every valid token id is below it. */
    public int vocabularySize() {
        return contents.tokens().count();
    }

    /** {@code tokenizer.ggml.model}: {@code llama} (SentencePiece), {@code gpt2} (BPE), {@code bert}, {@code t5}, {@code rwkv}. */
    public String tokenizerModel() {
        return optionalString("tokenizer.ggml.model").orElseThrow();
    }

    public OptionalInt bosTokenId() {
        return tokenId("bos");
    }

    public OptionalInt eosTokenId() {
        return tokenId("eos");
    }

    /** The end-of-turn token of chat models, when the file names it. */
    public OptionalInt eotTokenId() {
        return tokenId("eot");
    }

    public OptionalInt unknownTokenId() {
        return tokenId("unknown");
    }

    public OptionalInt paddingTokenId() {
        return tokenId("padding");
    }

    /** {@code tokenizer.ggml.add_bos_token}, if stated. */
    public Optional<Boolean> addBosToken() {
        GgufValue value = contents.get("tokenizer.ggml.add_bos_token");
        return value == null ? Optional.empty() : Optional.of((Boolean) value.value());
    }

    /** {@code tokenizer.chat_template}: the Jinja template that turns messages into a prompt. */
    public Optional<String> chatTemplate() {
        return optionalString("tokenizer.chat_template");
    }

    /** {@code {arch}.pooling_type}, if stated. */
    public Optional<PoolingType> poolingType() {
        GgufValue value = contents.get(architecture.key("pooling_type"));
        return value == null ? Optional.empty() : Optional.of(PoolingType.of((Long) value.value()));
    }

    /**
     * Whether the model is made for embeddings rather than text: an encoder architecture (bert,
     * nomic-bert, jina-bert-v2, t5encoder), or one whose file states a pooling type other than none.
     */
    public boolean isEmbeddingModel() {
        return architecture.isEncoder() || poolingType().filter(p -> p != PoolingType.NONE).isPresent();
    }

    public int tensorCount() {
        return contents.tensors().size();
    }

    @Override
    public String toString() {
        return "GgufFile(" + path.getFileName() + ": " + architecture.name + ", " + blockCount() + " layers, "
                + vocabularySize() + " tokens, context " + contextLength() + ")";
    }

    private long integer(String key) {
        return (Long) contents.get(key).value();
    }

    private OptionalInt tokenId(String name) {
        GgufValue value = contents.get("tokenizer.ggml." + name + "_token_id");
        return value == null ? OptionalInt.empty() : OptionalInt.of(((Long) value.value()).intValue());
    }

    private Optional<String> optionalString(String key) {
        GgufValue value = contents.get(key);
        return value == null || value.type() != GgufType.STRING ? Optional.empty() : Optional.ofNullable((String) value.value());
    }
}
