package dev.switchboard.models.audio.speech;

import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.core.internal.JsonModel;
import dev.switchboard.core.internal.JsonParams;
import dev.switchboard.core.internal.ParamsBuilder;
import dev.switchboard.core.internal.ModelBuilder;
import dev.switchboard.core.internal.JsonUnion;
import dev.switchboard.core.internal.StringEnum;
import dev.switchboard.core.internal.Struct;
import dev.switchboard.core.internal.Validation;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A speech request: the text, the voice, the audio format and the speed. */
public final class SpeechCreateParams extends JsonParams {
    private static final List<String> FIELDS = List.of("input", "model", "voice", "instructions", "response_format", "speed", "stream_format");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private SpeechCreateParams(Struct struct) {
        this(struct, Headers.builder().build(), QueryParams.builder().build());
    }

    private SpeechCreateParams(Struct struct, Headers additionalHeaders, QueryParams additionalQueryParams) {
        super(struct, KNOWN, additionalHeaders, additionalQueryParams);
    }

    public static Builder builder() {
        return new Builder(Struct.builder());
    }

    public String input() {
        return struct().string("input");
    }

    public SpeechModel model() {
        return struct().model("model", SpeechModel.class);
    }

    public Voice voice() {
        return struct().model("voice", Voice.class);
    }

    public Optional<String> instructions() {
        return struct().optionalString("instructions");
    }

    public Optional<ResponseFormat> responseFormat() {
        return struct().optionalModel("response_format", ResponseFormat.class);
    }

    public Optional<Double> speed() {
        return struct().optionalNumber("speed");
    }

    public Optional<StreamFormat> streamFormat() {
        return struct().optionalModel("stream_format", StreamFormat.class);
    }

    /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
    public SpeechCreateParams validate() {
        input();
        Validation.validate(model());
        Validation.validate(voice());
        instructions();
        responseFormat().ifPresent(Validation::validate);
        speed();
        streamFormat().ifPresent(Validation::validate);
        return this;
    }

    public boolean isValid() {
        return Validation.isValid(this::validate);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(struct().toBuilder());
        builder.putAllAdditionalHeaders(_additionalHeaders());
        builder.putAllAdditionalQueryParams(_additionalQueryParams());
        return builder;
    }

    public static final class Builder extends ParamsBuilder<Builder> {

        private Builder(Struct.Builder fields) {
            super(fields, KNOWN);
        }

        public Builder input(String input) {
            fields.put("input", input);
            return this;
        }

        public Builder model(SpeechModel model) {
            fields.put("model", model);
            return this;
        }

        public Builder voice(Voice voice) {
            fields.put("voice", voice);
            return this;
        }

        public Builder instructions(String instructions) {
            fields.put("instructions", instructions);
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            fields.put("response_format", responseFormat);
            return this;
        }

        public Builder speed(double speed) {
            fields.put("speed", speed);
            return this;
        }

        public Builder speed(Double speed) {
            fields.put("speed", speed);
            return this;
        }

        public Builder speed(Optional<Double> speed) {
            return speed(speed.orElse(null));
        }

        public Builder streamFormat(StreamFormat streamFormat) {
            fields.put("stream_format", streamFormat);
            return this;
        }

        public Builder model(String model) {
            return model(SpeechModel.of(model));
        }

        public Builder voice(String voice) {
            return voice(Voice.ofString(voice));
        }

        public Builder voice(Voice.UnionMember1 voice) {
            return voice(Voice.ofUnionMember1(voice));
        }

        public Builder voice(Voice.Id id) {
            return voice(Voice.ofId(id));
        }

        /** Throws IllegalStateException naming the first required field not set. */
        public SpeechCreateParams build() {
            return new SpeechCreateParams(fields.build(FIELDS, "input", "model", "voice"), additionalHeaders.build(), additionalQueryParams.build());
        }
    }

