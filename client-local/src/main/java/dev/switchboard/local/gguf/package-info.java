/**
 * GGUF model files, checked in Java before llama.cpp opens them. {@link dev.switchboard.local.gguf.GgufFile#read}
 * reads a file's header (never its tensor data), refuses a file llama.cpp b4916 would fail on or abort
 * on with a {@code ModelLoadException} that names the file and the reason, and shows what the engine
 * needs: architecture, sizes, vocabulary, special tokens, chat template, pooling.
 */
package dev.switchboard.local.gguf;
