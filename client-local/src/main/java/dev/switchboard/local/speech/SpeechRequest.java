package dev.switchboard.local.speech;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.core.JsonValue;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A speech request, checked before any engine sees it: the text (at most {@value #MAX_INPUT}
 * characters, as OpenAI allows, turned into the printable ASCII both engines read), the voice, the
 * speed (0.25 to 4, as OpenAI allows) and the format. What cannot be served is a 400 naming the
 * parameter and what would be accepted. Without a {@code response_format} the answer is wav:
 * OpenAI's default, mp3, needs an encoder this engine does not have. {@code instructions} are
 * accepted and not followed: neither engine has a way to act on them.
 */
final class SpeechRequest {
    static final int MAX_INPUT = 4096;
    /** The longest text the engines are given (the flite shim's limit): decomposing a few characters lengthens them. */
    static final int MAX_TEXT = 8192;
    static final int LONGEST_WORD = 48;
    static final double MIN_SPEED = 0.25;
    static final double MAX_SPEED = 4.0;

    final String text;
    final String voice;
    final double speed;
    final AudioFormat format;

    private SpeechRequest(String text, String voice, double speed, AudioFormat format) {
        this.text = text;
        this.voice = voice;
        this.speed = speed;
        this.format = format;
    }

    static SpeechRequest of(SpeechCreateParams params, Voices voices, String engine) {
        String input = params.input();
        if (input.length() > MAX_INPUT) {
            throw BackendErrors.badRequest("input", "input is " + input.length() + " characters long; the most is " + MAX_INPUT);
        }
        String text = breakLongWords(ascii(input));
        if (text.isBlank()) throw BackendErrors.badRequest("input", "input has nothing to say; give the text to speak");
        if (text.length() > MAX_TEXT) {
            throw BackendErrors.badRequest("input", "input spells out to " + text.length() + " characters of plain text;"
                    + " the most is " + MAX_TEXT + "; send it in parts");
        }

        String requested = voiceName(params);
        String voice = voices.engineVoice(requested).orElseThrow(() -> BackendErrors.badRequest("voice",
                "voice '" + requested + "' is not one the " + engine + " engine speaks; the voices are "
                        + String.join(", ", voices.names())));

        double speed = params.speed().orElse(1.0);
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw BackendErrors.badRequest("speed", "speed must be between " + MIN_SPEED + " and " + MAX_SPEED + ", was " + speed);
        }

        AudioFormat format = AudioFormat.WAV;
        if (params.responseFormat().isPresent()) {
            String name = params.responseFormat().get().asString();
            format = null;
            for (AudioFormat f : AudioFormat.values()) {
                if (f.wireName().equals(name)) format = f;
            }
            if (format == null) {
                throw BackendErrors.badRequest("response_format", "response_format '" + name + "' is not supported by the local"
                        + " speech engine (it has no " + name + " encoder); the formats are wav and pcm");
            }
        }
        if (params.streamFormat().isPresent() && !params.streamFormat().get().asString().equals("audio")) {
            throw BackendErrors.badRequest("stream_format", "stream_format '" + params.streamFormat().get().asString()
                    + "' is not supported by the local speech engine; use audio (the body streams as it is spoken)");
        }
        return new SpeechRequest(text, voice, speed, format);
    }

    private static String voiceName(SpeechCreateParams params) {
        return params.voice().accept(new SpeechCreateParams.Voice.Visitor<String>() {
            @Override
            public String visitString(String string) {
                return string;
            }

            @Override
            public String visitUnionMember1(SpeechCreateParams.Voice.UnionMember1 voice) {
                return voice.asString();
            }

            @Override
            public String visitId(SpeechCreateParams.Voice.Id id) {
                return id.id();
            }

            @Override
            public String unknown(JsonValue json) {
                return String.valueOf(json);
            }
        });
    }

    /**
     * The text as the engines read it: English in printable ASCII. Accents are taken off letters,
     * typographic quotes and dashes become plain ones, and anything else (line breaks, other
     * scripts, symbols) becomes a space, so nothing the engines cannot read reaches them.
     */
    static String ascii(String input) {
        String decomposed = Normalizer.normalize(input, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            switch (c) {
                case '\u2018': case '\u2019': case '\u201B': case '\u2032':
                    out.append('\'');
                    break;
                case '\u201C': case '\u201D': case '\u201F': case '\u2033':
                    out.append('"');
                    break;
                case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2212':
                    out.append('-');
                    break;
                default:
                    out.append(c >= 0x20 && c < 0x7f ? c : ' ');
            }
        }
        return out.toString().strip();
    }

    /**
     * Puts a space into every run of more than {@value #LONGEST_WORD} characters without one. Both
     * engines take time that grows with the square of a word's length (measured here: one word of
     * 8192 letters, 81 s in flite and 40 s in FreeTTS; the same letters as words of 48, 10 s each,
     * as long as the audio it makes), and a call holds its engine while it speaks.
     */
    static String breakLongWords(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / LONGEST_WORD);
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                run = 0;
            } else if (++run > LONGEST_WORD) {
                out.append(' ');
                run = 1;
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "speech(voice=" + voice + ", speed=" + speed + ", format=" + format.name().toLowerCase(Locale.ROOT)
                + ", " + text.length() + " characters)";
    }
}
