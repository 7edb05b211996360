package org.featurelab.tabular;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.scoring.ClassMetrics;
import org.featurelab.scoring.Scores;

/**
 * Quality of predictions on labelled rows (the measures that do not apply are NaN).
 * Classification: accuracy, balanced accuracy (mean recall over the classes present), log-loss of the class
 * probabilities ({@link FittedModel#probabilities}; clipped at 10⁻¹⁵) and, with two classes, ROC-AUC of the second
 * class's probability. Regression: RMSE, MAE and R².
 */
public record Evaluation(Task task, int n, double accuracy, double balancedAccuracy, double logLoss, double rocAuc,
                         double rmse, double mae, double r2) {

    static Evaluation of(Task task, Matrix scores, Matrix probabilities, Matrix targets) {
        if (task == Task.CLASSIFICATION) {
            int[] truth = Scores.argmaxRows(targets);
            int c = targets.cols();
            double auc = Double.NaN;
            if (c == 2) {
                double[] p1 = new double[truth.length];
                for (int i = 0; i < p1.length; i++) {
                    p1[i] = probabilities.get(i, 1);
                }
                auc = ClassMetrics.rocAuc(p1, truth);
            }
            return new Evaluation(task, targets.rows(), Scores.accuracy(scores, targets),
                    ClassMetrics.balancedAccuracy(Scores.argmaxRows(scores), truth, c), ClassMetrics.logLoss(probabilities, truth),
                    auc, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Evaluation(task, targets.rows(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Scores.rootMeanSquaredError(scores, targets), Scores.meanAbsoluteError(scores, targets), Scores.r2(scores, targets));
    }
}
