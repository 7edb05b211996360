package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.MetricScaling;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;
import org.featurelab.scoring.Scores;
import org.featurelab.testing.Close;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RfmScriptProtocol} on iris (150 rows; 37 test rows per fold): the choice is the first strict maximum of
 * validation accuracy in the script's loop order (checked against all 50 candidates collected independently), the
 * kept M is that iterate's unscaled M, each fold is one solve with it, and the leak is the share of test rows
 * in the tuning split.
 */
class RfmScriptProtocolTest {
    @Test
    void choiceIsTheFirstStrictMaximumInLoopOrder() {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        UciModel nfa = UciModel.parse("nfa-rfm");
        RfmScriptProtocol.Tuning tuning = RfmScriptProtocol.tune(iris, nfa);
        // every (ridge, norm, t) candidate, in loop order, scored by a separate fit per (ridge, norm)
        UciDataset.Fold split = iris.fold(0);
        Matrix y = UciProtocol.oneHot(iris.labels(), iris.classCount());
        double best = 0;
        double[] choice = null;
        Metric bestMetric = null;
        for (double ridge : RfmScriptProtocol.RIDGES) {
            for (boolean norm : List.of(true, false)) {
                LabeledData all = new LabeledData(norm ? UciProtocol.normalizeRows(iris.x()) : iris.x(), y);
                List<Metric> ms = new ArrayList<>();
                RfmModel fit = Rfm.fit(nfa.config(ridge, MetricScaling.NONE).withIterations(4), Task.CLASSIFICATION,
                        all.select(split.train()), all.select(split.validation()), new RfmListener() {
                            @Override
                            public void solved(int t, Metric m, org.featurelab.kernel.KernelBasis b, Matrix a) {
                                ms.add(m);
                            }
                        });
                assertEquals(5, fit.history().size(), "iterations 0..4");
                for (IterationRecord r : fit.history()) {
                    if (r.validationScore() > best) {
                        best = r.validationScore();
                        choice = new double[]{ridge, norm ? 1 : 0, r.iteration()};
                        bestMetric = ms.get(r.iteration());
                    }
                }
            }
        }
        assertEquals(choice[0], tuning.ridge());
        assertEquals(choice[1] == 1, tuning.rowNorm());
        assertEquals((int) choice[2], tuning.iteration());
        assertEquals(best, tuning.validationAccuracy());
        Close.assertClose(bestMetric.toMatrix(), tuning.metric().toMatrix(), 0, 0, "the kept M is the winner's, unscaled");
        assertEquals(split.train().length + split.validation().length, tuning.tuningRows().length);

        // fold 2: one solve with the kept M on every non-test row, scored on the test rows
        UciDataset.Fold fold = iris.fold(2);
        UciResult r = RfmScriptProtocol.score(iris, 2, nfa, tuning, false);
        LabeledData all = new LabeledData(tuning.rowNorm() ? UciProtocol.normalizeRows(iris.x()) : iris.x(), y);
        int[] train = UciProtocol.union(fold.train(), fold.validation());
        RfmModel once = Rfm.fit(nfa.config(tuning.ridge(), MetricScaling.NONE).withIterations(0), Task.CLASSIFICATION,
                all.select(train), null, RfmListener.NONE, tuning.metric());
        assertEquals(1, once.history().size());
        assertEquals(Scores.accuracy(once.predict(all.select(fold.test()).x()), all.select(fold.test()).y()), r.testAccuracy());
        assertEquals(iris.x().rows() - fold.test().length, r.refitRows());
        assertTrue(r.testAccuracy() >= 0.9, "iris fold 2 test accuracy " + r.testAccuracy());
    }

    /** The script runs the papers' Laplace models: an ℓ1 kernel or an ensemble is refused, not misreported. */
    @Test
    void l1KernelsAndEnsemblesAreRefused() {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        for (String name : List.of("laplace-l1", "nfa-rfm+laplace-l1")) {
            UciModel m = UciModel.parse(name);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RfmScriptProtocol.tune(iris, m));
            assertTrue(e.getMessage().contains(name), e.getMessage());
            RfmScriptProtocol.Tuning papers = RfmScriptProtocol.tune(iris, UciModel.laplace());
            assertThrows(IllegalArgumentException.class, () -> RfmScriptProtocol.score(iris, 1, m, papers, false));
        }
    }

    @Test
    void leakIsTheShareOfTestRowsInTheTuningSplit() {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        RfmScriptProtocol.Tuning t = RfmScriptProtocol.tune(iris, UciModel.laplace());
        assertEquals(0, t.iteration(), "the plain kernel has only iteration 0");
        assertEquals(0.0, t.leak(iris.fold(0)), "fold 0's test rows are outside its own tuning split");
        for (int j = 1; j < UciDataset.FOLDS; j++) {
            UciDataset.Fold f = iris.fold(j);
            int[] tuning = t.tuningRows();
            long in = java.util.Arrays.stream(f.test()).filter(r -> java.util.Arrays.binarySearch(tuning, r) >= 0).count();
            assertEquals((double) in / f.test().length, t.leak(f), 0.0);
            assertTrue(t.leak(f) > 0.5, "fold " + j + ": most test rows were tuning rows, " + t.leak(f));
        }
    }
}
