package org.featurelab.scoring;

import org.featurelab.linalg.Matrix;

import java.util.Arrays;

/**
 * Classification measures that use probabilities or per-class rates, beside {@link Scores#accuracy}: log-loss,
 * ROC-AUC of a binary problem and balanced accuracy. Labels are class indices 0 … c−1.
 */
public final class ClassMetrics {
    /** Probabilities are clipped to [ε, 1] before the logarithm, as scikit-learn does (ε = 10⁻¹⁵). */
    public static final double LOG_LOSS_EPSILON = 1e-15;

    private ClassMetrics() {
    }

    /**
     * Log-loss −(1/n)Σᵢ ln max(ε, p_{i,yᵢ}) of the n×c probability matrix {@code p} (rows need not be renormalised;
     * a proper model's rows sum to 1).
     */
    public static double logLoss(Matrix p, int[] labels) {
        requireRows(p, labels, "log-loss");
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            s -= Math.log(Math.max(LOG_LOSS_EPSILON, p.get(i, label(labels[i], p.cols()))));
        }
        return labels.length == 0 ? Double.NaN : s / labels.length;
    }

    /**
     * Area under the ROC curve of scores {@code s} for the positive class (labels 1) against the negative (0):
     * the Mann–Whitney statistic P(s⁺ &gt; s⁻) + ½P(s⁺ = s⁻), from mid-ranks in O(n log n). NaN when one class is absent.
     */
    public static double rocAuc(double[] s, int[] labels) {
        if (s.length != labels.length) {
            throw new IllegalArgumentException("roc-auc: " + s.length + " scores for " + labels.length + " labels");
        }
        int n = s.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
        double rankSumPositive = 0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && s[order[j + 1]] == s[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1; // ranks 1 … n, ties share the mean rank
            for (int k = i; k <= j; k++) {
                int y = labels[order[k]];
                if (y != 0 && y != 1) {
                    throw new IllegalArgumentException("roc-auc: labels must be 0 or 1, got " + y);
                }
                if (y == 1) {
                    rankSumPositive += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean over the classes present in {@code truth} of their recall (scikit-learn's balanced_accuracy_score). */
    public static double balancedAccuracy(int[] predicted, int[] truth, int classes) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("balanced accuracy: " + predicted.length + " predictions for " + truth.length
                    + " labels");
        }
        long[] hits = new long[classes];
        long[] counts = new long[classes];
        for (int i = 0; i < truth.length; i++) {
            int y = label(truth[i], classes);
            counts[y]++;
            if (predicted[i] == y) {
                hits[y]++;
            }
        }
        double sum = 0;
        int present = 0;
        for (int k = 0; k < classes; k++) {
            if (counts[k] > 0) {
                sum += (double) hits[k] / counts[k];
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    private static int label(int y, int classes) {
        if (y < 0 || y >= classes) {
            throw new IllegalArgumentException("class label " + y + " outside 0…" + (classes - 1));
        }
        return y;
    }

    private static void requireRows(Matrix p, int[] labels, String what) {
        if (p.rows() != labels.length) {
            throw new IllegalArgumentException(what + ": " + p.rows() + " probability rows for " + labels.length + " labels");
        }
    }
}
