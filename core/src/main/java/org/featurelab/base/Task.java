package org.featurelab.base;

/**
 * Learning task: classification (one-hot targets, argmax predictions) or regression. How predictions are scored for
 * model selection is {@code org.featurelab.scoring.Scores#selectionScore}.
 */
public enum Task {
    /** One-hot targets, argmax predictions, scored by accuracy. */
    CLASSIFICATION,
    /** Real targets, scored by −MSE. */
    REGRESSION;

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
