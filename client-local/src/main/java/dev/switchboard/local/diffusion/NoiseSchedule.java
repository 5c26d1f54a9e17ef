package dev.switchboard.local.diffusion;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonBoolean;
import dev.switchboard.core.JsonNull;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.ModelLoadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The noise schedule a model was trained with, read from {@code scheduler/scheduler_config.json} as
 * diffusers writes it: the betas ({@code beta_start}, {@code beta_end}, {@code beta_schedule} or
 * {@code trained_betas}) over {@code num_train_timesteps}, how inference timesteps are spaced, and
 * what the UNet predicts. Values absent from the file take diffusers' defaults for SD 1.5.
 */
final class NoiseSchedule {
    /** What the UNet's output is: the noise, the velocity, or the clean sample. */
    enum Prediction { EPSILON, V_PREDICTION, SAMPLE }

    /** How inference steps are placed among the training timesteps (diffusers' {@code timestep_spacing}). */
    enum Spacing { LEADING, TRAILING, LINSPACE }

    final int trainSteps;
    final double[] alphasCumprod;
    final Spacing spacing;
    final int stepsOffset;
    final Prediction prediction;
    final boolean setAlphaToOne;
    final boolean clipSample;
    final double clipSampleRange;
    /** The scheduler the model was exported with ({@code _class_name}), to pick a default. */
    final String className;

    private NoiseSchedule(int trainSteps, double[] alphasCumprod, Spacing spacing, int stepsOffset, Prediction prediction,
            boolean setAlphaToOne, boolean clipSample, double clipSampleRange, String className) {
        this.trainSteps = trainSteps;
        this.alphasCumprod = alphasCumprod;
        this.spacing = spacing;
        this.stepsOffset = stepsOffset;
        this.prediction = prediction;
        this.setAlphaToOne = setAlphaToOne;
        this.clipSample = clipSample;
        this.clipSampleRange = clipSampleRange;
        this.className = className;
    }

    /** SD 1.5's own schedule: scaled-linear betas from 0.00085 to 0.012 over 1000 steps, leading spacing, offset 1. */
    static NoiseSchedule stableDiffusion15() {
        return of(1000, 0.00085, 0.012, "scaled_linear", null, Spacing.LEADING, 1, Prediction.EPSILON, false, false, 1.0,
                "PNDMScheduler");
    }

