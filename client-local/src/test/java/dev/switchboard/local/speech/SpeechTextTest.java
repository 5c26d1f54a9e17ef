package dev.switchboard.local.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text the engines are given: plain ASCII, no word too long to speak in good time. */
class SpeechTextTest {

    @Test
    void accentsComeOffAndTypographicPunctuationBecomesPlain() {
        assertThat(SpeechRequest.ascii("Caf\u00e9 \u2014 na\u00efve \u201cquotes\u201d and it\u2019s \u2013 ok"))
                .isEqualTo("Cafe - naive \"quotes\" and it's - ok");
    }

    @Test
    void lineBreaksControlCharactersAndOtherScriptsBecomeSpaces() {
        assertThat(SpeechRequest.ascii("one\ntwo\tthree\u0000four \u4e2d five")).isEqualTo("one two three four   five");
    }

    @Test
    void wordsLongerThan48CharactersAreBrokenUp() {
        String word = "x".repeat(100);

        assertThat(SpeechRequest.breakLongWords("a " + word + " b"))
                .isEqualTo("a " + "x".repeat(48) + " " + "x".repeat(48) + " " + "x".repeat(4) + " b");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String text = "The quick brown fox, at 3:30 pm, jumps over the lazy dog (www.example.com).";

        assertThat(SpeechRequest.breakLongWords(SpeechRequest.ascii(text))).isEqualTo(text);
    }
}
