package dev.switchboard.local.diffusion;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;

/**
 * One text-to-image run: the prompt and the negative prompt through the text encoder, seeded noise,
 * the denoising loop (the UNet on the unconditional and conditional halves in one batch, classifier-free
 * guidance, the scheduler's step), and the VAE decoding each image. Images come back as RGB in
 * [0, 1], channel by channel.
 *
 * <p>{@link #cancel()} stops it from another thread: the UNet call under way is told to terminate
 * and no further step starts.
 */
final class Generation {
    /** Latent channels of Stable Diffusion's VAE. */
    static final int CHANNELS = 4;

    private final LoadedPipeline pipeline;
    private final ImageRequest request;
    /** The UNet's batch per call: its fixed batch, or at most the deployment's max_batch. */
    private final int unetChunk;
    private final OrtSession.RunOptions runOptions;
    private volatile boolean cancelled;
    private boolean runOptionsClosed;

    Generation(LoadedPipeline pipeline, ImageRequest request, int maxBatch) throws OrtException {
        this.pipeline = pipeline;
        this.request = request;
        this.unetChunk = pipeline.unetBatch > 0 ? (int) pipeline.unetBatch : maxBatch;
        this.runOptions = new OrtSession.RunOptions();
    }

    /** Locked with the closing of the run options, so a late cancel never touches freed native memory. */
    synchronized void cancel() {
        cancelled = true;
        if (runOptionsClosed) return;
        try {
            runOptions.setTerminate(true);
        } catch (OrtException | RuntimeException e) {
            // The run ended as it was told to stop: nothing left to stop.
        }
    }

    private synchronized void closeRunOptions() {
        runOptionsClosed = true;
        runOptions.close();
    }

