package dev.switchboard.local.whisper;

import io.github.givimad.whisperjni.WhisperContext;

/**
 * A whisper model loaded in this process (a context without a state), the facts its file check
 * found, and the states transcriptions run on.
 */
final class LoadedModel {
    final WhisperContext context;
    final WhisperModelFile file;
    final States states = new States(this);

    LoadedModel(WhisperContext context, WhisperModelFile file) {
        this.context = context;
        this.file = file;
    }
}
