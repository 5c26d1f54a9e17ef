package dev.switchboard.local.whisper;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.local.WhisperOptions;
import dev.switchboard.models.audio.AudioResponseFormat;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams.TimestampGranularity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A transcription request checked field by field before whisper.cpp sees any of it: each value it
 * cannot honour is a 400 naming the field, as the OpenAI API answers.
 */
final class TranscriptionRequest {
    /** The formats this engine writes. */
    static final Set<String> FORMATS = Set.of("json", "text", "srt", "verbose_json", "vtt");
    /** whisper's tokenizer runs over the whole prompt though only its last 224 tokens are used: a bound on that work. */
    static final int MAX_PROMPT_CHARS = 100_000;

    final String format;
    /** An ISO-639-1 code, or null: detect it. */
    final String language;
    final String prompt;
    final float temperature;
    final boolean segmentTimestamps;

    private TranscriptionRequest(String format, String language, String prompt, float temperature, boolean segmentTimestamps) {
        this.format = format;
        this.language = language;
        this.prompt = prompt;
        this.temperature = temperature;
        this.segmentTimestamps = segmentTimestamps;
    }

    /** The request's fields, checked against the deployment's defaults and its model. */
    static TranscriptionRequest read(TranscriptionCreateParams params, WhisperOptions options, WhisperModelFile model) {
        String format = params.responseFormat().map(AudioResponseFormat::asString).orElse("json");
        if (format.equals("diarized_json")) {
            throw BackendErrors.badRequest("response_format", "unsupported_value", "response_format 'diarized_json' needs a"
                    + " diarization model; the local whisper engine writes json, text, srt, verbose_json and vtt");
        }
        if (!FORMATS.contains(format)) {
            throw BackendErrors.badRequest("response_format", "invalid_value", "response_format '" + format + "' is not one of"
                    + " json, text, srt, verbose_json and vtt");
        }

        String language = params.language().map(l -> l.trim().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty())
                .orElse(options.language().orElse(null));
        if (language != null) {
            if (!Languages.known(language)) {
                throw BackendErrors.badRequest("language", "invalid_value", "language '" + params.language().orElse(language)
                        + "' is not a language whisper knows; give an ISO-639-1 code such as en, de or fr, or none to"
                        + " have it detected");
            }
            if (!model.multilingual() && !language.equals("en")) {
                throw BackendErrors.badRequest("language", "unsupported_value", "language '" + language + "': this deployment's"
                        + " model is English-only; ask for en, or use a multilingual model");
            }
            if (Languages.index(language) >= model.languages() && model.multilingual()) {
                throw BackendErrors.badRequest("language", "unsupported_value", "language '" + language + "' is not one this"
                        + " deployment's model knows (it knows " + model.languages() + ")");
            }
        } else if (!model.multilingual()) {
            language = "en"; // nothing to detect: an English-only model has no language tokens
        }

        String prompt = params.prompt().orElse(null);
        if (prompt != null && prompt.length() > MAX_PROMPT_CHARS) {
            throw BackendErrors.badRequest("prompt", "invalid_value", "prompt is " + prompt.length() + " characters; whisper uses"
                    + " only its last 224 tokens, and the local engine takes at most " + MAX_PROMPT_CHARS + " characters");
        }
        if (prompt != null && prompt.isBlank()) prompt = null;

        double temperature = params.temperature().orElse(0.0);
        if (!(temperature >= 0 && temperature <= 1)) {
            throw BackendErrors.badRequest("temperature", "invalid_value", "temperature must be between 0 and 1, was "
                    + temperature);
        }

        List<TimestampGranularity> granularities = params.timestampGranularities().orElse(List.of());
        boolean segments = false;
        for (TimestampGranularity g : granularities) {
            String value = g.asString();
            if (value.equals("word")) {
                throw BackendErrors.badRequest("timestamp_granularities", "unsupported_value", "timestamp_granularities 'word'"
                        + " is not available from the local whisper engine (whisper-jni 1.7.1 exposes no token"
                        + " timestamps); ask for 'segment', or send the request to a remote deployment");
            }
            if (!value.equals("segment")) {
                throw BackendErrors.badRequest("timestamp_granularities", "invalid_value", "timestamp_granularities '" + value
                        + "' is not one of word and segment");
            }
            segments = true;
        }
        if (!granularities.isEmpty() && !format.equals("verbose_json")) {
            throw BackendErrors.badRequest("timestamp_granularities", "invalid_value", "timestamp_granularities needs"
                    + " response_format 'verbose_json', was '" + format + "'");
        }
        return new TranscriptionRequest(format, language, prompt, (float) temperature, segments);
    }
}
