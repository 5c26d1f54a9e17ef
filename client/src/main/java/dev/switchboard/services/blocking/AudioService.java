package dev.switchboard.services.blocking;

import dev.switchboard.services.blocking.audio.SpeechService;
import dev.switchboard.services.blocking.audio.TranscriptionService;

/** Audio: {@link #speech()} and {@link #transcriptions()}. */
public interface AudioService {
    SpeechService speech();

    TranscriptionService transcriptions();
}
