package dev.switchboard.local.llama;

import dev.switchboard.backend.BackendErrors;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.args.MiroStat;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the next token is picked: the official parameters (temperature, top_p, penalties, seed,
 * logit_bias) and llama.cpp's extras sent as additional body properties (top_k, min_p, typical_p,
 * repetition_penalty, …). Each value is checked for type and range here; llama.cpp sees only values
 * that passed. logit_bias ids are checked against the vocabulary when the model is known.
 */
final class Sampling {
    /** The extra sampling parameters this engine reads from additional body properties. */
    static final Set<String> EXTRAS = Set.of("top_k", "min_p", "typical_p", "repetition_penalty", "repeat_penalty",
            "repeat_last_n", "mirostat", "mirostat_tau", "mirostat_eta", "dynatemp_range", "dynatemp_exponent", "min_keep");

    private Double temperature;
    private Double topP;
    private Double presencePenalty;
    private Double frequencyPenalty;
    private Long seed;
    private final Map<String, Double> logitBias = new LinkedHashMap<>();
    private Long topK;
    private Double minP;
    private Double typicalP;
    private Double repeatPenalty;
    private Long repeatLastN;
    private Long mirostat;
    private Double mirostatTau;
    private Double mirostatEta;
    private Double dynatempRange;
    private Double dynatempExponent;
    private Long minKeep;

    private Sampling() {}

    static Sampling read(RequestFields f) {
        Sampling s = new Sampling();
        s.temperature = f.number("temperature", 0, 2).orElse(null);
        s.topP = f.number("top_p", 0, 1).orElse(null);
        s.presencePenalty = f.number("presence_penalty", -2, 2).orElse(null);
        s.frequencyPenalty = f.number("frequency_penalty", -2, 2).orElse(null);
        s.seed = f.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(null);
        f.object("logit_bias").ifPresent(bias -> {
            for (Map.Entry<String, JsonValue> e : bias.values().entrySet()) {
                s.logitBias.put(e.getKey(), RequestFields.number(e.getValue(), "logit_bias." + e.getKey(), -100, 100));
            }
        });
        s.topK = f.whole("top_k", 0, 1 << 24).orElse(null);
        s.minP = f.number("min_p", 0, 1).orElse(null);
        s.typicalP = f.number("typical_p", 0, 1).orElse(null);
        s.repeatPenalty = f.number("repetition_penalty", 0, 10).orElse(null);
        if (s.repeatPenalty == null) s.repeatPenalty = f.number("repeat_penalty", 0, 10).orElse(null);
        s.repeatLastN = f.whole("repeat_last_n", -1, 1 << 20).orElse(null);
        s.mirostat = f.whole("mirostat", 0, 2).orElse(null);
        s.mirostatTau = f.number("mirostat_tau", 0, 100).orElse(null);
        s.mirostatEta = f.number("mirostat_eta", 0, 1).orElse(null);
        s.dynatempRange = f.number("dynatemp_range", 0, 10).orElse(null);
        s.dynatempExponent = f.number("dynatemp_exponent", 0, 10).orElse(null);
        s.minKeep = f.whole("min_keep", 0, 1 << 16).orElse(null);
        return s;
    }

    /** Token ids in logit_bias must exist in the model's vocabulary: llama.cpp does not check them. */
    Map<Integer, Float> tokenBias(int vocabularySize) {
        Map<Integer, Float> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : logitBias.entrySet()) {
            int id;
            try {
                id = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException notAnId) {
                throw BackendErrors.badRequest("logit_bias", "logit_bias keys must be token ids, was '" + e.getKey() + "'");
            }
            if (id < 0 || id >= vocabularySize) {
                throw BackendErrors.badRequest("logit_bias", "logit_bias names token " + id + ", but this model's vocabulary"
                        + " has ids 0 to " + (vocabularySize - 1));
            }
            out.put(id, e.getValue().floatValue());
        }
        return out;
    }

    /** Sets these values on llama.cpp's parameters; {@code choice} varies a fixed seed between the n answers. */
    void apply(InferenceParameters p, int vocabularySize, int choice) {
        if (temperature != null) p.setTemperature(temperature.floatValue());
        if (topP != null) p.setTopP(topP.floatValue());
        if (presencePenalty != null) p.setPresencePenalty(presencePenalty.floatValue());
        if (frequencyPenalty != null) p.setFrequencyPenalty(frequencyPenalty.floatValue());
        if (seed != null) p.setSeed(nativeSeed(seed + choice));
        Map<Integer, Float> bias = tokenBias(vocabularySize);
        if (!bias.isEmpty()) p.setTokenIdBias(bias);
        if (topK != null) p.setTopK(topK.intValue());
        if (minP != null) p.setMinP(minP.floatValue());
        if (typicalP != null) p.setTypicalP(typicalP.floatValue());
        if (repeatPenalty != null) p.setRepeatPenalty(repeatPenalty.floatValue());
        if (repeatLastN != null) p.setRepeatLastN(repeatLastN.intValue());
        if (mirostat != null) p.setMiroStat(mirostat == 0 ? MiroStat.DISABLED : mirostat == 1 ? MiroStat.V1 : MiroStat.V2);
        if (mirostatTau != null) p.setMiroStatTau(mirostatTau.floatValue());
        if (mirostatEta != null) p.setMiroStatEta(mirostatEta.floatValue());
        if (dynatempRange != null) p.setDynamicTemperatureRange(dynatempRange.floatValue());
        if (dynatempExponent != null) p.setDynamicTemperatureExponent(dynatempExponent.floatValue());
        if (minKeep != null) p.setMinKeep(minKeep.intValue());
    }

    /**
     * llama.cpp's seed is an unsigned 32-bit number whose largest value means "pick one at random";
     * any 64-bit seed folds onto the others, so a given seed always samples the same way.
     */
    static int nativeSeed(long seed) {
        return (int) Long.remainderUnsigned(seed, 0xFFFF_FFFFL);
    }

    /** The extras of a request, for a check that names any this engine does not read. */
    static Set<String> unknownExtras(JsonObject body, Set<String> additional) {
        Set<String> unknown = new java.util.TreeSet<>(additional);
        unknown.removeAll(EXTRAS);
        return unknown;
    }
}
