package org.featurelab.boosting;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.ValidationChoice;
import org.featurelab.scoring.Scores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Boosting} on synthetic data whose answer is known: a class set by thresholds on two of five inputs, and a
 * step-function regression. The selection of the best round is checked against independent refits.
 */
class BoostingTest {
    /** n rows, 5 inputs uniform on [−1, 1]; class 0 if x0 &lt; −0.3, 1 if x1 &gt; 0, else 2 (3 classes). */
    static LabeledData threeClasses(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, 5);
        Matrix y = Matrix.zeros(n, 3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                x.set(i, j, rng.nextDouble(-1, 1));
            }
            int k = x.get(i, 0) < -0.3 ? 0 : x.get(i, 1) > 0 ? 1 : 2;
            y.set(i, k, 1);
        }
        return new LabeledData(x, y);
    }

    @Test
    void thresholdClassesAreLearnedAndProbabilitiesSumToOne() {
        LabeledData train = threeClasses(400, 1);
        LabeledData test = threeClasses(300, 2);
        BoostedModel m = Boosting.fit(BoostingConfig.defaults(0), Task.CLASSIFICATION, train);
        Matrix p = m.predict(test.x());
        assertEquals(3, p.cols());
        for (int i = 0; i < p.rows(); i++) {
            assertClose(p.get(i, 0) + p.get(i, 1) + p.get(i, 2), 1, 1e-6, 0, "row sum"); // float32 softmax
        }
        // axis-aligned thresholds are exactly what trees represent: near-perfect, far above the majority rate (≈ 0.35)
        assertTrue(Scores.accuracy(p, test.y()) > 0.95, "accuracy " + Scores.accuracy(p, test.y()));
        // only x0 and x1 carry information: they hold almost all the gain
        double[] g = m.totalGains();
        double total = 0;
        for (double v : g) {
            total += v;
        }
        assertTrue((g[0] + g[1]) / total > 0.9, () -> java.util.Arrays.toString(g));
    }

    @Test
    void sameSeedSameBytesAndPredictions() {
        LabeledData train = threeClasses(200, 3);
        BoostingConfig c = BoostingConfig.defaults(7).withTree(4, 0.1).withRounds(30);
        BoostedModel a = Boosting.fit(c, Task.CLASSIFICATION, train);
        BoostedModel b = Boosting.fit(c, Task.CLASSIFICATION, train);
        assertArrayEquals(a.boosterBytes(), b.boosterBytes());
        assertArrayEquals(a.predict(train.x()).data(), b.predict(train.x()).data());
        // the bytes are the model: a model rebuilt from them predicts the same
        BoostedModel copy = new BoostedModel(a.config(), a.task(), a.outputs(), a.features(), a.boosterBytes());
        assertArrayEquals(a.predict(train.x()).data(), copy.predict(train.x()).data());
    }

    @Test
    void binaryGivesTwoColumnsAndRegressionOne() {
        LabeledData three = threeClasses(200, 4);
        Matrix y2 = Matrix.zeros(200, 2);
        Matrix yr = Matrix.zeros(200, 1);
        for (int i = 0; i < 200; i++) {
            y2.set(i, three.y().get(i, 0) == 1 ? 1 : 0, 1);
            yr.set(i, 0, three.x().get(i, 0) > 0 ? 3 : -1);
        }
        BoostedModel bin = Boosting.fit(BoostingConfig.defaults(0), Task.CLASSIFICATION, new LabeledData(three.x(), y2));
        Matrix p = bin.predict(three.x());
        assertEquals(2, p.cols());
        for (int i = 0; i < 200; i++) {
            assertEquals(1.0, p.get(i, 0) + p.get(i, 1), 1e-15);
        }
        assertTrue(Scores.accuracy(p, y2) > 0.99);
        BoostedModel reg = Boosting.fit(BoostingConfig.defaults(0), Task.REGRESSION, new LabeledData(three.x(), yr));
        Matrix f = reg.predict(three.x());
        assertEquals(1, f.cols());
        // a single step: 100 rounds of eta 0.3 fit it to float precision ((0.7)^100 of the residual is left)
        assertTrue(Scores.r2(f, yr) > 0.9999, "R² " + Scores.r2(f, yr));
    }

    /**
     * The round kept by {@link Boosting#score} is the best of rounds 1..R by {@link ValidationChoice}, checked against
     * R independent fits of exactly r rounds (a booster trained r rounds is the first r rounds of a longer one).
     */
    @Test
    void scoreKeepsTheBestRoundOfIndependentRefits() {
        LabeledData fit = threeClasses(150, 5);
        LabeledData val = threeClasses(100, 6);
        BoostingConfig c = BoostingConfig.defaults(0).withTree(2, 0.3).withRounds(15);
        Boosting.Scored s = Boosting.score(c, Task.CLASSIFICATION, fit, val);
        int best = 0;
        double bestScore = Double.NaN;
        double bestMse = Double.NaN;
        for (int r = 1; r <= 15; r++) {
            Matrix p = Boosting.fit(c.withRounds(r), Task.CLASSIFICATION, fit).predict(val.x());
            double score = Scores.accuracy(p, val.y());
            double mse = Scores.meanSquaredError(p, val.y());
            if (best == 0 || ValidationChoice.beats(score, mse, bestScore, bestMse)) {
                best = r;
                bestScore = score;
                bestMse = mse;
            }
        }
        assertEquals(best, s.config().rounds());
        assertClose(s.validationScore(), bestScore, 0, 1e-12, "validation accuracy");
        assertClose(s.validationMse(), bestMse, 1e-6, 0, "validation MSE");
        // with patience 1 it stops at the first round that brings no new best
        Boosting.Scored early = Boosting.score(c.withPatience(1), Task.CLASSIFICATION, fit, val);
        assertTrue(early.config().rounds() <= s.config().rounds());
    }

    @Test
    void tuneChoosesTheBestCandidateInGridOrder() {
        LabeledData fit = threeClasses(150, 7);
        LabeledData val = threeClasses(100, 8);
        BoostingConfig base = BoostingConfig.defaults(0).withRounds(40).withPatience(10);
        Boosting.Tuning t = Boosting.tune(base, List.of(1, 3), List.of(0.1, 0.3), Task.CLASSIFICATION, fit, val);
        assertEquals(4, t.candidates().size());
        assertEquals(List.of(1, 1, 3, 3), t.candidates().stream().map(s -> s.config().maxDepth()).toList());
        Boosting.Scored best = t.candidates().get(0);
        for (Boosting.Scored s : t.candidates()) {
            if (ValidationChoice.beats(s.validationScore(), s.validationMse(), best.validationScore(), best.validationMse())) {
                best = s;
            }
        }
        assertEquals(best, t.chosen());
    }

    @Test
    void configIsValidatedNamingItsFields() {
        assertEquals("eta must be in (0, 1], got 0.0", assertThrows(IllegalArgumentException.class,
                () -> BoostingConfig.defaults(0).withTree(3, 0)).getMessage());
        assertEquals("maxDepth must be in 1..30, got 0", assertThrows(IllegalArgumentException.class,
                () -> BoostingConfig.defaults(0).withTree(0, 0.3)).getMessage());
        assertEquals("max_depth=6;eta=0.3;rounds=100", BoostingConfig.defaults(0).describe());
        assertThrows(IllegalArgumentException.class,
                () -> Boosting.fit(BoostingConfig.defaults(0), Task.CLASSIFICATION, threeClasses(20, 1)).predict(Matrix.zeros(2, 4)));
    }
}
