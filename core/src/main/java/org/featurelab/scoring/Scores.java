package org.featurelab.scoring;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;

/** Prediction quality measures for classification (argmax of class scores) and regression. */
public final class Scores {
    private Scores() {
    }

    /** Model-selection score, higher is better: accuracy for classification, −MSE for regression. */
    public static double selectionScore(Task task, Matrix predictions, Matrix targets) {
        return task == Task.CLASSIFICATION ? accuracy(predictions, targets) : -meanSquaredError(predictions, targets);
    }

    /** Index of the largest entry of every row (first one on ties). */
    public static int[] argmaxRows(Matrix scores) {
        int n = scores.rows();
        int c = scores.cols();
        int[] out = new int[n];
        double[] d = scores.data();
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < c; k++) {
                if (d[i * c + k] > d[i * c + best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Share of rows whose argmax of {@code scores} equals the argmax of the one-hot {@code targets}. */
    public static double accuracy(Matrix scores, Matrix oneHotTargets) {
        requireSameShape(scores, oneHotTargets);
        return accuracy(argmaxRows(scores), argmaxRows(oneHotTargets));
    }

    /** Share of equal labels. */
    public static double accuracy(int[] predicted, int[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("accuracy: " + predicted.length + " predictions for " + truth.length + " labels");
        }
        if (truth.length == 0) {
            return Double.NaN;
        }
        int hit = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                hit++;
            }
        }
        return (double) hit / truth.length;
    }

    /** Mean over rows of the squared error summed over outputs: (1/n)Σᵢ‖ŷᵢ − yᵢ‖². */
    public static double meanSquaredError(Matrix predictions, Matrix targets) {
        requireSameShape(predictions, targets);
        double s = 0;
        double[] p = predictions.data();
        double[] t = targets.data();
        for (int i = 0; i < p.length; i++) {
            double e = p[i] - t[i];
            s += e * e;
        }
        return s / Math.max(1, predictions.rows());
    }

    /** √MSE for a single-output regression. */
    public static double rootMeanSquaredError(Matrix predictions, Matrix targets) {
        return Math.sqrt(meanSquaredError(predictions, targets) / Math.max(1, targets.cols()));
    }

    /** Mean absolute error over all entries. */
    public static double meanAbsoluteError(Matrix predictions, Matrix targets) {
        requireSameShape(predictions, targets);
        double s = 0;
        double[] p = predictions.data();
        double[] t = targets.data();
        for (int i = 0; i < p.length; i++) {
            s += Math.abs(p[i] - t[i]);
        }
        return s / Math.max(1, p.length);
    }

    /** Coefficient of determination R² = 1 − SS_res/SS_tot over all entries (per-column means). */
    public static double r2(Matrix predictions, Matrix targets) {
        requireSameShape(predictions, targets);
        int n = targets.rows();
        int c = targets.cols();
        double res = 0;
        double tot = 0;
        for (int k = 0; k < c; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += targets.get(i, k);
            }
            mean /= Math.max(1, n);
            for (int i = 0; i < n; i++) {
                double e = predictions.get(i, k) - targets.get(i, k);
                double u = targets.get(i, k) - mean;
                res += e * e;
                tot += u * u;
            }
        }
        return tot == 0 ? (res == 0 ? 1.0 : Double.NEGATIVE_INFINITY) : 1 - res / tot;
    }

    private static void requireSameShape(Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("scores: predictions are " + a.shape() + ", targets are " + b.shape());
        }
    }
}
