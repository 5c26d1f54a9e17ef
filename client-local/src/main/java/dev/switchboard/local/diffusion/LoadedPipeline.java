package dev.switchboard.local.diffusion;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.DiffusionOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Stable Diffusion 1.5 pipeline loaded once per process: the three ONNX sessions (text encoder,
 * UNet, VAE decoder), the tokenizer, the noise schedule and the VAE's scaling factor, with the
 * tensor shapes each session was checked to take. Sessions are safe for calls at once.
 */
final class LoadedPipeline {
    private static final Logger log = LoggerFactory.getLogger(LoadedPipeline.class);
    private static final Set<OnnxJavaType> FLOAT = Set.of(OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16);
    private static final Set<OnnxJavaType> IDS = Set.of(OnnxJavaType.INT32, OnnxJavaType.INT64);
    private static final Set<OnnxJavaType> TIMESTEP = Set.of(OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16, OnnxJavaType.INT64,
            OnnxJavaType.INT32);
    /** SD 1.5's VAE scaling factor, for a folder without vae_decoder/config.json. */
    static final double DEFAULT_VAE_SCALE = 0.18215;

    final Path root;
    final OrtEnvironment env;
    final OnnxModel textEncoder;
    final OnnxModel unet;
    final OnnxModel vaeDecoder;
    final ClipTokenizer tokenizer;
    final NoiseSchedule schedule;
    final double vaeScale;
    final String provider;

    /** input_ids: INT32 or INT64; a fixed batch size or -1. */
    final OnnxJavaType idsType;
    final long textBatch;
    /** The UNet's timestep: its element type, whether it is a scalar, and its fixed length or -1. */
    final OnnxJavaType timestepType;
    final boolean timestepScalar;
    final long timestepLength;
    /** The UNet's fixed batch, height and width in latents, or -1 where they are free. */
    final long unetBatch;
    final long latentHeight;
    final long latentWidth;
    final long vaeBatch;
    /** The element types (float32 or float16) of the UNet's sample, states and prediction, and of the VAE's latents. */
    final OnnxJavaType sampleType;
    final OnnxJavaType statesType;
    final OnnxJavaType predictionType;
    final OnnxJavaType latentType;

    private LoadedPipeline(String deployment, Path root, OrtEnvironment env, OnnxModel textEncoder, OnnxModel unet,
            OnnxModel vaeDecoder, ClipTokenizer tokenizer, NoiseSchedule schedule, double vaeScale, String provider) {
        this.root = root;
        this.env = env;
        this.textEncoder = textEncoder;
        this.unet = unet;
        this.vaeDecoder = vaeDecoder;
        this.tokenizer = tokenizer;
        this.schedule = schedule;
        this.vaeScale = vaeScale;
        this.provider = provider;

        TensorInfo ids = textEncoder.input(deployment, "input_ids", 2, IDS);
        textEncoder.onlyInputs(deployment, Set.of("input_ids"));
        TensorInfo hidden = textEncoder.output(deployment, "last_hidden_state", 3, FLOAT);
        idsType = ids.type;
        textBatch = ids.getShape()[0];
        fixed(deployment, textEncoder, "input_ids", ids.getShape()[1], ClipTokenizer.LENGTH);
        batchOf(deployment, textEncoder, "input_ids", textBatch);

        TensorInfo sample = unet.input(deployment, "sample", 4, FLOAT);
        TensorInfo timestep = unet.input(deployment, "timestep", -1, TIMESTEP);
        TensorInfo states = unet.input(deployment, "encoder_hidden_states", 3, FLOAT);
        TensorInfo prediction = unet.output(deployment, "out_sample", 4, FLOAT);
        sampleType = sample.type;
        statesType = states.type;
        predictionType = prediction.type;
        unet.onlyInputs(deployment, Set.of("sample", "timestep", "encoder_hidden_states"));
        long[] s = sample.getShape();
        unetBatch = s[0];
        batchOf(deployment, unet, "sample", unetBatch);
        fixed(deployment, unet, "sample", s[1], 4);
        latentHeight = s[2];
        latentWidth = s[3];
        fixed(deployment, unet, "encoder_hidden_states", states.getShape()[1], ClipTokenizer.LENGTH);
        long hiddenSize = hidden.getShape()[2];
        long statesSize = states.getShape()[2];
        if (hiddenSize > 0 && statesSize > 0 && hiddenSize != statesSize) {
            throw new ModelLoadException(deployment + ": the text encoder gives " + hiddenSize + " features a token but the"
                    + " UNet takes " + statesSize + "; the two models are not from one pipeline");
        }
        long[] t = timestep.getShape();
        if (t.length > 1 || (t.length == 1 && t[0] > 1 && t[0] != unetBatch)) {
            throw new ModelLoadException(deployment + ": unet's timestep has the shape " + java.util.Arrays.toString(t)
                    + "; the engine gives a scalar, [1] or one per batch entry");
        }
        timestepType = timestep.type;
        timestepScalar = t.length == 0;
        timestepLength = t.length == 0 ? 0 : t[0];

        TensorInfo latent = vaeDecoder.input(deployment, "latent_sample", 4, FLOAT);
        vaeDecoder.output(deployment, "sample", 4, FLOAT);
        vaeDecoder.onlyInputs(deployment, Set.of("latent_sample"));
        vaeBatch = latent.getShape()[0];
        latentType = latent.type;
        if (vaeBatch > 1) {
            throw new ModelLoadException(deployment + ": vae_decoder takes a fixed batch of " + vaeBatch
                    + "; the engine decodes one image at a time (batch 1 or free)");
        }
        fixed(deployment, vaeDecoder, "latent_sample", latent.getShape()[1], 4);
    }

