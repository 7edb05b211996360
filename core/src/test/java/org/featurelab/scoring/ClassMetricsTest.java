package org.featurelab.scoring;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ClassMetrics} against hand-computed values and the O(n²) pair count of the AUC. */
class ClassMetricsTest {
    @Test
    void aucIsThePairCountWithHalfForTies() {
        // scikit-learn's roc_auc_score documentation example: 0.75
        assertEquals(0.75, ClassMetrics.rocAuc(new double[]{0.1, 0.4, 0.35, 0.8}, new int[]{0, 0, 1, 1}), 1e-15);
        SplittableRandom rng = new SplittableRandom(17);
        int n = 500;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(2);
            s[i] = Math.round((y[i] * 0.7 + rng.nextGaussian()) * 4) / 4.0; // coarse grid: many ties
        }
        double pairs = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    count++;
                }
            }
        }
        assertEquals(pairs / count, ClassMetrics.rocAuc(s, y), 1e-12);
        assertTrue(Double.isNaN(ClassMetrics.rocAuc(new double[]{1, 2}, new int[]{1, 1})));
        assertThrows(IllegalArgumentException.class, () -> ClassMetrics.rocAuc(new double[]{1, 2}, new int[]{0, 2}));
    }

    @Test
    void logLossAndBalancedAccuracyByHand() {
        Matrix p = Matrix.of(new double[][]{{0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.0, 0.5, 0.5}});
        int[] y = {0, 1, 0};
        double expected = -(Math.log(0.7) + Math.log(0.8) + Math.log(ClassMetrics.LOG_LOSS_EPSILON)) / 3;
        assertEquals(expected, ClassMetrics.logLoss(p, y), 1e-12);
        // truth 0,0,0,1 ; predicted 0,1,1,1 → recall 1/3 and 1 → 2/3 (plain accuracy 1/2); class 2 absent, ignored
        assertEquals(2.0 / 3, ClassMetrics.balancedAccuracy(new int[]{0, 1, 1, 1}, new int[]{0, 0, 0, 1}, 3), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ClassMetrics.logLoss(p, new int[]{0, 1, 3}));
    }
}
