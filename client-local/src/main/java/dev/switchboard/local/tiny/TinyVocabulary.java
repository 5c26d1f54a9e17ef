package dev.switchboard.local.tiny;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small SentencePiece vocabulary of the kind llama.cpp calls {@code llama}: {@code <unk>}, {@code <s>},
 * {@code </s>}, the ChatML markers, the 256 byte tokens {@code <0x00>}…{@code <0xFF>} (so any text
 * round-trips, through bytes where no piece fits), then pieces: {@code ▁} (the space), the printable
 * ASCII characters, and common English words with {@code ▁} before them and the prefixes that let
 * SentencePiece's merges reach them, plus a few JSON pieces. About a thousand tokens.
 */
public final class TinyVocabulary {
    public static final String SPACE = "\u2581";
    public static final int UNK = 0, BOS = 1, EOS = 2, IM_START = 3, IM_END = 4, FIRST_BYTE = 5;
    /** llama.cpp's token types. */
    static final int NORMAL = 1, UNKNOWN = 2, CONTROL = 3, BYTE = 6;

    private static final String[] WORDS = {
        "the", "of", "and", "to", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are", "as",
        "with", "his", "they", "at", "be", "this", "have", "from", "or", "one", "had", "by", "word", "but",
        "not", "what", "all", "were", "we", "when", "your", "can", "said", "there", "use", "an", "each",
        "which", "she", "do", "how", "their", "if", "will", "up", "other", "about", "out", "many", "then",
        "them", "these", "so", "some", "her", "would", "make", "like", "him", "into", "time", "has", "look",
        "two", "more", "write", "go", "see", "number", "no", "way", "could", "people", "my", "than", "first",
        "water", "been", "call", "who", "its", "now", "find", "long", "down", "day", "did", "get", "come",
        "made", "may", "part", "hello", "world", "yes", "name", "answer", "question", "model", "story",
        "once", "upon", "little", "girl", "boy", "happy", "big", "red", "blue", "cat", "dog", "sun", "play",
        "friend", "help", "thank", "please", "good", "new", "user", "assistant", "system", "true", "false",
        "null", "json", "object", "array", "string", "value", "key", "list", "city", "Paris", "London",
        "weather", "today", "tomorrow", "I", "The", "A", "It", "Hello", "Once", "Yes", "No",
    };
    private static final String[] EXTRA = {
        "{\"", "\":", "\",", "\"}", "\": \"", "\", \"", "[\"", "\"]", "{}", "[]", "\n\n", SPACE + "\"",
        SPACE + "{", SPACE + "[", SPACE + "-", ".\n", ",", "!", "?", "'s", "ing", "ed", "er", "ly",
    };

    private final List<String> tokens;
    private final float[] scores;
    private final int[] types;

    private TinyVocabulary(List<String> tokens, float[] scores, int[] types) {
        this.tokens = tokens;
        this.scores = scores;
        this.types = types;
    }

    /** The vocabulary; the same every time. */
    public static TinyVocabulary create() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"));
        List<Integer> types = new ArrayList<>(List.of(UNKNOWN, CONTROL, CONTROL, CONTROL, CONTROL));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(BYTE);
        }
        Set<String> pieces = new LinkedHashSet<>();
        pieces.add(SPACE);
        for (char c = '!'; c <= '~'; c++) {
            pieces.add(String.valueOf(c));
        }
        for (String word : WORDS) {
            String spaced = SPACE + word;
            for (int end = 2; end <= spaced.length(); end++) {
                pieces.add(spaced.substring(0, end));
            }
            for (int end = 2; end <= word.length(); end++) {
                pieces.add(word.substring(0, end));
            }
        }
        Collections.addAll(pieces, EXTRA);
        int firstPiece = tokens.size();
        for (String piece : pieces) {
            tokens.add(piece);
            types.add(NORMAL);
        }
        float[] scores = new float[tokens.size()];
        for (int id = firstPiece; id < tokens.size(); id++) {
            // SentencePiece merges the highest-scoring pair first: shorter, earlier pieces score higher.
            scores[id] = -(id - firstPiece) - 1;
        }
        return new TinyVocabulary(List.copyOf(tokens), scores, types.stream().mapToInt(Integer::intValue).toArray());
    }

    public List<String> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public int id(String token) {
        int id = tokens.indexOf(token);
        if (id < 0) {
            throw new IllegalArgumentException("no token '" + token + "'");
        }
        return id;
    }

    float[] scores() {
        return scores.clone();
    }

    int[] types() {
        return types.clone();
    }
}
