package org.featurelab.benchmark;

/**
 * The result of one finished benchmark unit (dataset, fold, model): one row of {@code results.csv}.
 *
 * @param hyperparameters the chosen hyperparameters as {@code key=value} pairs separated by {@code ;}, e.g.
 *                        {@code ridge=0.1;iteration=3;row_norm=off} (keys depend on the harness)
 * @param validationScore score of the chosen hyperparameters on the validation rows (NaN without them)
 * @param testScore       score of the refitted model on the fold's test rows; accuracy in [0, 1] for
 *                        classification, R² for regression
 * @param seconds         wall time of the whole unit (tuning, refit and scoring)
 */
public record UnitResult(String dataset, int fold, String model, String hyperparameters, double validationScore,
                         double testScore, double seconds) {
    public UnitResult {
        if (dataset == null || model == null || hyperparameters == null) {
            throw new IllegalArgumentException("unit result: dataset, model and hyperparameters are required");
        }
    }
}
