package org.featurelab.rfm;

import org.featurelab.base.Task;
import org.featurelab.kernel.Laplace;
import org.featurelab.linalg.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Early stopping of an RFM fit is a prefix of the full fit: the iterations run are the full fit's first ones to the
 * bit, it stops exactly where the rule says (computed here from the full fit's own validation scores), and it keeps
 * the best of the prefix.
 */
class StoppingRuleTest {

    @Test
    void patienceCountsIterationsSinceTheBest() {
        StoppingRule two = StoppingRule.patience(2);
        assertFalse(two.stop(0, 0));
        assertFalse(two.stop(1, 0));
        assertTrue(two.stop(2, 0));
        assertFalse(two.stop(5, 4));
        assertTrue(two.stop(6, 4));
        assertFalse(StoppingRule.patience(0).stop(100, 0), "patience 0 runs every iteration");
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.patience(-1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void anEarlyStoppedFitIsAPrefixOfTheFullFit(int patience) {
        // a target that is mostly noise, on few rows: the validation score peaks early and then wanders
        LabeledData train = noisyProduct(300, 11);
        LabeledData val = noisyProduct(60, 12);
        RfmConfig config = new RfmConfig(new Laplace(3), 1e-3, 12, FeatureUpdate.parse("nfa"), MetricScaling.MAX, false,
                Precision.FLOAT64, true);
        RfmModel full = Rfm.fit(config, Task.REGRESSION, train, val, RfmListener.NONE);
        assertEquals(13, full.history().size());
        // where the rule stops, from the full fit's scores: after the first t with t − best(t) ≥ patience
        int best = 0;
        int expectedLast = 12;
        for (int t = 1; t <= 12; t++) {
            IterationRecord r = full.history().get(t);
            IterationRecord b = full.history().get(best);
            if (ValidationChoice.beats(r.validationScore(), r.validationMse(), b.validationScore(), b.validationMse())) {
                best = t;
            }
            if (t - best >= patience) {
                expectedLast = t;
                break;
            }
        }
        assertTrue(expectedLast < 12, "the data should make patience " + patience + " stop early");
        RfmModel stopped = Rfm.fit(config, Task.REGRESSION, train, val, RfmListener.NONE, null,
                StoppingRule.patience(patience));
        assertEquals(expectedLast + 1, stopped.history().size(), "iterations run");
        for (int t = 0; t <= expectedLast; t++) {
            assertEquals(full.history().get(t).validationMse(), stopped.history().get(t).validationMse(), 0.0,
                    "iteration " + t + " is the full fit's");
        }
        assertEquals(best, stopped.iteration(), "the best of the iterations run");
        assertArrayEquals(Rfm.fit(config.withIterations(best), Task.REGRESSION, train, val, RfmListener.NONE).alpha().data(),
                stopped.alpha().data(), "the kept iterate");
    }

    /** y = x₀·x₁ + 3ε, ε ~ N(0, 1). */
    private static LabeledData noisyProduct(int n, long seed) {
        LabeledData clean = RfmTest.productTarget(n, seed);
        java.util.Random rng = new java.util.Random(seed + 100);
        org.featurelab.linalg.Matrix y = clean.y().copy();
        for (int i = 0; i < n; i++) {
            y.set(i, 0, y.get(i, 0) + 3 * rng.nextGaussian());
        }
        return new LabeledData(clean.x(), y);
    }

    @Test
    void withoutValidationDataEveryIterationRuns() {
        LabeledData train = RfmTest.productTarget(200, 13);
        RfmConfig config = RfmConfig.defaults().withIterations(4).withPrecision(Precision.FLOAT64);
        RfmModel m = Rfm.fit(config, Task.REGRESSION, train, null, RfmListener.NONE, null, (t, b) -> true);
        assertEquals(5, m.history().size());
        assertEquals(4, m.iteration());
    }
}
