package dev.switchboard.models.audio.transcriptions;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.MultipartField;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.JsonParams;
import dev.switchboard.core.internal.ParamsBuilder;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.models.audio.AudioModel;
import dev.switchboard.models.audio.AudioResponseFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A transcription request, sent as multipart form data: the audio file and the text fields. The
 * file is read into memory when the params are built, so a retry or a failover can send it again.
 */
public final class TranscriptionCreateParams extends JsonParams {
    /** The text fields, in the order the official SDK sends them (after the file). */
    private static final List<String> FIELDS = List.of(
            "model", "language", "prompt", "response_format", "temperature", "timestamp_granularities");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private final AudioFile file;

    private TranscriptionCreateParams(Struct struct) {
        this(struct, null, Headers.builder().build(), QueryParams.builder().build());
    }

    private TranscriptionCreateParams(Struct struct, AudioFile file, Headers additionalHeaders, QueryParams additionalQueryParams) {
        super(struct, KNOWN, additionalHeaders, additionalQueryParams);
        this.file = file;
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    /** The audio, as a new stream on each call. */
    public InputStream file() {
        return new ByteArrayInputStream(requireFile().bytes);
    }

    /** The audio with its file name and content type, as the multipart part is sent. */
    public MultipartField<InputStream> _file() {
        AudioFile f = requireFile();
        return MultipartField.<InputStream>builder()
                .value(new ByteArrayInputStream(f.bytes))
                .filename(f.filename)
                .contentType(f.contentType)
                .build();
    }

    /** The audio bytes; the array is a copy. A Switchboard addition for backends that decode audio. */
    public byte[] fileBytes() {
        return requireFile().bytes.clone();
    }

    public AudioModel model() {
        return struct().model("model", AudioModel.class);
    }

    public Optional<String> language() {
        return struct().optionalString("language");
    }

    public Optional<String> prompt() {
        return struct().optionalString("prompt");
    }

    public Optional<AudioResponseFormat> responseFormat() {
        return struct().optionalModel("response_format", AudioResponseFormat.class);
    }

    public Optional<Double> temperature() {
        return struct().optionalNumber("temperature");
    }

    public Optional<List<TimestampGranularity>> timestampGranularities() {
        return struct().optionalModels("timestamp_granularities", TimestampGranularity.class);
    }

    @Override
    public TranscriptionCreateParams validate() {
        requireFile();
        model();
        language();
        prompt();
        responseFormat();
        temperature();
        timestampGranularities();
        return this;
    }

    public Builder toBuilder() {
        Builder builder = new Builder(struct().toBuilder());
        builder.file = file;
        builder.putAllAdditionalHeaders(_additionalHeaders());
        builder.putAllAdditionalQueryParams(_additionalQueryParams());
        return builder;
    }

    private AudioFile requireFile() {
        if (file == null) throw new IllegalStateException("`file` is not set");
        return file;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(((TranscriptionCreateParams) o).file, file);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hashCode(file);
    }

    @Override
    public String toString() {
        return "TranscriptionCreateParams{file=" + file + ", body=" + struct() + ", additionalHeaders="
                + _additionalHeaders() + ", additionalQueryParams=" + _additionalQueryParams() + "}";
    }

    /** The audio of a request: its bytes, the name it is sent under and its content type. */
    private static final class AudioFile {
        final byte[] bytes;
        final String filename;
        final String contentType;

        AudioFile(byte[] bytes, String filename, String contentType) {
            this.bytes = bytes;
            this.filename = filename;
            this.contentType = contentType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AudioFile && Arrays.equals(((AudioFile) o).bytes, bytes)
                    && Objects.equals(((AudioFile) o).filename, filename);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return filename + " (" + bytes.length + " bytes, " + contentType + ")";
        }
    }

    public static final class Builder extends ParamsBuilder<Builder> {

        private AudioFile file;
        private Builder(Struct.Builder fields) {
            super(fields, KNOWN);
        }

        /** The audio from a stream, read to its end now; the file name comes from the audio's format. */
        public Builder file(InputStream file) {
            try (InputStream in = file) {
                return file(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the audio stream", e);
            }
        }

        /** The audio bytes; the file name sent comes from the audio's format (audio.wav, audio.mp3, …). */
        public Builder file(byte[] file) {
            byte[] copy = file.clone();
            String extension = AudioFormatSniffer.extension(copy);
            this.file = new AudioFile(copy, extension.isEmpty() ? "audio" : "audio." + extension, "application/octet-stream");
            return this;
        }

        /** The audio file, read now, sent under its own file name. */
        public Builder file(Path file) {
            try {
                this.file = new AudioFile(Files.readAllBytes(file), file.getFileName().toString(), "application/octet-stream");
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the audio file " + file, e);
            }
        }

        /** The audio as a multipart field with its own file name and content type. */
        public Builder file(MultipartField<InputStream> file) {
            InputStream stream = file.value().asKnown()
                    .orElseThrow(() -> new IllegalArgumentException("`file` has no value"));
            file(stream);
            String filename = file.filename().orElse(this.file.filename);
            this.file = new AudioFile(this.file.bytes, filename, file.contentType());
            return this;
        }

        public Builder model(AudioModel model) {
            fields.put("model", model);
            return this;
        }

        public Builder model(String model) {
            return model(AudioModel.of(model));
        }

        public Builder language(String language) {
            fields.put("language", language);
            return this;
        }

        public Builder prompt(String prompt) {
            fields.put("prompt", prompt);
            return this;
        }

        public Builder responseFormat(AudioResponseFormat responseFormat) {
            fields.put("response_format", responseFormat);
            return this;
        }

        public Builder temperature(double temperature) {
            fields.put("temperature", temperature);
            return this;
        }

        public Builder timestampGranularities(List<TimestampGranularity> timestampGranularities) {
            fields.put("timestamp_granularities", timestampGranularities);
            return this;
        }

        public Builder addTimestampGranularity(TimestampGranularity timestampGranularity) {
            fields.add("timestamp_granularities", timestampGranularity);
            return this;
        }

        /** Throws IllegalStateException when the file or the model is not set. */
        public TranscriptionCreateParams build() {
            if (file == null) throw new IllegalStateException("`file` is required, but was not set");
            return new TranscriptionCreateParams(fields.build(FIELDS, "model"), file, additionalHeaders.build(), additionalQueryParams.build());
        }
    }

    /** Timestamps per word, per segment, or both (verbose_json only). */
    public static final class TimestampGranularity extends StringEnum {
        public static final TimestampGranularity WORD = of("word");
        public static final TimestampGranularity SEGMENT = of("segment");

        private TimestampGranularity(JsonValue json) {
            super(json);
        }

        public static TimestampGranularity of(String value) {
            return new TimestampGranularity(JsonValue.from(value));
        }

        public Known known() {
            return known(Known.class);
        }

        public Value value() {
            return value(Value.class);
        }

        /** Throws OpenAIInvalidDataException when the value is not one this version knows. */
        public TimestampGranularity validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            WORD,
            SEGMENT
        }

        public enum Value {
            WORD,
            SEGMENT,
            _UNKNOWN
        }
    }
}
