/**
 * Test models made in code: {@link dev.switchboard.local.testing.TinyLlama} writes a tiny random-weight
 * llama that llama.cpp loads and runs in milliseconds; {@link dev.switchboard.local.testing.GgufWriter}
 * writes any GGUF file, valid or not.
 */
package dev.switchboard.local.testing;
