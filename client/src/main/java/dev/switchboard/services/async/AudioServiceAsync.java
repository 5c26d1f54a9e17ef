package dev.switchboard.services.async;

import dev.switchboard.services.async.audio.SpeechServiceAsync;
import dev.switchboard.services.async.audio.TranscriptionServiceAsync;

/** Audio, asynchronously: {@link #speech()} and {@link #transcriptions()}. */
public interface AudioServiceAsync {
    SpeechServiceAsync speech();

    TranscriptionServiceAsync transcriptions();
}
