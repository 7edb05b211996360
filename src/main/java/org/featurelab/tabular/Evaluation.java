package org.featurelab.tabular;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.scoring.Scores;

/**
 * Quality of predictions on labelled rows: accuracy for classification; RMSE, MAE and R² for regression
 * (the measures that do not apply are NaN).
 */
public record Evaluation(Task task, int n, double accuracy, double rmse, double mae, double r2) {

    static Evaluation of(Task task, Matrix scores, Matrix targets) {
        if (task == Task.CLASSIFICATION) {
            return new Evaluation(task, targets.rows(), Scores.accuracy(scores, targets), Double.NaN, Double.NaN, Double.NaN);
        }
        return new Evaluation(task, targets.rows(), Double.NaN, Scores.rootMeanSquaredError(scores, targets),
                Scores.meanAbsoluteError(scores, targets), Scores.r2(scores, targets));
    }
}
