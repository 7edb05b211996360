package org.featurelab.tabular;

import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test accuracy of the default learners ({@link TabularLearner#of}, default {@link LearnerConfig}) on the small
 * real data sets of {@code small/} (test fixtures copied from ../shared/data/small): the accuracy part of issue 2's "Done when".
 *
 * <p>Every data set is split once into 75% training and 25% test rows, stratified by class, with the fixed seed
 * {@link #SPLIT_SEED} ({@link TabularFixtures#split}); the learners tune themselves on the training rows only.
 * Measured when the test was written (test rows wrong in parentheses):
 * <pre>
 *   data set (test rows)        laplace        nfa-rfm        fact-rfm
 *   wine (45)                   1.0000 (0)     1.0000 (0)     1.0000 (0)
 *   breast_cancer (142)         0.9789 (3)     0.9718 (4)     0.9718 (4)
 *   iris (39)                   0.8462 (6)     0.8718 (5)     0.8462 (6)
 *   digits, all 1797 rows (451) 0.9778 (10)    0.9889 (5)     0.9933 (3)
 * </pre>
 * The ≥ 95% floor leaves 2 wrong test rows of slack on wine and 3 on breast_cancer. Over split seeds 1–13 the
 * single-split accuracy of fact-rfm on wine ranged 0.933–1 and of nfa-rfm on breast_cancer 0.951–0.993, so a
 * single split can dip below 95%; {@link #fiveSplitMeanIsAtLeast95Percent} checks the mean over seeds 1–5
 * (measured 0.973–0.991 for the two models on the two sets). Feature learning pays on digits: over split seeds 1–8,
 * 76 test errors for laplace against 54 for nfa-rfm and 48 for fact-rfm (each beat laplace on 6 of the 8
 * splits); on wine, breast_cancer and the small iris the three are within a few rows of each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallDataAccuracyTest {
    /** Seed of the train/test split (the learners keep their default seed 0). */
    static final long SPLIT_SEED = 1;
    static final double FLOOR = 0.95;
    private static final List<ModelKind> KINDS = List.of(ModelKind.LAPLACE, ModelKind.NFA_RFM, ModelKind.FACT_RFM);

    /** data set → model → test accuracy on the {@link #SPLIT_SEED} split, filled on first use. */
    private final Map<String, Map<ModelKind, Double>> measured = new HashMap<>();

    @Test
    void rfmsReach95PercentOnWine() {
        assertFloor("wine");
    }

    @Test
    void rfmsReach95PercentOnBreastCancer() {
        assertFloor("breast_cancer");
    }

    @Test
    void nfaAndFactRfmEachBeatLaplaceOnSomeDataSet() {
        List<String> sets = List.of("wine", "breast_cancer", "iris", "digits");
        StringBuilder table = new StringBuilder();
        boolean nfaWins = false;
        boolean factWins = false;
        for (String set : sets) {
            Map<ModelKind, Double> acc = accuracies(set);
            table.append(' ').append(set).append('=').append(acc);
            nfaWins |= acc.get(ModelKind.NFA_RFM) > acc.get(ModelKind.LAPLACE);
            factWins |= acc.get(ModelKind.FACT_RFM) > acc.get(ModelKind.LAPLACE);
        }
        assertTrue(nfaWins, "nfa-rfm beats laplace on no data set:" + table);
        assertTrue(factWins, "fact-rfm beats laplace on no data set:" + table);
    }

    @Test
    void fiveSplitMeanIsAtLeast95Percent() {
        for (String set : List.of("wine", "breast_cancer")) {
            Table table = TabularFixtures.small(set);
            String target = TabularFixtures.lastColumn(table);
            for (ModelKind kind : List.of(ModelKind.NFA_RFM, ModelKind.FACT_RFM)) {
                double sum = 0;
                StringBuilder each = new StringBuilder();
                for (long seed = 1; seed <= 5; seed++) {
                    TabularFixtures.TrainTest tt = TabularFixtures.split(table, target, 0.25, seed);
                    double a = TabularLearner.of(target, kind).fit(tt.train()).evaluate(tt.test()).accuracy();
                    sum += a;
                    each.append(String.format(" %.4f", a));
                }
                double mean = sum / 5;
                assertTrue(mean >= FLOOR, set + " " + kind.id() + ": mean test accuracy over split seeds 1-5 is "
                        + mean + " <" + FLOOR + " (" + each.toString().strip() + ")");
            }
        }
    }

    /** Regression sanity check: nfa-rfm explains a fair share of diabetes progression on held-out rows. */
    @Test
    void nfaRfmRegressionOnDiabetesHasR2AboveThreeTenths() {
        Table diabetes = TabularFixtures.small("diabetes");
        TabularFixtures.TrainTest tt = TabularFixtures.split(diabetes, null, 0.25, SPLIT_SEED);
        TabularModel model = TabularLearner.of("progression", ModelKind.NFA_RFM).fit(tt.train());
        Evaluation e = model.evaluate(tt.test());
        assertTrue(e.r2() >= 0.3, "diabetes nfa-rfm: test R² " + e.r2() + " < 0.3 (rmse " + e.rmse() + ")");
        assertTrue(e.n() == tt.test().rowCount() && Double.isNaN(e.accuracy()), "regression evaluation: " + e);
    }

    private void assertFloor(String set) {
        Map<ModelKind, Double> acc = accuracies(set);
        for (ModelKind kind : List.of(ModelKind.NFA_RFM, ModelKind.FACT_RFM)) {
            assertTrue(acc.get(kind) >= FLOOR, set + ": " + kind.id() + " test accuracy " + acc.get(kind) + " < "
                    + FLOOR + " (all: " + acc + ")");
        }
    }

    private Map<ModelKind, Double> accuracies(String set) {
        return measured.computeIfAbsent(set, s -> {
            Table table = TabularFixtures.small(s);
            String target = TabularFixtures.lastColumn(table);
            TabularFixtures.TrainTest tt = TabularFixtures.split(table, target, 0.25, SPLIT_SEED);
            Map<ModelKind, Double> out = new EnumMap<>(ModelKind.class);
            for (ModelKind kind : KINDS) {
                out.put(kind, TabularLearner.of(target, kind).fit(tt.train()).evaluate(tt.test()).accuracy());
            }
            return out;
        });
    }
}
