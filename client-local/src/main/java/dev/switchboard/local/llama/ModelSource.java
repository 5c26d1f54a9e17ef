package dev.switchboard.local.llama;

import dev.switchboard.local.files.ModelFiles;
import dev.switchboard.local.gguf.GgufFile;
import java.nio.file.Path;

/** Where a deployment's model reference leads, and the checks a file passes before llama.cpp opens it. */
final class ModelSource {
    private static volatile ModelFiles files;

    private ModelSource() {}

    /**
     * The file a model reference names: a path, or {@code hf:owner/repo/file} found in the Hugging Face
     * cache (downloaded the first time, when online); throws ModelLoadException saying how to get it.
     */
    static Path resolve(String ref) {
        ModelFiles f = files;
        if (f == null) {
            synchronized (ModelSource.class) {
                if (files == null) files = ModelFiles.fromSystem();
                f = files;
            }
        }
        return f.resolve(ref);
    }

    /** Checks the file and reads what the engine needs from it; throws ModelLoadException naming the problem. */
    static ModelFacts check(Path file) {
        return ModelFacts.of(GgufFile.read(file));
    }
}
