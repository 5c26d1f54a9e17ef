package dev.switchboard.backend.openai;

import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.models.audio.AudioResponseFormat;
import dev.switchboard.models.audio.transcriptions.Transcription;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.models.audio.transcriptions.TranscriptionVerbose;
import java.util.Set;
import okhttp3.MediaType;

/**
 * Reads a transcription answer by the format the request asked for, as the official SDK does:
 * verbose_json is a verbose transcription, json (the default) whichever variant its shape is, and
 * every other format (text, srt, vtt) a Transcription whose text is the whole body. A body that is
 * plainly not JSON is taken as text too: some whisper servers answer text whatever was asked.
 */
final class TranscriptionAnswer {
    private static final Set<String> JSON_FORMATS = Set.of("json", "verbose_json", "diarized_json");

    private TranscriptionAnswer() {}

    static TranscriptionCreateResponse read(String body, MediaType contentType, AudioResponseFormat format, String route) {
        String asked = format == null ? "json" : format.asString();
        boolean json = contentType != null && contentType.subtype().contains("json") || body.stripLeading().startsWith("{");
        if (!JSON_FORMATS.contains(asked) || !json) {
            return TranscriptionCreateResponse.ofTranscription(Transcription.builder().text(body).build());
        }
        JsonValue parsed = JsonValueAdapter.parse(body);
        if (!(parsed instanceof JsonObject)) {
            throw new OpenAIInvalidDataException(route + " answered JSON that is not an object: " + body);
        }
        if (asked.equals("verbose_json")) return TranscriptionCreateResponse.ofVerbose(parsed.convert(TranscriptionVerbose.class));
        return parsed.convert(TranscriptionCreateResponse.class);
    }
}
