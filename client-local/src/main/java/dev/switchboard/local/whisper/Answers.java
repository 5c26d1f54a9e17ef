package dev.switchboard.local.whisper;

import dev.switchboard.core.JsonString;
import dev.switchboard.models.audio.transcriptions.Transcription;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.models.audio.transcriptions.TranscriptionSegment;
import dev.switchboard.models.audio.transcriptions.TranscriptionVerbose;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

/**
 * Writes whisper.cpp's segments in the format a request asked for, as the OpenAI API writes them:
 * json and verbose_json as their models, text, srt and vtt as a {@link Transcription} whose text is
 * the whole body (as the official SDK reads those answers).
 *
 * <p>whisper-jni 1.7.1 gives each segment's times and text, nothing else: verbose_json's segments
 * have empty {@code tokens}, and {@code avg_logprob} and {@code no_speech_prob} of 0, since the
 * binding exposes neither token ids nor probabilities. {@code compression_ratio} is computed as the
 * OpenAI models do (the text's UTF-8 bytes over their zlib-compressed size), {@code seek} is the
 * start of the 30-second window the segment begins in (centiseconds, as whisper's mel frames count).
 */
final class Answers {
    private Answers() {}

    static TranscriptionCreateResponse write(TranscriptionRequest request, NativeWhisper.Result result, double duration) {
        List<NativeWhisper.Segment> segments = result.segments;
        String text = joined(segments);
        switch (request.format) {
            case "text":
                return plain(text + "\n");
            case "srt":
                return plain(subtitles(segments, false));
            case "vtt":
                return plain(subtitles(segments, true));
            case "verbose_json":
                return TranscriptionCreateResponse.ofVerbose(verbose(request, result, text, duration));
            default:
                return TranscriptionCreateResponse.ofTranscription(Transcription.builder()
                        .text(text)
                        .usage(Transcription.Usage.builder().type("duration").seconds(seconds(duration)).build())
                        .build());
        }
    }

    private static TranscriptionCreateResponse plain(String body) {
        return TranscriptionCreateResponse.ofTranscription(Transcription.builder().text(body).build());
    }

    /** The segments' texts run together, without the space whisper puts before the first word. */
    static String joined(List<NativeWhisper.Segment> segments) {
        StringBuilder b = new StringBuilder();
        for (NativeWhisper.Segment s : segments) b.append(s.text);
        return b.toString().strip();
    }

    private static TranscriptionVerbose verbose(TranscriptionRequest request, NativeWhisper.Result result, String text,
            double duration) {
        String code = request.language != null ? request.language
                : result.detectedLanguage != null ? result.detectedLanguage : "en";
        List<TranscriptionSegment> segments = new ArrayList<>();
        int id = 0;
        for (NativeWhisper.Segment s : result.segments) {
            segments.add(TranscriptionSegment.builder()
                    .id(id++)
                    .seek(s.start / 3000 * 3000)
                    .start(s.start / 100.0)
                    .end(s.end / 100.0)
                    .text(s.text)
                    .tokens(List.of())
                    .temperature(request.temperature)
                    .avgLogprob(0f)
                    .compressionRatio(compressionRatio(s.text))
                    .noSpeechProb(0f)
                    .build());
        }
        return TranscriptionVerbose.builder()
                .putAdditionalProperty("task", JsonString.of("transcribe"))
                .language(Languages.name(code))
                .duration(duration)
                .text(text)
                .segments(segments)
                .usage(TranscriptionVerbose.Usage.builder().seconds(seconds(duration))
                        .type(JsonString.of("duration")).build())
                .build();
    }

    /** Billed seconds, as the OpenAI API rounds them: up to the whole second. */
    private static double seconds(double duration) {
        return Math.ceil(duration);
    }

    /** The text's UTF-8 size over its zlib-compressed size, as openai-whisper computes it. */
    static float compressionRatio(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) return 0f;
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[bytes.length + 64];
        int compressed = 0;
        while (!deflater.finished()) compressed += deflater.deflate(buffer);
        deflater.end();
        return (float) bytes.length / compressed;
    }

    /** SRT (numbered cues, comma before milliseconds) or WebVTT (a header, a dot before milliseconds). */
    static String subtitles(List<NativeWhisper.Segment> segments, boolean vtt) {
        StringBuilder b = new StringBuilder(vtt ? "WEBVTT\n\n" : "");
        int n = 1;
        for (NativeWhisper.Segment s : segments) {
            if (!vtt) b.append(n++).append('\n');
            b.append(time(s.start, vtt)).append(" --> ").append(time(s.end, vtt)).append('\n');
            b.append(s.text.strip().replace("-->", "->")).append("\n\n");
        }
        return b.toString();
    }

    /** {@code centiseconds} as HH:MM:SS,mmm (SRT) or HH:MM:SS.mmm (VTT). */
    static String time(long centiseconds, boolean vtt) {
        long ms = centiseconds * 10;
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                vtt ? "." : ",", ms % 1000);
    }
}
