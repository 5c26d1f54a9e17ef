package dev.switchboard.local.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.errors.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tokenizer on CLIP's real vocabulary (openai/CLIP's bpe_simple_vocab_16e6.txt.gz, a test resource),
 * written as a Stable Diffusion folder's vocab.json and merges.txt. The expected ids are what CLIP's
 * simple_tokenizer.py gives for the same texts ("a photo of a cat" is the one CLIP's papers and model
 * cards show: 320, 1125, 539, 320, 2368).
 */
class ClipTokenizerTest {
    private static ClipTokenizer clip;

    @BeforeAll
    static void readRealVocabulary(@TempDir Path dir) throws IOException {
        clip = ClipTokenizer.read(writeClipTokenizer(dir.resolve("tokenizer")));
    }

    /** vocab.json and merges.txt as CLIP's simple_tokenizer.py builds its tables from the published file. */
    static Path writeClipTokenizer(Path folder) throws IOException {
        List<String> lines;
        try (InputStream in = new GZIPInputStream(ClipTokenizerTest.class.getResourceAsStream("bpe_simple_vocab_16e6.txt.gz"))) {
            lines = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        List<String> merges = lines.subList(1, 49152 - 256 - 2 + 1);
        List<String> vocab = new ArrayList<>();
        List<Integer> order = byteOrder();
        for (int b : order) vocab.add(String.valueOf(byteChar(b)));
        for (int b : order) vocab.add(byteChar(b) + "</w>");
        for (String merge : merges) vocab.add(merge.replace(" ", ""));
        vocab.add("<|startoftext|>");
        vocab.add("<|endoftext|>");
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < vocab.size(); i++) ids.put(vocab.get(i), i);
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            if (json.length() > 1) json.append(',');
            json.append('"').append(e.getKey().replace("\\", "\\\\").replace("\"", "\\\"")).append("\":").append(e.getValue());
        }
        json.append('}');
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("vocab.json"), json, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("merges.txt"), "#version: 0.2\n" + String.join("\n", merges) + "\n",
                StandardCharsets.UTF_8);
        return folder;
    }

    /** The order bytes_to_unicode() lists bytes in: the printable ones, then the rest. */
    private static List<Integer> byteOrder() {
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < 256; b++) if (printable(b)) order.add(b);
        for (int b = 0; b < 256; b++) if (!printable(b)) order.add(b);
        return order;
    }

    private static boolean printable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    /** GPT-2's printable stand-in for a byte, as CLIP's bytes_to_unicode() gives it. */
    private static char byteChar(int b) {
        if (printable(b)) return (char) b;
        int n = 0;
        for (int i = 0; i < b; i++) if (!printable(i)) n++;
        return (char) (256 + n);
    }

    @Test
    void aPhotoOfACatGivesClipsIds() {
        assertThat(clip.tokens("a photo of a cat")).containsExactly(320, 1125, 539, 320, 2368);
    }

    @Test
    void capitalsAndRareWordsSplitAsClipSplitsThem() {
        assertThat(clip.tokens("An astronaut riding a horse on Mars")).containsExactly(550, 18376, 6765, 320, 4558, 525, 7496);
        assertThat(clip.tokens("supercalifragilisticexpialidocious"))
                .containsExactly(1642, 2857, 13093, 2076, 5868, 26850, 835, 639, 38466);
    }

    @Test
    void punctuationDigitsAndContractionsAreTheirOwnPieces() {
        assertThat(clip.tokens("A cozy café, 4K, hyper-detailed!!!"))
                .containsExactly(320, 14873, 15304, 267, 275, 330, 267, 22146, 268, 12609, 995);
        assertThat(clip.tokens("don't  stop\tbelieving")).containsExactly(847, 713, 1691, 19551);
    }

    @Test
    void textBeyondTheLatinAlphabetGoesByItsUtf8Bytes() {
        assertThat(clip.tokens("naïve 東京 tower 2024 :-)"))
                .containsExactly(1097, 35689, 563, 48338, 21078, 361, 4730, 273, 271, 273, 275, 4223);
    }

    @Test
    void aPromptIsFramedByStartAndEndAndPaddedWithEndTo77() {
        int[] ids = clip.encode("a photo of a cat");

        assertThat(ids).hasSize(77);
        assertThat(Arrays.copyOf(ids, 8)).containsExactly(49406, 320, 1125, 539, 320, 2368, 49407, 49407);
        assertThat(ids[76]).isEqualTo(49407);
    }

    @Test
    void aLongPromptIsCutTo75TokensAndStillEnds() {
        int[] ids = clip.encode("cat ".repeat(100));

        assertThat(ids).hasSize(77);
        assertThat(ids[0]).isEqualTo(49406);
        assertThat(Arrays.copyOfRange(ids, 1, 76)).containsOnly(2368);
        assertThat(ids[76]).isEqualTo(49407);
    }

    @Test
    void theEmptyPromptIsStartEndAndPadding() {
        int[] ids = clip.encode("");

        assertThat(ids[0]).isEqualTo(49406);
        assertThat(Arrays.copyOfRange(ids, 1, 77)).containsOnly(49407);
    }

    @Test
    void thePaddingTokenComesFromSpecialTokensMap(@TempDir Path dir) throws IOException {
        Path folder = writeClipTokenizer(dir.resolve("tokenizer"));
        Files.writeString(folder.resolve("special_tokens_map.json"), "{\"pad_token\": \"!\", \"eos_token\": {\"content\":"
                + " \"<|endoftext|>\"}}");

        int[] ids = ClipTokenizer.read(folder).encode("a cat");

        assertThat(Arrays.copyOf(ids, 6)).containsExactly(49406, 320, 2368, 49407, 0, 0);
    }

    @Test
    void aVocabularyWithoutClipsSpecialTokensIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vocab.json"), "{\"a</w>\": 0}");
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\n");

        assertThatThrownBy(() -> ClipTokenizer.read(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(dir.resolve("vocab.json") + " has no token <|startoftext|>: it is not a CLIP vocabulary");
    }

    @Test
    void aMergesLineThatIsNotAPairIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vocab.json"), "{\"<|startoftext|>\": 0, \"<|endoftext|>\": 1}");
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\na b\nabc\n");

        assertThatThrownBy(() -> ClipTokenizer.read(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(dir.resolve("merges.txt") + " line 3 must be two symbols separated by a space, was 'abc'");
    }

}