    /** The images, each {@code 3 × height × width}; {@code onStep} hears each finished step (from 1). */
    List<float[]> run(IntConsumer onStep) throws OrtException {
        try {
            int n = request.n;
            boolean guided = request.guided();
            float[] states = textStates(guided);
            int tokenFeatures = states.length / (guided ? 2 : 1) / ClipTokenizer.LENGTH;
            float[] batchStates = repeat(states, guided ? 2 : 1, n, ClipTokenizer.LENGTH * tokenFeatures);

            int h = request.height / 8;
            int w = request.width / 8;
            int perImage = CHANNELS * h * w;
            Random[] seeded = new Random[n];
            for (int i = 0; i < n; i++) seeded[i] = new Random(request.seed + i);
            Scheduler scheduler = Scheduler.create(request.scheduler, pipeline.schedule, request.steps, target -> {
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < perImage; k++) target[i * perImage + k] = (float) seeded[i].nextGaussian();
                }
            });
            float[] latents = noise(seeded, perImage, scheduler.initNoiseSigma());
            int batch = guided ? 2 * n : n;
            float[] input = new float[batch * perImage];
            float[] guidedNoise = guided ? new float[n * perImage] : null;
            long[] sampleShape = {batch, CHANNELS, h, w};
            long[] statesShape = {batch, ClipTokenizer.LENGTH, tokenFeatures};
            float[] out = new float[input.length];
            boolean wholeBatch = pipeline.unetBatch == batch || (pipeline.unetBatch <= 0 && batch <= unetChunk);
            boolean float32 = pipeline.sampleType == OnnxJavaType.FLOAT && pipeline.predictionType == OnnxJavaType.FLOAT;
            try (OnnxTensor statesTensor = FloatTensors.of(pipeline.env, batchStates, statesShape, pipeline.statesType);
                    PinnedUnet pinned = wholeBatch && float32 ? new PinnedUnet(sampleShape, statesTensor) : null) {
                for (int i = 0; i < scheduler.steps(); i++) {
                    checkCancelled();
                    float scale = (float) scheduler.inputScale(i);
                    for (int k = 0; k < latents.length; k++) input[k] = latents[k] * scale;
                    if (guided) System.arraycopy(input, 0, input, latents.length, latents.length);
                    if (pinned != null) {
                        pinned.run(input, scheduler.timesteps[i], out);
                    } else {
                        out = unet(input, sampleShape, batchStates, statesShape, statesTensor, scheduler.timesteps[i]);
                    }
                    float[] predicted = out;
                    if (guided) {
                        float g = (float) request.guidanceScale;
                        int half = latents.length;
                        for (int k = 0; k < half; k++) {
                            float u = out[k];
                            guidedNoise[k] = u + g * (out[half + k] - u);
                        }
                        predicted = guidedNoise;
                    }
                    scheduler.step(i, predicted, latents);
                    onStep.accept(i + 1);
                }
            }
            List<float[]> images = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                checkCancelled();
                images.add(decode(latents, i * perImage, perImage, h, w));
            }
            return images;
        } finally {
            closeRunOptions();
        }
    }

    private void checkCancelled() {
        if (cancelled) throw new CancellationException("image generation cancelled");
    }

    /**
     * The initial latents, image by image: image i is drawn from its own stream seeded {@code seed + i}
     * (which the stochastic schedulers go on drawing from), so one seed gives one image whatever n is.
     */
    private static float[] noise(Random[] seeded, int perImage, double sigma) {
        float[] latents = new float[seeded.length * perImage];
        for (int i = 0; i < seeded.length; i++) {
            for (int k = 0; k < perImage; k++) latents[i * perImage + k] = (float) (seeded[i].nextGaussian() * sigma);
        }
        return latents;
    }

    /** The text encoder's states: [negative, prompt] when guided, [prompt] otherwise, each 77 × features. */
    private float[] textStates(boolean guided) throws OrtException {
        List<int[]> texts = new ArrayList<>(2);
        if (guided) texts.add(pipeline.tokenizer.encode(request.negativePrompt));
        texts.add(pipeline.tokenizer.encode(request.prompt));
        if (pipeline.textBatch == 1 && texts.size() == 2) {
            float[] a = encode(List.of(texts.get(0)));
            float[] b = encode(List.of(texts.get(1)));
            float[] both = new float[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
        if (pipeline.textBatch == 2 && texts.size() == 1) { // an encoder fixed at 2: the prompt twice, one kept
            float[] twice = encode(List.of(texts.get(0), texts.get(0)));
            return java.util.Arrays.copyOf(twice, twice.length / 2);
        }
        return encode(texts);
    }

    private float[] encode(List<int[]> texts) throws OrtException {
        checkCancelled();
        int len = ClipTokenizer.LENGTH;
        long[] shape = {texts.size(), len};
        OnnxTensor ids;
        if (pipeline.idsType == OnnxJavaType.INT64) {
            long[] flat = new long[texts.size() * len];
            for (int t = 0; t < texts.size(); t++) for (int k = 0; k < len; k++) flat[t * len + k] = texts.get(t)[k];
            ids = OnnxTensor.createTensor(pipeline.env, LongBuffer.wrap(flat), shape);
        } else {
            int[] flat = new int[texts.size() * len];
            for (int t = 0; t < texts.size(); t++) System.arraycopy(texts.get(t), 0, flat, t * len, len);
            ids = OnnxTensor.createTensor(pipeline.env, IntBuffer.wrap(flat), shape);
        }
        try (ids; OrtSession.Result result = pipeline.textEncoder.session.run(Map.of("input_ids", ids),
                java.util.Set.of("last_hidden_state"), runOptions)) {
            return floats(result, "last_hidden_state", texts.size() * len, true);
        }
    }

    /**
     * The UNet on the whole batch, step after step, through two direct buffers ONNX Runtime reads the
     * sample from and writes the prediction into: no tensor is allocated or copied per step beyond
     * the two bulk copies (measured: this keeps the loop within a few percent of bare OrtSession.run).
     */
    private final class PinnedUnet implements AutoCloseable {
        private final FloatBuffer sample;
        private final FloatBuffer prediction;
        private final OnnxTensor sampleTensor;
        private final OnnxTensor predictionTensor;
        private final OnnxTensor states;
        private final int batch;

        PinnedUnet(long[] shape, OnnxTensor states) throws OrtException {
            int size = (int) (shape[0] * shape[1] * shape[2] * shape[3]);
            this.batch = (int) shape[0];
            this.states = states;
            this.sample = java.nio.ByteBuffer.allocateDirect(size * 4).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
            this.prediction = java.nio.ByteBuffer.allocateDirect(size * 4).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
            this.sampleTensor = OnnxTensor.createTensor(pipeline.env, sample, shape);
            this.predictionTensor = OnnxTensor.createTensor(pipeline.env, prediction, shape);
        }

        void run(float[] input, double timestep, float[] out) throws OrtException {
            checkCancelled();
            sample.clear();
            sample.put(input);
            try (OnnxTensor t = timestepTensor(batch, timestep)) {
                Map<String, OnnxTensor> inputs = new HashMap<>(4);
                inputs.put("sample", sampleTensor);
                inputs.put("timestep", t);
                inputs.put("encoder_hidden_states", states);
                try (OrtSession.Result result = pipeline.unet.session.run(inputs, java.util.Set.of(),
                        Map.of("out_sample", predictionTensor), runOptions)) {
                    prediction.clear();
                    prediction.get(out);
                }
            }
        }

        @Override
        public void close() {
            sampleTensor.close();
            predictionTensor.close();
        }
    }

    /** The UNet's prediction for the whole batch, in one call or in calls of its fixed batch, or of at most max_batch. */
    private float[] unet(float[] input, long[] shape, float[] states, long[] statesShape, OnnxTensor wholeStates,
            double timestep) throws OrtException {
        int batch = (int) shape[0];
        if (pipeline.unetBatch == batch || (pipeline.unetBatch <= 0 && batch <= unetChunk)) {
            return unetCall(input, shape, wholeStates, batch, timestep);
        }
        int chunk = unetChunk;
        int per = input.length / batch;
        int perStates = states.length / batch;
        float[] out = new float[input.length];
        long[] chunkShape = {chunk, shape[1], shape[2], shape[3]};
        long[] chunkStatesShape = {chunk, statesShape[1], statesShape[2]};
        float[] in = new float[chunk * per];
        float[] st = new float[chunk * perStates];
        for (int b = 0; b < batch; b += chunk) {
            int take = Math.min(chunk, batch - b);
            if (take < chunk && pipeline.unetBatch <= 0) { // a free batch: the last call is just shorter
                chunk = take;
                chunkShape = new long[] {chunk, shape[1], shape[2], shape[3]};
                chunkStatesShape = new long[] {chunk, statesShape[1], statesShape[2]};
                in = new float[chunk * per];
                st = new float[chunk * perStates];
            } // a fixed batch: the last call is padded with zeros
            java.util.Arrays.fill(in, 0);
            java.util.Arrays.fill(st, 0);
            System.arraycopy(input, b * per, in, 0, take * per);
            System.arraycopy(states, b * perStates, st, 0, take * perStates);
            try (OnnxTensor statesTensor = FloatTensors.of(pipeline.env, st, chunkStatesShape, pipeline.statesType)) {
                float[] part = unetCall(in, chunkShape, statesTensor, chunk, timestep);
                System.arraycopy(part, 0, out, b * per, take * per);
            }
        }
        return out;
    }

    private float[] unetCall(float[] input, long[] shape, OnnxTensor states, int batch, double timestep)
            throws OrtException {
        checkCancelled();
        try (OnnxTensor sample = FloatTensors.of(pipeline.env, input, shape, pipeline.sampleType);
                OnnxTensor t = timestepTensor(batch, timestep)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(4);
            inputs.put("sample", sample);
            inputs.put("timestep", t);
            inputs.put("encoder_hidden_states", states);
            try (OrtSession.Result result = pipeline.unet.session.run(inputs, java.util.Set.of("out_sample"), runOptions)) {
                return floats(result, "out_sample", (int) (shape[0] * shape[1] * shape[2] * shape[3]), false);
            }
        }
    }

    private OnnxTensor timestepTensor(int batch, double timestep) throws OrtException {
        int count = pipeline.timestepScalar ? 1 : pipeline.timestepLength == 1 ? 1 : batch;
        long[] shape = pipeline.timestepScalar ? new long[0] : new long[] {count};
        switch (pipeline.timestepType) {
            case INT64: {
                long[] v = new long[count];
                java.util.Arrays.fill(v, Math.round(timestep));
                return OnnxTensor.createTensor(pipeline.env, LongBuffer.wrap(v), shape);
            }
            case INT32: {
                int[] v = new int[count];
                java.util.Arrays.fill(v, (int) Math.round(timestep));
                return OnnxTensor.createTensor(pipeline.env, IntBuffer.wrap(v), shape);
            }
            default: {
                float[] v = new float[count];
                java.util.Arrays.fill(v, (float) timestep);
                return FloatTensors.of(pipeline.env, v, shape, pipeline.timestepType);
            }
        }
    }

    /** One image: its latents unscaled by the VAE factor and decoded, as 3 × 8h × 8w in [0, 1]. */
    private float[] decode(float[] latents, int offset, int length, int h, int w) throws OrtException {
        float[] scaled = new float[length];
        float inverse = (float) (1 / pipeline.vaeScale);
        for (int k = 0; k < length; k++) scaled[k] = latents[offset + k] * inverse;
        int pixels = 3 * h * 8 * w * 8;
        try (OnnxTensor in = FloatTensors.of(pipeline.env, scaled, new long[] {1, CHANNELS, h, w}, pipeline.latentType);
                OrtSession.Result result = pipeline.vaeDecoder.session.run(Map.of("latent_sample", in),
                        java.util.Set.of("sample"), runOptions)) {
            float[] image = floats(result, "sample", pixels, false);
            for (int k = 0; k < image.length; k++) {
                float v = image[k] / 2 + 0.5f;
                image[k] = v < 0 ? 0 : v > 1 ? 1 : Float.isNaN(v) ? 0 : v;
            }
            return image;
        }
    }

    /**
     * The output {@code name}, checked to hold {@code expected} floats, or a whole multiple of
     * {@code expected} when {@code multiple}: a model that answers another shape is an engine failure.
     */
    private static float[] floats(OrtSession.Result result, String name, int expected, boolean multiple) {
        OnnxValue value = result.get(name).orElseThrow(() -> new IllegalStateException("the model gave no " + name));
        float[] values = FloatTensors.read((OnnxTensor) value);
        int size = values.length;
        if (multiple ? size == 0 || size % expected != 0 : size != expected) {
            throw new IllegalStateException("the model's " + name + " holds " + size + " values where "
                    + (multiple ? "a multiple of " : "") + expected + " were expected");
        }
        return values;
    }

    /** {@code groups} blocks of {@code block} floats, each repeated {@code times} times in place. */
    private static float[] repeat(float[] values, int groups, int times, int block) {
        if (times == 1) return values;
        float[] out = new float[values.length * times];
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < times; t++) {
                System.arraycopy(values, g * block, out, (g * times + t) * block, block);
            }
        }
        return out;
    }
}
