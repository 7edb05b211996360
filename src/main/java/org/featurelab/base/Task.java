package org.featurelab.base;

import org.featurelab.scoring.Scores;

import org.featurelab.linalg.Matrix;

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

    /** Parses {@code classification} or {@code regression} (any case, surrounding blanks ignored). */
    public static Task parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "classification" -> CLASSIFICATION;
            case "regression" -> REGRESSION;
            default -> throw new IllegalArgumentException("unknown task '" + text + "': expected classification or regression");
        };
    }
}