    static NoiseSchedule read(Path file) {
        JsonValue json;
        try {
            json = JsonValueAdapter.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read the scheduler config " + file + ": " + e.getMessage(), e);
        }
        if (!(json instanceof JsonObject)) throw new ModelLoadException(file + " must be a JSON object");
        Map<String, JsonValue> c = ((JsonObject) json).values();
        String at = file.toString();
        int trainSteps = (int) number(at, c, "num_train_timesteps", 1000, 2, 100_000);
        double betaStart = number(at, c, "beta_start", 0.00085, 0, 1);
        double betaEnd = number(at, c, "beta_end", 0.012, 0, 1);
        String betaSchedule = string(at, c, "beta_schedule", "scaled_linear");
        double[] trained = null;
        JsonValue tb = c.get("trained_betas");
        if (tb instanceof JsonArray) {
            List<JsonValue> values = ((JsonArray) tb).values();
            trained = new double[values.size()];
            for (int i = 0; i < trained.length; i++) {
                trained[i] = numberValue(at, "trained_betas[" + i + "]", values.get(i), 0, 1);
            }
            if (trained.length != trainSteps) {
                throw new ModelLoadException(at + ": trained_betas has " + trained.length + " values for "
                        + trainSteps + " num_train_timesteps");
            }
        }
        Spacing spacing;
        String spacingName = string(at, c, "timestep_spacing", "leading");
        try {
            spacing = Spacing.valueOf(spacingName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(at + ": timestep_spacing must be leading, trailing or linspace, was '"
                    + spacingName + "'");
        }
        int offset = (int) number(at, c, "steps_offset", 0, 0, trainSteps - 1);
        Prediction prediction;
        String predictionName = string(at, c, "prediction_type", "epsilon");
        try {
            prediction = Prediction.valueOf(predictionName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(at + ": prediction_type must be epsilon, v_prediction or sample, was '"
                    + predictionName + "'");
        }
        boolean alphaToOne = bool(at, c, "set_alpha_to_one", false);
        boolean clip = bool(at, c, "clip_sample", false);
        double clipRange = number(at, c, "clip_sample_range", 1.0, 0, 1e6);
        String className = string(at, c, "_class_name", "");
        return of(trainSteps, betaStart, betaEnd, betaSchedule, trained, spacing, offset, prediction, alphaToOne, clip,
                clipRange, className, at);
    }

    private static NoiseSchedule of(int trainSteps, double betaStart, double betaEnd, String betaSchedule, double[] trained,
            Spacing spacing, int offset, Prediction prediction, boolean alphaToOne, boolean clip, double clipRange,
            String className) {
        return of(trainSteps, betaStart, betaEnd, betaSchedule, trained, spacing, offset, prediction, alphaToOne, clip,
                clipRange, className, "scheduler");
    }

    private static NoiseSchedule of(int trainSteps, double betaStart, double betaEnd, String betaSchedule, double[] trained,
            Spacing spacing, int offset, Prediction prediction, boolean alphaToOne, boolean clip, double clipRange,
            String className, String at) {
        double[] betas = trained != null ? trained : betas(at, trainSteps, betaStart, betaEnd, betaSchedule);
        double[] cumprod = new double[trainSteps];
        double product = 1;
        for (int i = 0; i < trainSteps; i++) {
            if (!(betas[i] > 0 && betas[i] < 1)) {
                throw new ModelLoadException(at + ": beta " + i + " must be between 0 and 1 (exclusive), was " + betas[i]);
            }
            product *= 1 - betas[i];
            cumprod[i] = product;
        }
        return new NoiseSchedule(trainSteps, cumprod, spacing, offset, prediction, alphaToOne, clip, clipRange, className);
    }

    private static double[] betas(String at, int n, double start, double end, String schedule) {
        double[] betas = new double[n];
        switch (schedule) {
            case "linear":
                for (int i = 0; i < n; i++) betas[i] = start + (end - start) * i / (n - 1);
                return betas;
            case "scaled_linear":
                double s = Math.sqrt(start);
                double e = Math.sqrt(end);
                for (int i = 0; i < n; i++) {
                    double b = s + (e - s) * i / (n - 1);
                    betas[i] = b * b;
                }
                return betas;
            default:
                throw new ModelLoadException(at + ": beta_schedule '" + schedule + "' is not supported; this engine"
                        + " knows linear and scaled_linear (or trained_betas)");
        }
    }

    /**
     * The training timesteps the UNet sees at each of {@code steps} inference steps, from the noisiest,
     * placed as diffusers places them for this schedule's spacing.
     */
    double[] timesteps(int steps) {
        double[] t = new double[steps];
        switch (spacing) {
            case LEADING: {
                int ratio = trainSteps / steps;
                for (int i = 0; i < steps; i++) t[i] = (double) (steps - 1 - i) * ratio + stepsOffset;
                break;
            }
            case TRAILING: {
                double ratio = (double) trainSteps / steps;
                for (int i = 0; i < steps; i++) t[i] = Math.rint(trainSteps - i * ratio) - 1;
                break;
            }
            default: // LINSPACE
                for (int i = 0; i < steps; i++) {
                    t[i] = steps == 1 ? 0 : (trainSteps - 1) * (double) (steps - 1 - i) / (steps - 1);
                }
        }
        return t;
    }

    private static double number(String at, Map<String, JsonValue> c, String key, double fallback, double min, double max) {
        JsonValue v = c.get(key);
        if (v == null || v instanceof JsonNull) return fallback;
        return numberValue(at, key, v, min, max);
    }

    private static double numberValue(String at, String key, JsonValue v, double min, double max) {
        if (!(v instanceof JsonNumber)) throw new ModelLoadException(at + ": " + key + " must be a number, was " + v);
        double d = ((JsonNumber) v).value().doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            throw new ModelLoadException(at + ": " + key + " must be between " + min + " and " + max + ", was " + v);
        }
        return d;
    }

    private static String string(String at, Map<String, JsonValue> c, String key, String fallback) {
        JsonValue v = c.get(key);
        if (v == null || v instanceof JsonNull) return fallback;
        if (!(v instanceof JsonString)) throw new ModelLoadException(at + ": " + key + " must be a string, was " + v);
        return ((JsonString) v).value();
    }

    private static boolean bool(String at, Map<String, JsonValue> c, String key, boolean fallback) {
        JsonValue v = c.get(key);
        if (v == null || v instanceof JsonNull) return fallback;
        if (!(v instanceof JsonBoolean)) throw new ModelLoadException(at + ": " + key + " must be true or false, was " + v);
        return ((JsonBoolean) v).value();
    }
}
