package dev.switchboard.local.diffusion;

import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.files.ModelFiles;
import dev.switchboard.local.files.ModelRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Stable Diffusion 1.5 model in the ONNX layout diffusers and Optimum export: a folder on this
 * machine, or a Hugging Face repository ({@code hf:owner/repo}, optionally {@code /subfolder} and
 * {@code @revision}) whose files are fetched one by one into the Hugging Face cache, where they sit
 * side by side in one snapshot folder as they do in the repository.
 */
final class ModelFolder {
    static final String TEXT_ENCODER = "text_encoder/model.onnx";
    static final String UNET = "unet/model.onnx";
    static final String VAE_DECODER = "vae_decoder/model.onnx";
    static final String VOCAB = "tokenizer/vocab.json";
    static final String MERGES = "tokenizer/merges.txt";
    static final String SCHEDULER = "scheduler/scheduler_config.json";
    /** What a folder must hold. */
    static final List<String> PARTS = List.of(TEXT_ENCODER, UNET, VAE_DECODER, VOCAB, MERGES, SCHEDULER);
    /**
     * What a hub repository may also hold and the engine reads when it does: the padding token, the
     * VAE's scaling factor, and the weights a model larger than 2 GB keeps beside its graph (diffusers'
     * converter writes {@code weights.pb}, Optimum {@code model.onnx_data}).
     */
    static final List<String> OPTIONAL = List.of("tokenizer/special_tokens_map.json", "vae_decoder/config.json",
            "unet/weights.pb", "unet/model.onnx_data", "text_encoder/model.onnx_data", "vae_decoder/model.onnx_data");

    private static final Logger log = LoggerFactory.getLogger(ModelFolder.class);
    private static volatile ModelFiles files;

    private ModelFolder() {}

    /**
     * The local folder of a model reference, its hub files fetched first; throws ModelLoadException
     * naming every part that is missing.
     */
    static Path resolve(String deployment, String ref) {
        return resolve(deployment, ref, ref.startsWith(ModelRef.HUB_PREFIX) ? files() : null);
    }

    /** As {@link #resolve(String, String)}, fetching hub files with {@code hub}. */
    static Path resolve(String deployment, String ref, ModelFiles hub) {
        Path root = ref.startsWith(ModelRef.HUB_PREFIX) ? fromHub(deployment, ref, hub) : local(ref);
        check(deployment, root, ref);
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new ModelLoadException(deployment + ": cannot read the model folder " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the form of a reference without touching files or the network: a hub reference must
     * name a repository; throws IllegalArgumentException saying what is wrong.
     */
    static void checkReference(String ref) {
        if (!ref.startsWith(ModelRef.HUB_PREFIX)) return;
        String body = ref.substring(ModelRef.HUB_PREFIX.length());
        int at = body.lastIndexOf('@');
        String revision = at > body.lastIndexOf('/') ? body.substring(at) : "";
        if (!revision.isEmpty()) body = body.substring(0, at);
        while (body.endsWith("/")) body = body.substring(0, body.length() - 1);
        if (body.split("/").length < 2) {
            throw new IllegalArgumentException("'" + ref + "' must name a repository: hf:owner/repo, optionally followed by"
                    + " /folder and @revision");
        }
        ModelRef.parse(ModelRef.HUB_PREFIX + body + "/" + UNET + revision); // the hub reference rules, for every part
    }

    private static Path local(String ref) {
        if (ref.equals("~") || ref.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(ref.substring(Math.min(2, ref.length())));
        }
        return Path.of(ref).toAbsolutePath().normalize();
    }

    private static void check(String deployment, Path root, String ref) {
        if (!Files.isDirectory(root)) {
            throw new ModelLoadException(deployment + ": the model " + ref + " must be a folder in the Stable Diffusion"
                    + " 1.5 ONNX layout (" + String.join(", ", PARTS) + "), but " + root
                    + (Files.exists(root) ? " is a file" : " does not exist"));
        }
        List<String> missing = new ArrayList<>();
        for (String part : PARTS) {
            if (!Files.isRegularFile(root.resolve(part))) missing.add(part);
        }
        if (!missing.isEmpty()) {
            throw new ModelLoadException(deployment + ": the model folder " + root + " lacks " + String.join(", ", missing)
                    + "; a Stable Diffusion 1.5 ONNX export holds " + String.join(", ", PARTS));
        }
    }

    /** Fetches each part of {@code hf:owner/repo[/folder][@revision]} and answers the snapshot folder holding them. */
    private static Path fromHub(String deployment, String ref, ModelFiles hub) {
        String body = ref.substring(ModelRef.HUB_PREFIX.length());
        String revision = "";
        int at = body.lastIndexOf('@');
        if (at > body.lastIndexOf('/')) {
            revision = body.substring(at);
            body = body.substring(0, at);
        }
        while (body.endsWith("/")) body = body.substring(0, body.length() - 1);
        if (body.split("/").length < 2) {
            throw new ModelLoadException(deployment + ": the model " + ref + " must name a repository, hf:owner/repo");
        }
        Path root = null;
        List<String> failures = new ArrayList<>();
        for (String part : PARTS) {
            try {
                Path file = hub.resolve(ModelRef.HUB_PREFIX + body + "/" + part + revision);
                if (root == null) root = rootOf(file, part);
            } catch (ModelLoadException | IllegalArgumentException e) {
                failures.add(part + " (" + e.getMessage() + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new ModelLoadException(deployment + ": the model " + ref + " lacks parts of the Stable Diffusion 1.5"
                    + " ONNX layout: " + String.join("; ", failures));
        }
        for (String part : OPTIONAL) {
            try {
                hub.resolve(ModelRef.HUB_PREFIX + body + "/" + part + revision);
            } catch (ModelLoadException | IllegalArgumentException e) {
                log.debug("{}: {} has no {}: {}", deployment, ref, part, e.getMessage());
            }
        }
        return root;
    }

    private static Path rootOf(Path file, String part) {
        Path root = file;
        for (int i = 0; i < Path.of(part).getNameCount(); i++) root = root.getParent();
        return root;
    }

    private static ModelFiles files() {
        ModelFiles f = files;
        if (f == null) {
            synchronized (ModelFolder.class) {
                if (files == null) files = ModelFiles.fromSystem();
                f = files;
            }
        }
        return f;
    }
}
