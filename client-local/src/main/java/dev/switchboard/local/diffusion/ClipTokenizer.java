package dev.switchboard.local.diffusion;

import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.ModelLoadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE tokenizer, as Stable Diffusion's text encoder was trained with: the text is
 * NFC-normalised, its white space collapsed and lowercased, split by CLIP's pattern, each piece's
 * UTF-8 bytes mapped to GPT-2's printable characters, the last one marked {@code </w>}, and merged by
 * rank. The ids are framed by the start and end tokens and padded (or cut) to {@value #LENGTH}.
 *
 * <p>Read from {@code tokenizer/vocab.json} and {@code tokenizer/merges.txt}; the padding token is
 * the one {@code tokenizer/special_tokens_map.json} names ({@code <|endoftext|>} for SD 1.5,
 * {@code !} for SD 2), {@code <|endoftext|>} when the file is absent.
 */
final class ClipTokenizer {
    /** The text encoder's context: start, 75 tokens of text, end (padding after). */
    static final int LENGTH = 77;
    static final String START = "<|startoftext|>";
    static final String END = "<|endoftext|>";
    private static final String WORD_END = "</w>";
    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final char[] BYTE_CHARS = byteChars();
    private static final int CACHE_LIMIT = 10_000;

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> ranks;
    private final int start;
    private final int end;
    private final int pad;
    private final int vocabSize;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private ClipTokenizer(Map<String, Integer> vocab, Map<String, Integer> ranks, int pad) {
        this.vocab = vocab;
        this.ranks = ranks;
        this.start = vocab.get(START);
        this.end = vocab.get(END);
        this.pad = pad;
        this.vocabSize = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /** The tokenizer of a model folder's {@code tokenizer/}; throws ModelLoadException naming the file at fault. */
    static ClipTokenizer read(Path folder) {
        Path vocabFile = folder.resolve("vocab.json");
        Path mergesFile = folder.resolve("merges.txt");
        Map<String, Integer> vocab = readVocab(vocabFile);
        Map<String, Integer> ranks = readMerges(mergesFile);
        for (String special : List.of(START, END)) {
            if (!vocab.containsKey(special)) {
                throw new ModelLoadException(vocabFile + " has no token " + special + ": it is not a CLIP vocabulary");
            }
        }
        String padToken = padToken(folder.resolve("special_tokens_map.json"));
        Integer pad = vocab.get(padToken);
        if (pad == null) {
            throw new ModelLoadException(folder.resolve("special_tokens_map.json") + " names the padding token '" + padToken
                    + "', which " + vocabFile + " does not have");
        }
        return new ClipTokenizer(vocab, ranks, pad);
    }

    private static Map<String, Integer> readVocab(Path file) {
        JsonValue json;
        try {
            json = JsonValueAdapter.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read the tokenizer's vocabulary " + file + ": " + e.getMessage(), e);
        }
        if (!(json instanceof JsonObject)) {
            throw new ModelLoadException(file + " must be a JSON object of token to id, was " + json.getClass().getSimpleName());
        }
        Map<String, Integer> vocab = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : ((JsonObject) json).values().entrySet()) {
            JsonValue id = e.getValue();
            long n = id instanceof JsonNumber ? ((JsonNumber) id).value().longValue() : -1;
            if (n < 0 || n > 10_000_000 || ((JsonNumber) id).value().doubleValue() != n) {
                throw new ModelLoadException(file + ": the id of token '" + e.getKey() + "' must be a whole number from 0,"
                        + " was " + id);
            }
            vocab.put(e.getKey(), (int) n);
        }
        return vocab;
    }

    private static Map<String, Integer> readMerges(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read the tokenizer's merges " + file + ": " + e.getMessage(), e);
        }
        Map<String, Integer> ranks = new HashMap<>(lines.size() * 2);
        int rank = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || (i == 0 && line.startsWith("#version"))) continue;
            String[] pair = line.split(" ");
            if (pair.length != 2) {
                throw new ModelLoadException(file + " line " + (i + 1) + " must be two symbols separated by a space, was '"
                        + line + "'");
            }
            ranks.putIfAbsent(pair[0] + " " + pair[1], rank++);
        }
        return ranks;
    }

    private static String padToken(Path file) {
        if (!Files.isRegularFile(file)) return END;
        try {
            JsonValue json = JsonValueAdapter.parse(Files.readString(file, StandardCharsets.UTF_8));
            JsonValue pad = json instanceof JsonObject ? ((JsonObject) json).values().get("pad_token") : null;
            if (pad instanceof JsonObject) pad = ((JsonObject) pad).values().get("content");
            return pad instanceof JsonString ? ((JsonString) pad).value() : END;
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The one past the highest id: every id this tokenizer gives is below it. */
    int vocabSize() {
        return vocabSize;
    }

    /** The {@value #LENGTH} ids the text encoder takes for {@code text}: start, the text's tokens (cut to fit), end, padding. */
    int[] encode(String text) {
        int[] ids = new int[LENGTH];
        Arrays.fill(ids, pad);
        ids[0] = start;
        int n = 1;
        outer:
        for (int[] piece : pieces(text)) {
            for (int id : piece) {
                if (n == LENGTH - 1) break outer;
                ids[n++] = id;
            }
        }
        ids[n] = end;
        return ids;
    }

    /** The text's tokens without start, end or padding, none cut. */
    int[] tokens(String text) {
        List<int[]> pieces = pieces(text);
        return pieces.stream().flatMapToInt(Arrays::stream).toArray();
    }

    private List<int[]> pieces(String text) {
        String clean = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
        List<int[]> pieces = new ArrayList<>();
        Matcher m = PIECES.matcher(clean);
        while (m.find()) {
            String piece = m.group();
            int[] ids = cache.get(piece);
            if (ids == null) {
                ids = bpe(piece);
                if (cache.size() < CACHE_LIMIT) cache.put(piece, ids);
            }
            pieces.add(ids);
        }
        return pieces;
    }

    private int[] bpe(String piece) {
        if (piece.equals(START) || piece.equals(END)) return new int[] {vocab.get(piece)};
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        List<String> word = new ArrayList<>(bytes.length);
        for (byte b : bytes) word.add(String.valueOf(BYTE_CHARS[b & 0xff]));
        word.set(word.size() - 1, word.get(word.size() - 1) + WORD_END);
        while (word.size() > 1) {
            int best = Integer.MAX_VALUE;
            String first = null;
            String second = null;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer rank = ranks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < best) {
                    best = rank;
                    first = word.get(i);
                    second = word.get(i + 1);
                }
            }
            if (first == null) break;
            List<String> merged = new ArrayList<>(word.size());
            for (int i = 0; i < word.size(); i++) {
                if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i++;
                } else {
                    merged.add(word.get(i));
                }
            }
            word = merged;
        }
        int[] ids = new int[word.size()];
        for (int i = 0; i < ids.length; i++) {
            // Every byte and byte-at-word-end is in a CLIP vocabulary; a symbol that is not becomes the end token, as CLIP's unknown token is.
            ids[i] = vocab.getOrDefault(word.get(i), end);
        }
        return ids;
    }

    /** GPT-2's map from bytes to printable characters, which CLIP's vocabulary is written in. */
    private static char[] byteChars() {
        char[] chars = new char[256];
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) printable[b] = true;
        for (int b = 0xA1; b <= 0xAC; b++) printable[b] = true;
        for (int b = 0xAE; b <= 0xFF; b++) printable[b] = true;
        int next = 0;
        for (int b = 0; b < 256; b++) chars[b] = printable[b] ? (char) b : (char) (256 + next++);
        return chars;
    }
}
