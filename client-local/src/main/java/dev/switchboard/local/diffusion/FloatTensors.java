package dev.switchboard.local.diffusion;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/**
 * Float tensors in the element type a model takes: float32 as they are, float16 (the half-precision
 * exports) converted by ONNX Runtime's own routines. The pipeline computes in float32 either way.
 */
final class FloatTensors {
    private FloatTensors() {}

    static OnnxTensor of(OrtEnvironment env, float[] values, int offset, int length, long[] shape, OnnxJavaType type)
            throws OrtException {
        if (type == OnnxJavaType.FLOAT16) {
            ShortBuffer half = ShortBuffer.allocate(length);
            for (int k = 0; k < length; k++) half.put(k, Fp16Conversions.floatToFp16(values[offset + k]));
            return OnnxTensor.createTensor(env, half, shape, OnnxJavaType.FLOAT16);
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(values, offset, length).slice(), shape);
    }

    static OnnxTensor of(OrtEnvironment env, float[] values, long[] shape, OnnxJavaType type) throws OrtException {
        return of(env, values, 0, values.length, shape, type);
    }

    static float[] read(OnnxTensor tensor) {
        TensorInfo info = tensor.getInfo();
        if (info.type == OnnxJavaType.FLOAT16) {
            ShortBuffer half = tensor.getShortBuffer();
            float[] out = new float[half.remaining()];
            for (int k = 0; k < out.length; k++) out[k] = Fp16Conversions.fp16ToFloat(half.get(half.position() + k));
            return out;
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
