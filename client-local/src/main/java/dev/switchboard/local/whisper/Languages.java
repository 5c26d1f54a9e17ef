package dev.switchboard.local.whisper;

import java.util.List;
import java.util.Locale;

/**
 * The languages whisper knows, in whisper's order (a language's index is its token's offset after
 * the start-of-transcript token): ISO-639-1 codes as requests name them, and the English names the
 * OpenAI API reports in verbose_json ("english"). Multilingual models know the first 99; large-v3
 * (a vocabulary of 51866) adds Cantonese.
 */
public final class Languages {
    private static final List<String> CODES = List.of("en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "tr", "pl",
            "ca", "nl", "ar", "sv", "it", "id", "hi", "fi", "vi", "he", "uk", "el", "ms", "cs", "ro", "da", "hu", "ta", "no",
            "th", "ur", "hr", "bg", "lt", "la", "mi", "ml", "cy", "sk", "te", "fa", "lv", "bn", "sr", "az", "sl", "kn", "et",
            "mk", "br", "eu", "is", "hy", "ne", "mn", "bs", "kk", "sq", "sw", "gl", "mr", "pa", "si", "km", "sn", "yo", "so",
            "af", "oc", "ka", "be", "tg", "sd", "gu", "am", "yi", "lo", "uz", "fo", "ht", "ps", "tk", "nn", "mt", "sa", "lb",
            "my", "bo", "tl", "mg", "as", "tt", "haw", "ln", "ha", "ba", "jw", "su", "yue");
    private static final List<String> NAMES = List.of("english", "chinese", "german", "spanish", "russian", "korean",
            "french", "japanese", "portuguese", "turkish", "polish", "catalan", "dutch", "arabic", "swedish", "italian",
            "indonesian", "hindi", "finnish", "vietnamese", "hebrew", "ukrainian", "greek", "malay", "czech", "romanian",
            "danish", "hungarian", "tamil", "norwegian", "thai", "urdu", "croatian", "bulgarian", "lithuanian", "latin",
            "maori", "malayalam", "welsh", "slovak", "telugu", "persian", "latvian", "bengali", "serbian", "azerbaijani",
            "slovenian", "kannada", "estonian", "macedonian", "breton", "basque", "icelandic", "armenian", "nepali",
            "mongolian", "bosnian", "kazakh", "albanian", "swahili", "galician", "marathi", "punjabi", "sinhala", "khmer",
            "shona", "yoruba", "somali", "afrikaans", "occitan", "georgian", "belarusian", "tajik", "sindhi", "gujarati",
            "amharic", "yiddish", "lao", "uzbek", "faroese", "haitian creole", "pashto", "turkmen", "nynorsk", "maltese",
            "sanskrit", "luxembourgish", "myanmar", "tibetan", "tagalog", "malagasy", "assamese", "tatar", "hawaiian",
            "lingala", "hausa", "bashkir", "javanese", "sundanese", "cantonese");

    private Languages() {}

    /** Whether whisper knows the language {@code code} (an ISO-639-1 code, any case). */
    public static boolean known(String code) {
        return index(code) >= 0;
    }

    /** The language's index in whisper's table, or -1. */
    static int index(String code) {
        return CODES.indexOf(code.toLowerCase(Locale.ROOT));
    }

    /** The English name of the language {@code code}, as the OpenAI API reports it; the code itself when unknown. */
    static String name(String code) {
        int i = index(code);
        return i < 0 ? code : NAMES.get(i);
    }
}
