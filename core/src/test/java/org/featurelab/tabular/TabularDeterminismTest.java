package org.featurelab.tabular;

import org.featurelab.base.Task;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.featurelab.tabular.TabularModelFileTest.assertBitEqual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fitting is a function of the data and the configuration: the same seed gives the same model bit for bit
 * (no hidden global RNG, no thread-order dependence), and the seed only chooses the internal validation split
 * and tuning subset ({@link Splits}).
 */
class TabularDeterminismTest {
    private static final Table WINE = TabularFixtures.small("wine");
    private static final TabularFixtures.TrainTest SPLIT = TabularFixtures.split(WINE, "cultivar", 0.25, 1);

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"NFA_RFM", "FACT_RFM"})
    void sameSeedGivesBitIdenticalModelsAndPredictions(ModelKind kind) {
        TabularLearner learner = new TabularLearner(Preprocessor.forTarget("cultivar"),
                LearnerConfig.defaults(kind).withSeed(11));
        TabularModel a = learner.fit(SPLIT.train());
        TabularModel b = learner.fit(SPLIT.train());

        assertEquals(a.preprocessing(), b.preprocessing());
        assertEquals(a.tuning(), b.tuning(), "tuning (validation scores of every candidate, chosen one)");
        assertEquals(a.rfm().config(), b.rfm().config());
        assertEquals(a.rfm().iteration(), b.rfm().iteration());
        assertEquals(withoutTimes(a.rfm().history()), withoutTimes(b.rfm().history()), "history");
        assertBitEqual(a.rfm().metric().toMatrix().data(), b.rfm().metric().toMatrix().data(), "M");
        assertBitEqual(a.rfm().alpha().data(), b.rfm().alpha().data(), "alpha");
        assertEquals(a.provenance().dataFingerprint(), b.provenance().dataFingerprint());
        assertEquals(11, a.provenance().seed());
        TabularModelFileTest.assertSamePredictions(a, b, SPLIT.test());
    }

    @Test
    void seedChoosesTheValidationSplitReproducibly() {
        LearnerConfig config = LearnerConfig.defaults(ModelKind.NFA_RFM).withIterations(2);
        Tuner.Result[] bySeed = new Tuner.Result[4];
        for (int seed = 0; seed < bySeed.length; seed++) {
            TabularLearner learner = new TabularLearner(Preprocessor.forTarget("cultivar"),
                    config.withSeed(seed));
            bySeed[seed] = learner.fit(SPLIT.train()).tuning();
            assertEquals(bySeed[seed], learner.fit(SPLIT.train()).tuning(), "tuning with seed " + seed + " twice");
        }
        Set<List<Double>> distinct = new HashSet<>();
        for (Tuner.Result r : bySeed) {
            // stratified: every seed holds out the same number of rows of each class
            assertEquals(bySeed[0].fitRows(), r.fitRows());
            assertEquals(bySeed[0].validationRows(), r.validationRows());
            assertEquals(SPLIT.train().rowCount(), r.fitRows() + r.validationRows());
            distinct.add(r.candidates().stream().map(Tuner.Candidate::validationMse).toList());
        }
        assertTrue(distinct.size() > 1, "four seeds gave the same validation errors: the seed does not reach the split");
    }

    @Test
    void holdOutIsSeededStratifiedAndPartitionsTheRows() {
        int[] label = new int[40];
        for (int i = 0; i < label.length; i++) {
            label[i] = i < 20 ? 0 : i < 34 ? 1 : 2; // classes of 20, 14 and 6 rows
        }
        Matrix y = oneHot(label, 3);
        Splits.Split s = Splits.holdOut(Task.CLASSIFICATION, y, 0.25, 5);
        assertPartition(s, label.length);
        assertArrayEquals(new int[] {5, 4, 2}, classCounts(s.validation(), label), "round(0.25·n_k) rows per class");
        Splits.Split again = Splits.holdOut(Task.CLASSIFICATION, y, 0.25, 5);
        assertArrayEquals(s.fit(), again.fit());
        assertArrayEquals(s.validation(), again.validation());
        assertNotEquals(Arrays.toString(s.validation()),
                Arrays.toString(Splits.holdOut(Task.CLASSIFICATION, y, 0.25, 6).validation()));

        // a class of one row stays on the fit side
        Matrix tiny = oneHot(new int[] {0, 0, 0, 0, 1}, 2);
        assertArrayEquals(new int[] {2, 0}, classCounts(Splits.holdOut(Task.CLASSIFICATION, tiny, 0.5, 1).validation(),
                new int[] {0, 0, 0, 0, 1}));

        Splits.Split r = Splits.holdOut(Task.REGRESSION, Matrix.zeros(30, 1), 0.2, 3);
        assertPartition(r, 30);
        assertEquals(6, r.validation().length);
    }

    @Test
    void subsetIsSeededStratifiedAndWithinTheGivenRows() {
        int[] label = IntStream.range(0, 100).map(i -> i % 4 == 0 ? 1 : 0).toArray();
        Matrix y = oneHot(label, 2);
        int[] rows = IntStream.range(0, 100).filter(i -> i % 5 != 0).toArray(); // 80 rows: 20 of class 1
        int[] sub = Splits.subset(Task.CLASSIFICATION, y, rows, 40, 9);
        assertEquals(40, sub.length);
        assertArrayEquals(sub, Splits.subset(Task.CLASSIFICATION, y, rows, 40, 9));
        Set<Integer> allowed = new HashSet<>();
        Arrays.stream(rows).forEach(allowed::add);
        assertTrue(Arrays.stream(sub).allMatch(allowed::contains), "subset outside the given rows");
        assertEquals(sub.length, Arrays.stream(sub).distinct().count(), "repeated rows");
        assertArrayEquals(new int[] {30, 10}, classCounts(sub, label));
        assertArrayEquals(rows, Splits.subset(Task.CLASSIFICATION, y, rows, 80, 9), "no subsampling needed");
    }

    private static List<List<Object>> withoutTimes(List<IterationRecord> history) {
        return history.stream().map(r -> List.<Object>of(r.iteration(), r.trainScore(), String.valueOf(r.validationScore()),
                String.valueOf(r.validationMse()), r.solveMethod(), r.jitter())).toList();
    }

    private static Matrix oneHot(int[] label, int classes) {
        Matrix y = Matrix.zeros(label.length, classes);
        for (int i = 0; i < label.length; i++) {
            y.set(i, label[i], 1.0);
        }
        return y;
    }

    private static int[] classCounts(int[] rows, int[] label) {
        int[] count = new int[Arrays.stream(label).max().orElse(0) + 1];
        for (int i : rows) {
            count[label[i]]++;
        }
        return count;
    }

    private static void assertPartition(Splits.Split s, int n) {
        int[] all = IntStream.concat(Arrays.stream(s.fit()), Arrays.stream(s.validation())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, n).toArray(), all, "fit and validation rows partition 0..n-1");
        assertTrue(isSorted(s.fit()) && isSorted(s.validation()), "split rows are sorted");
    }

    private static boolean isSorted(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i - 1] >= a[i]) {
                return false;
            }
        }
        return true;
    }
}
