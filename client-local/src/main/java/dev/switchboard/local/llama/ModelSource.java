package dev.switchboard.local.llama;

import java.nio.file.Path;

/** Where a deployment's model reference leads, and the checks a file passes before llama.cpp opens it. */
final class ModelSource {
    private ModelSource() {}

    /** The file a model reference names. */
    static Path resolve(String ref) {
        return Path.of(ref); // hook: model refs (hf:owner/repo/file, the Hugging Face cache, downloads) resolve here
    }

    /** Checks the file and reads what the engine needs from it; throws ModelLoadException naming the problem. */
    static ModelFacts check(Path file) {
        return ModelFacts.read(file); // hook: the full GGUF validation (tensor table, offsets, sizes) runs here
    }
}