    /** A voice: one of the named voices, any name a backend knows, or a custom voice by id. */
    public static final class Voice extends JsonUnion {
        private Voice(JsonValue json) {
            super(json);
        }

        public static Voice ofString(String string) {
            return new Voice(JsonValue.from(string));
        }

        public static Voice ofUnionMember1(UnionMember1 unionMember1) {
            return new Voice(JsonValue.from(unionMember1));
        }

        public static Voice ofId(Id id) {
            return new Voice(JsonValue.from(id));
        }

        public boolean isString() {
            return holdsString();
        }

        public boolean isUnionMember1() {
            return holdsString();
        }

        public boolean isId() {
            return holdsObjectWithField("id");
        }

        public String asString() {
            return jsonString("string");
        }

        public UnionMember1 asUnionMember1() {
            return convert(UnionMember1.class, "unionMember1");
        }

        public Id asId() {
            return convert(Id.class, "id");
        }

        public Optional<String> string() {
            return isString() ? Optional.of(asString()) : Optional.empty();
        }

        public Optional<UnionMember1> unionMember1() {
            return isUnionMember1() ? Optional.of(asUnionMember1()) : Optional.empty();
        }

        public Optional<Id> id() {
            return isId() ? Optional.of(asId()) : Optional.empty();
        }

        public <T> T accept(Visitor<T> visitor) {
            if (isString()) return visitor.visitString(asString());
            if (isUnionMember1()) return visitor.visitUnionMember1(asUnionMember1());
            if (isId()) return visitor.visitId(asId());
            return visitor.unknown(json());
        }

        /** Checks that the JSON is one of the variants, and valid as it; throws OpenAIInvalidDataException. */
        public Voice validate() {
            accept(new Visitor<Void>() {
                @Override
                public Void visitString(String string) {
                    return null;
                }
                @Override
                public Void visitUnionMember1(UnionMember1 unionMember1) {
                    Validation.validate(unionMember1);
                    return null;
                }
                @Override
                public Void visitId(Id id) {
                    Validation.validate(id);
                    return null;
                }
            });
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public interface Visitor<T> {
            T visitString(String string);

            T visitUnionMember1(UnionMember1 unionMember1);

            T visitId(Id id);

            /** Called for JSON that matches no variant; throws OpenAIInvalidDataException unless overridden. */
            default T unknown(JsonValue json) {
                throw new OpenAIInvalidDataException("Unknown Voice: " + json);
            }
        }

        /** The named voices of the API. */
        public static final class UnionMember1 extends StringEnum {
            public static final UnionMember1 ALLOY = of("alloy");
            public static final UnionMember1 ASH = of("ash");
            public static final UnionMember1 BALLAD = of("ballad");
            public static final UnionMember1 CORAL = of("coral");
            public static final UnionMember1 ECHO = of("echo");
            public static final UnionMember1 SAGE = of("sage");
            public static final UnionMember1 SHIMMER = of("shimmer");
            public static final UnionMember1 VERSE = of("verse");
            public static final UnionMember1 MARIN = of("marin");
            public static final UnionMember1 CEDAR = of("cedar");
            public static final UnionMember1 FABLE = of("fable");
            public static final UnionMember1 ONYX = of("onyx");
            public static final UnionMember1 NOVA = of("nova");

            private UnionMember1(JsonValue json) {
                super(json);
            }

            public static UnionMember1 of(String value) {
                return new UnionMember1(JsonValue.from(value));
            }

            /** The constant, or OpenAIInvalidDataException for a value this version does not know. */
            public Known known() {
                return known(Known.class);
            }

            /** The constant, or {@link Value#_UNKNOWN}. */
            public Value value() {
                return value(Value.class);
            }

            /** Throws OpenAIInvalidDataException when the value is not one this version knows. */
            public UnionMember1 validate() {
                known();
                return this;
            }

            public boolean isValid() {
                return Validation.isValid(this::validate);
            }

            public enum Known {
                ALLOY,
                ASH,
                BALLAD,
                CORAL,
                ECHO,
                SAGE,
                SHIMMER,
                VERSE,
                MARIN,
                CEDAR,
                FABLE,
                ONYX,
                NOVA
            }

            public enum Value {
                ALLOY,
                ASH,
                BALLAD,
                CORAL,
                ECHO,
                SAGE,
                SHIMMER,
                VERSE,
                MARIN,
                CEDAR,
                FABLE,
                ONYX,
                NOVA,
                _UNKNOWN
            }
        }

        /** A custom voice, by id. */
        public static final class Id extends JsonModel {
            private static final List<String> FIELDS = List.of("id");
            private static final Set<String> KNOWN = Set.copyOf(FIELDS);

            private Id(Struct struct) {
                super(struct);
            }

            public static Builder builder() {
                return new Builder(Struct.builder());
            }

            public String id() {
                return struct().string("id");
            }

            public Map<String, JsonValue> _additionalProperties() {
                return additionalProperties(KNOWN);
            }

            /** Checks that every field is present when required and of its type; throws OpenAIInvalidDataException. */
            public Id validate() {
                id();
                return this;
            }

            public boolean isValid() {
                return Validation.isValid(this::validate);
            }

            public Builder toBuilder() {
                return new Builder(struct().toBuilder());
            }

            public static final class Builder extends ModelBuilder<Builder> {
                private Builder(Struct.Builder fields) {
                    super(fields, KNOWN);
                }

                public Builder id(String id) {
                    fields.put("id", id);
                    return this;
                }

                /** Throws IllegalStateException naming the first required field not set. */
                public Id build() {
                    return new Id(fields.build(FIELDS, "id"));
                }
            }
        }
    }

