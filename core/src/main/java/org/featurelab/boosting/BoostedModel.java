package org.featurelab.boosting;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;

import java.io.IOException;
import java.util.Map;

/**
 * A fitted booster: its configuration (with the rounds actually trained), the task, the number of outputs c (classes,
 * or 1 for regression) and input features d, and the booster itself as XGBoost's serialised model bytes (UBJSON, the
 * format of {@code Booster.toByteArray()}), which is what a model file stores. Immutable: the native booster is
 * rebuilt from the bytes on first use and only read.
 */
public final class BoostedModel {
    private final BoostingConfig config;
    private final Task task;
    private final int outputs;
    private final int features;
    private final byte[] booster;
    private Booster loaded;

    /**
     * @throws IllegalArgumentException on a shape that cannot be (c &lt; 2 classes, regression with c ≠ 1, d &lt; 1)
     *                                  or empty bytes
     */
    public BoostedModel(BoostingConfig config, Task task, int outputs, int features, byte[] booster) {
        if (config == null || task == null || booster == null || booster.length == 0) {
            throw new IllegalArgumentException("boosted model: config, task and booster bytes are required");
        }
        if (task == Task.CLASSIFICATION ? outputs < 2 : outputs != 1) {
            throw new IllegalArgumentException("boosted model: " + outputs + " outputs for " + task.label());
        }
        if (features < 1) {
            throw new IllegalArgumentException("boosted model: features must be >= 1, got " + features);
        }
        this.config = config;
        this.task = task;
        this.outputs = outputs;
        this.features = features;
        this.booster = booster.clone();
    }

    public BoostingConfig config() {
        return config;
    }

    public Task task() {
        return task;
    }

    /** c: classes, or 1 for regression. */
    public int outputs() {
        return outputs;
    }

    /** d: input features. */
    public int features() {
        return features;
    }

    /** The booster's serialised bytes (a copy). */
    public byte[] boosterBytes() {
        return booster.clone();
    }

    /**
     * Predictions for X (n×d): class probabilities (n×c, rows summing to 1; binary: [1 − p, p] with p from
     * binary:logistic) or predicted values (n×1). XGBoost predicts in float32; the values are widened to double.
     * Cost O(n · rounds · depth) (× c trees per round for c &gt; 2 classes).
     */
    public synchronized Matrix predict(Matrix x) {
        if (x.cols() != features) {
            throw new IllegalArgumentException("predict: X is " + x.shape() + " but the booster expects " + features
                    + " features");
        }
        try {
            return Boosting.predict(booster(), x, task, outputs);
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost predict failed: " + e.getMessage(), e);
        }
    }

    /**
     * XGBoost's total_gain per feature (length d; 0 for features no tree splits on): the summed loss reduction of the
     * splits on each feature. ("gain", XGBoost's mean per split, does not add up over the encoded features of a
     * column; the total does.)
     */
    public synchronized double[] totalGains() {
        double[] out = new double[features];
        try {
            Map<String, Double> scores = booster().getScore("", "total_gain");
            for (Map.Entry<String, Double> e : scores.entrySet()) {
                int j = Integer.parseInt(e.getKey().substring(1)); // keys "f0", "f1", ...
                out[j] = e.getValue();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost importances failed: " + e.getMessage(), e);
        }
        return out;
    }

    private Booster booster() throws XGBoostError {
        if (loaded == null) {
            try {
                loaded = XGBoost.loadModel(booster);
            } catch (IOException e) {
                throw new IllegalArgumentException("invalid booster bytes: " + e.getMessage(), e);
            }
        }
        return loaded;
    }
}
