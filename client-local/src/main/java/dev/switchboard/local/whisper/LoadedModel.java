package dev.switchboard.local.whisper;

import io.github.givimad.whisperjni.WhisperContext;

/** A whisper model loaded in this process (a context without a state), and the facts its file check found. */
final class LoadedModel {
    final WhisperContext context;
    final WhisperModelFile file;

    LoadedModel(WhisperContext context, WhisperModelFile file) {
        this.context = context;
        this.file = file;
    }
}