    /** The audio format of the answer. */
    public static final class ResponseFormat extends StringEnum {
        public static final ResponseFormat MP3 = of("mp3");
        public static final ResponseFormat OPUS = of("opus");
        public static final ResponseFormat AAC = of("aac");
        public static final ResponseFormat FLAC = of("flac");
        public static final ResponseFormat WAV = of("wav");
        public static final ResponseFormat PCM = of("pcm");

        private ResponseFormat(JsonValue json) {
            super(json);
        }

        public static ResponseFormat of(String value) {
            return new ResponseFormat(JsonValue.from(value));
        }

        /** The constant, or OpenAIInvalidDataException for a value this version does not know. */
        public Known known() {
            return known(Known.class);
        }

        /** The constant, or {@link Value#_UNKNOWN}. */
        public Value value() {
            return value(Value.class);
        }

        /** Throws OpenAIInvalidDataException when the value is not one this version knows. */
        public ResponseFormat validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            MP3,
            OPUS,
            AAC,
            FLAC,
            WAV,
            PCM
        }

        public enum Value {
            MP3,
            OPUS,
            AAC,
            FLAC,
            WAV,
            PCM,
            _UNKNOWN
        }
    }

    /** Whether audio is streamed raw or as server-sent events. */
    public static final class StreamFormat extends StringEnum {
        public static final StreamFormat SSE = of("sse");
        public static final StreamFormat AUDIO = of("audio");

        private StreamFormat(JsonValue json) {
            super(json);
        }

        public static StreamFormat of(String value) {
            return new StreamFormat(JsonValue.from(value));
        }

        /** The constant, or OpenAIInvalidDataException for a value this version does not know. */
        public Known known() {
            return known(Known.class);
        }

        /** The constant, or {@link Value#_UNKNOWN}. */
        public Value value() {
            return value(Value.class);
        }

        /** Throws OpenAIInvalidDataException when the value is not one this version knows. */
        public StreamFormat validate() {
            known();
            return this;
        }

        public boolean isValid() {
            return Validation.isValid(this::validate);
        }

        public enum Known {
            SSE,
            AUDIO
        }

        public enum Value {
            SSE,
            AUDIO,
            _UNKNOWN
        }
    }
}
