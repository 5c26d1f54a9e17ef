/**
 * Audio for the local engines: decoding the formats the OpenAI API accepts that pure-Java decoders
 * from Maven Central read (WAV through {@code javax.sound.sampled}, FLAC through jflac-codec, MP3
 * through JLayer, Ogg Vorbis through JOrbis), then down-mixing and resampling to what an engine
 * needs ({@link dev.switchboard.local.audio.AudioDecoder#decode}).
 */
package dev.switchboard.local.audio;
