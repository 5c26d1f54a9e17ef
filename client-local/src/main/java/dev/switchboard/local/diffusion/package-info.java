/**
 * The diffusion engine: Stable Diffusion 1.5 in the ONNX layout diffusers and Optimum export, its
 * three models on ONNX Runtime and everything else in Java (the CLIP tokenizer, the noise schedules
 * and schedulers, classifier-free guidance, seeded latents, PNG and JPEG writing). Made by
 * {@link dev.switchboard.local.DiffusionBackendFactory} for {@code engine: diffusion} deployments.
 */
package dev.switchboard.local.diffusion;
