/**
 * Tiny random-weight models made in code, for tests and for trying an installation without
 * downloading anything: {@link dev.switchboard.local.tiny.TinyLlama} (a llama that llama.cpp runs in
 * milliseconds), {@link dev.switchboard.local.tiny.TinyWhisper} (a whisper.cpp ggml model),
 * {@link dev.switchboard.local.tiny.TinyDiffusion} (a Stable Diffusion 1.5 ONNX folder), and the
 * writers under them ({@link dev.switchboard.local.tiny.GgufWriter},
 * {@link dev.switchboard.local.tiny.WhisperGgmlWriter}, {@link dev.switchboard.local.tiny.OnnxGraph}),
 * which also write damaged files on purpose. Their answers are noise: they prove the plumbing, not a
 * model.
 */
package dev.switchboard.local.tiny;
