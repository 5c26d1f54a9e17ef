package dev.switchboard.local.fuzz;

/** What a fuzz run mutates, and where each case's seed comes from. */
enum FuzzKind {
    /** GGUF model files through the llama engine's checks and loader. */
    GGUF,
    /** JSON schemas through the llama engine's grammar path (response_format and tools). */
    SCHEMA,
    /** whisper.cpp model files through the whisper engine's checks and loader. */
    WHISPER;

    /** The seed of case {@code index} of a run seeded {@code seed}: independent of batches and of the other kinds. */
    long caseSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (ordinal() + 1) * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
