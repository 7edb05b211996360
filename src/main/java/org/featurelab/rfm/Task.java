package org.featurelab.rfm;

import org.featurelab.linalg.Matrix;
import org.featurelab.metrics.Scores;

/** Learning task; decides how predictions are scored during model selection (higher is better). */
public enum Task {
    /** One-hot targets, argmax predictions, scored by accuracy. */
    CLASSIFICATION,
    /** Real targets, scored by −MSE. */
    REGRESSION;

    /** Selection score: accuracy, or −MSE for regression. */
    public double score(Matrix predictions, Matrix targets) {
        return this == CLASSIFICATION ? Scores.accuracy(predictions, targets) : -Scores.meanSquaredError(predictions, targets);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Task parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "classification", "class", "classify" -> CLASSIFICATION;
            case "regression", "regress" -> REGRESSION;
            default -> throw new IllegalArgumentException("unknown task '" + s + "' (expected classification or regression)");
        };
    }
}