    private static void fixed(String deployment, OnnxModel model, String input, long dim, long needed) {
        if (dim > 0 && dim != needed) {
            throw new ModelLoadException(deployment + ": " + model.part + "'s " + input + " has " + dim + " where Stable"
                    + " Diffusion 1.5 has " + needed);
        }
    }

    private static void batchOf(String deployment, OnnxModel model, String input, long batch) {
        if (batch > 2) {
            throw new ModelLoadException(deployment + ": " + model.part + "'s " + input + " takes a fixed batch of " + batch
                    + "; the engine runs batches that are free, or fixed at 1 or 2");
        }
    }

    /** Loads the pipeline in {@code root}; throws ModelLoadException saying which part is wrong. */
    static LoadedPipeline load(String deployment, Path root, DiffusionOptions options) {
        ClipTokenizer tokenizer = prefixed(deployment, () -> ClipTokenizer.read(root.resolve("tokenizer")));
        NoiseSchedule schedule = prefixed(deployment, () -> NoiseSchedule.read(root.resolve(ModelFolder.SCHEDULER)));
        double vaeScale = vaeScale(deployment, root.resolve("vae_decoder/config.json"));
        // FATAL only: every error ONNX Runtime reports also reaches us as an OrtException, which
        // becomes the caller's exception with the same message; printed too, it would be said twice.
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "switchboard");
        String provider;
        OnnxModel text = null;
        OnnxModel unet = null;
        OnnxModel vae = null;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.threads());
            so.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            provider = addProvider(deployment, so, options.provider());
            text = OnnxModel.open(deployment, env, root, ModelFolder.TEXT_ENCODER, so);
            unet = OnnxModel.open(deployment, env, root, ModelFolder.UNET, so);
            vae = OnnxModel.open(deployment, env, root, ModelFolder.VAE_DECODER, so);
            return new LoadedPipeline(deployment, root, env, text, unet, vae, tokenizer, schedule, vaeScale, provider);
        } catch (OrtException e) {
            throw new ModelLoadException(deployment + ": cannot set ONNX Runtime's session options: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            for (OnnxModel m : new OnnxModel[] {text, unet, vae}) {
                if (m != null) m.close();
            }
            throw e;
        }
    }

    /** CUDA when asked or, for auto, when ONNX Runtime has it at run time; the CPU otherwise. */
    private static String addProvider(String deployment, OrtSession.SessionOptions so, DiffusionOptions.Provider wanted) {
        if (wanted == DiffusionOptions.Provider.CPU) return "cpu";
        boolean present = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        if (!present) {
            if (wanted == DiffusionOptions.Provider.CUDA) {
                throw new ModelLoadException(deployment + ": provider cuda was asked for, but this ONNX Runtime has no CUDA"
                        + " provider; depend on com.microsoft.onnxruntime:onnxruntime_gpu instead of onnxruntime, or use provider auto");
            }
            return "cpu";
        }
        try {
            so.addCUDA(0);
            return "cuda";
        } catch (OrtException e) {
            if (wanted == DiffusionOptions.Provider.CUDA) {
                throw new ModelLoadException(deployment + ": ONNX Runtime's CUDA provider did not start: " + e.getMessage(), e);
            }
            log.warn("{}: ONNX Runtime's CUDA provider did not start ({}); running on the CPU", deployment, e.getMessage());
            return "cpu";
        }
    }

    private static double vaeScale(String deployment, Path config) {
        if (!Files.isRegularFile(config)) return DEFAULT_VAE_SCALE;
        try {
            JsonValue json = JsonValueAdapter.parse(Files.readString(config, StandardCharsets.UTF_8));
            JsonValue v = json instanceof JsonObject ? ((JsonObject) json).values().get("scaling_factor") : null;
            if (v == null) return DEFAULT_VAE_SCALE;
            double d = v instanceof JsonNumber ? ((JsonNumber) v).value().doubleValue() : Double.NaN;
            if (!(d > 0 && d < 1000)) {
                throw new ModelLoadException(deployment + ": " + config + ": scaling_factor must be a number above 0, was " + v);
            }
            return d;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelLoadException) throw (ModelLoadException) e;
            throw new ModelLoadException(deployment + ": cannot read " + config + ": " + e.getMessage(), e);
        }
    }

    private static <T> T prefixed(String deployment, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ModelLoadException e) {
            throw new ModelLoadException(deployment + ": " + e.getMessage(), e.getCause());
        }
    }
}
