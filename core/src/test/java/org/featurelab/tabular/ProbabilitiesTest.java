package org.featurelab.tabular;

import org.featurelab.linalg.Matrix;
import org.featurelab.scoring.ClassMetrics;
import org.featurelab.scoring.Scores;
import org.featurelab.scoring.TemperatureScaling;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Class probabilities of the kernel learner (issue 12 item 4): softmax(β·f) with β fitted on the tuner's validation
 * rows. On breast_cancer (held-out 25 %, split seed 1) the calibrated log-loss must beat both the uniform guess ln 2
 * and the uncalibrated softmax (β = 1) of the same scores, which is nearly uniform for regression outputs in [0, 1];
 * the probabilities sum to 1, keep the argmax, and the evaluation's log-loss, balanced accuracy and ROC-AUC are the
 * {@link ClassMetrics} values of those probabilities.
 */
class ProbabilitiesTest {
    @Test
    void calibratedProbabilitiesBeatUniformAndUncalibrated() {
        Table table = TabularFixtures.small("breast_cancer");
        String target = TabularFixtures.lastColumn(table);
        TabularFixtures.TrainTest tt = TabularFixtures.split(table, target, 0.25, 1);
        TabularModel model = TabularLearner.of(target, ModelKind.LAPLACE).fit(tt.train());
        double beta = model.tuning().calibrationBeta();
        assertTrue(beta > TemperatureScaling.MIN_BETA && beta < TemperatureScaling.MAX_BETA, "β = " + beta);
        Predictions p = model.predict(tt.test());
        Matrix prob = p.probabilities();
        Matrix scores = p.scores();
        assertEquals(Scores.argmaxRows(scores)[0], Scores.argmaxRows(prob)[0]);
        for (int i = 0; i < prob.rows(); i++) {
            assertEquals(1.0, prob.get(i, 0) + prob.get(i, 1), 1e-12);
        }
        var prepared = model.preprocessing().prepare(tt.test());
        int[] truth = Scores.argmaxRows(prepared.y());
        double calibrated = ClassMetrics.logLoss(prob, truth);
        double uncalibrated = ClassMetrics.logLoss(new TemperatureScaling(1.0).probabilities(scores), truth);
        assertTrue(calibrated < 0.5 * Math.log(2), "calibrated log-loss " + calibrated);
        assertTrue(calibrated < 0.7 * uncalibrated, "calibrated " + calibrated + " against β = 1: " + uncalibrated);
        Evaluation e = model.evaluate(tt.test());
        assertEquals(calibrated, e.logLoss(), 1e-12);
        double[] p1 = new double[truth.length];
        for (int i = 0; i < p1.length; i++) {
            p1[i] = prob.get(i, 1);
        }
        assertEquals(ClassMetrics.rocAuc(p1, truth), e.rocAuc(), 1e-12);
        assertTrue(e.rocAuc() > 0.97, "ROC-AUC " + e.rocAuc());
        assertEquals(ClassMetrics.balancedAccuracy(Scores.argmaxRows(scores), truth, 2), e.balancedAccuracy(), 1e-12);
    }
}
