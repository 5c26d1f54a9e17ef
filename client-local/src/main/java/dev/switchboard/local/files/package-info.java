/**
 * Model files for the local engines, engine-neutral: a {@link dev.switchboard.local.files.ModelRef}
 * names a file (a local path, or {@code hf:owner/repo/path@revision} on the Hugging Face hub), and
 * {@link dev.switchboard.local.files.ModelFiles#resolve(ModelRef)} returns its path, downloading a hub
 * file into the Hugging Face cache (shared with {@code huggingface_hub} and {@code huggingface-cli}) with
 * resume, checksum and progress reporting through a {@link dev.switchboard.local.files.DownloadListener}.
 * Pure Java and OkHttp: nothing here reaches native code.
 */
package dev.switchboard.local.files;
