package dev.switchboard.local.speech;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which engine voice speaks for each OpenAI voice name. The engines have fewer voices than OpenAI,
 * so several names share one; they are matched by the kind of voice OpenAI describes (the lighter,
 * brighter ones to flite's female slt, the deeper ones to rms, kal16 and awb). The engine's own
 * voice names are accepted as they are.
 */
final class Voices {
    /** OpenAI's voices, as of the API's 2025 list. */
    static final List<String> OPENAI = List.of("alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova",
            "sage", "shimmer", "verse", "marin", "cedar");

    private static final Map<String, String> FLITE = Map.ofEntries(Map.entry("alloy", "slt"), Map.entry("ash", "rms"),
            Map.entry("ballad", "awb"), Map.entry("coral", "slt"), Map.entry("echo", "rms"), Map.entry("fable", "awb"),
            Map.entry("onyx", "kal16"), Map.entry("nova", "slt"), Map.entry("sage", "slt"), Map.entry("shimmer", "slt"),
            Map.entry("verse", "kal16"), Map.entry("marin", "slt"), Map.entry("cedar", "rms"));

    private final Map<String, String> byName;

    private Voices(Map<String, String> byName) {
        this.byName = byName;
    }

    static Voices of(Synthesizer synthesizer) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String name : OPENAI) {
            byName.put(name, synthesizer.name().equals(FliteSynthesizer.NAME) ? FLITE.get(name) : synthesizer.voices().get(0));
        }
        for (String own : synthesizer.voices()) byName.put(own, own);
        return new Voices(byName);
    }

    /** The engine voice for a requested name (case does not matter), if there is one. */
    Optional<String> engineVoice(String requested) {
        return Optional.ofNullable(byName.get(requested.toLowerCase(Locale.ROOT)));
    }

    /** Every name a request may give, OpenAI's first. */
    List<String> names() {
        return new ArrayList<>(byName.keySet());
    }
}
