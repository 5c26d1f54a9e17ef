package dev.switchboard.local.diffusion;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.switchboard.errors.ModelLoadException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One ONNX Runtime session of the pipeline and what it was checked to take: every input and output
 * the engine uses is looked up by its SD 1.5 export name, with its element type and rank, when the
 * model loads, so a model of another shape is a ModelLoadException naming the part and the tensor
 * rather than an error in the middle of a call.
 */
final class OnnxModel implements AutoCloseable {
    final String part;
    final OrtSession session;
    private final Map<String, NodeInfo> inputs;
    private final Map<String, NodeInfo> outputs;

    private OnnxModel(String part, OrtSession session) throws OrtException {
        this.part = part;
        this.session = session;
        this.inputs = session.getInputInfo();
        this.outputs = session.getOutputInfo();
    }

    static OnnxModel open(String deployment, OrtEnvironment env, Path root, String part, OrtSession.SessionOptions options) {
        Path file = root.resolve(part);
        OrtSession session;
        try {
            session = env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new ModelLoadException(deployment + ": ONNX Runtime cannot load " + file + " (" + e.getMessage()
                    + "); it must be a complete ONNX model, with its external weights file beside it when it has one", e);
        }
        try {
            return new OnnxModel(part, session);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new ModelLoadException(deployment + ": cannot read the inputs and outputs of " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** The input {@code name}, checked to be a tensor of one of {@code types} with {@code rank} dimensions (any rank when negative). */
    TensorInfo input(String deployment, String name, int rank, Set<OnnxJavaType> types) {
        return tensor(deployment, "input", inputs, name, rank, types);
    }

    TensorInfo output(String deployment, String name, int rank, Set<OnnxJavaType> types) {
        return tensor(deployment, "output", outputs, name, rank, types);
    }

    /** Fails when the model needs inputs beyond {@code known} (an SDXL UNet's text_embeds and time_ids, say). */
    void onlyInputs(String deployment, Set<String> known) {
        Set<String> extra = new TreeSet<>(inputs.keySet());
        extra.removeAll(known);
        if (!extra.isEmpty()) {
            throw new ModelLoadException(deployment + ": " + part + " needs the inputs " + extra + " beyond " + new TreeSet<>(known)
                    + "; it is not a Stable Diffusion 1.5 export (SDXL and other pipelines are not supported)");
        }
    }

    private TensorInfo tensor(String deployment, String kind, Map<String, NodeInfo> nodes, String name, int rank,
            Set<OnnxJavaType> types) {
        NodeInfo node = nodes.get(name);
        if (node == null) {
            throw new ModelLoadException(deployment + ": " + part + " has no " + kind + " '" + name + "' (its " + kind
                    + "s are " + new TreeSet<>(nodes.keySet()) + "); it is not a Stable Diffusion 1.5 ONNX export");
        }
        if (!(node.getInfo() instanceof TensorInfo)) {
            throw new ModelLoadException(deployment + ": " + part + "'s " + kind + " '" + name + "' must be a tensor, was "
                    + node.getInfo());
        }
        TensorInfo info = (TensorInfo) node.getInfo();
        if (!types.contains(info.type)) {
            throw new ModelLoadException(deployment + ": " + part + "'s " + kind + " '" + name + "' holds " + info.type
                    + ", where the engine needs " + new TreeSet<>(types));
        }
        if (rank >= 0 && info.getShape().length != rank) {
            throw new ModelLoadException(deployment + ": " + part + "'s " + kind + " '" + name + "' has the shape "
                    + Arrays.toString(info.getShape()) + ", where the engine needs " + rank + " dimensions");
        }
        return info;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException | RuntimeException e) {
            // Freeing a session that failed its checks: nothing more to do about it.
        }
    }
}
