package org.featurelab.rfm;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.featurelab.rfm.ValidationChoice.SCORE_TOLERANCE;
import static org.featurelab.rfm.ValidationChoice.beats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selection rule: higher score beyond the tolerance, else lower MSE within it, else the earlier candidate. */
class ValidationChoiceTest {

    @Test
    void higherScoreBeyondTheToleranceWinsWhateverTheMse() {
        assertTrue(beats(0.75, 9.0, 0.5, 0.1));
        assertTrue(beats(0.5 + 4 * SCORE_TOLERANCE, 9.0, 0.5, 0.1));
        assertFalse(beats(0.5, 0.1, 0.75, 9.0));
        assertTrue(beats(-1.0, 1.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    @Test
    void scoresWithinTheToleranceTieAndGoToTheLowerMse() {
        double within = 0.5 + SCORE_TOLERANCE / 4;
        assertTrue(beats(within, 0.1, 0.5, 0.2));
        assertFalse(beats(within, 0.3, 0.5, 0.2));
        assertTrue(beats(0.5 - SCORE_TOLERANCE / 4, 0.1, 0.5, 0.2), "a slightly lower score within the tolerance ties");
        assertFalse(beats(0.5, 0.2, 0.5, 0.2), "a tie on both keeps the best so far (the earlier candidate)");
    }

    @Test
    void nanNeverBeatsAndANanBestIsNeverBeaten() {
        assertFalse(beats(Double.NaN, 0.0, 0.5, 0.2));
        assertFalse(beats(Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertFalse(beats(1.0, 0.0, Double.NaN, Double.NaN));
        assertFalse(beats(0.5, Double.NaN, 0.5, 0.2));
        assertFalse(beats(0.5, 0.1, 0.5, Double.NaN));
    }

    /**
     * {@link Rfm#fit} keeps the iterate that a replay of the rule over its history picks (start: score −∞, MSE +∞;
     * replace when {@code beats}). Classification on 40 validation rows, where accuracies of different iterations
     * tie, so the MSE tie-break decides; the test checks that such a tie happened.
     */
    @Test
    void rfmKeepsTheIterateTheRulePicksFromItsHistory() {
        LabeledData train = signOfProduct(200, 1);
        LabeledData val = signOfProduct(40, 2);
        RfmModel m = Rfm.fit(RfmConfig.defaults().withIterations(5), Task.CLASSIFICATION, train, val, RfmListener.NONE);
        List<IterationRecord> h = m.history();
        assertEquals(6, h.size());
        int chosen = -1;
        double score = Double.NEGATIVE_INFINITY;
        double mse = Double.POSITIVE_INFINITY;
        boolean tie = false;
        for (IterationRecord r : h) {
            tie |= chosen >= 0 && Math.abs(r.validationScore() - score) <= SCORE_TOLERANCE;
            if (beats(r.validationScore(), r.validationMse(), score, mse)) {
                chosen = r.iteration();
                score = r.validationScore();
                mse = r.validationMse();
            }
        }
        assertTrue(tie, "no accuracy tie in " + h);
        assertEquals(chosen, m.iteration());
    }

    /** x ~ N(0, I) in d = 10, class 1 when x₀·x₁ > 0, one-hot over 2 classes. */
    private static LabeledData signOfProduct(int n, long seed) {
        Random rng = new Random(seed);
        Matrix x = Matrix.zeros(n, 10);
        Matrix y = Matrix.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 10; j++) {
                x.set(i, j, rng.nextGaussian());
            }
            y.set(i, x.get(i, 0) * x.get(i, 1) > 0 ? 1 : 0, 1);
        }
        return new LabeledData(x, y);
    }
}
