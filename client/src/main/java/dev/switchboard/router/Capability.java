package dev.switchboard.router;

/**
 * What a deployment can do. The first seven are calls; STREAMING, TOOLS and JSON_SCHEMA are
 * features a chat call may need.
 */
public enum Capability {
    CHAT,
    COMPLETIONS,
    EMBEDDINGS,
    SPEECH,
    TRANSCRIPTION,
    IMAGES,
    MODELS,
    STREAMING,
    TOOLS,
    JSON_SCHEMA
}
