package org.featurelab.partition;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.RfmConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend contract: the fit depends only on what a backend answers, so a backend that holds its rows elsewhere
 * (here: each node in its own {@link LocalBackend#subset}, the leaves fitted in reverse order) builds the model of
 * {@link LocalBackend}, bit for bit, with the same calibration.
 */
class PartitionBackendTest {
    private static final RfmConfig LEAF = RfmConfig.defaults().withIterations(2);

    /** Answers from subsets of the rows, as a distributed backend would, and fits the leaves last to first. */
    private static final class Elsewhere implements PartitionBackend {
        final LabeledData data;
        int narrowed;

        Elsewhere(LabeledData data) {
            this.data = data;
        }

        @Override
        public int size() {
            return data.size();
        }

        @Override
        public int outputs() {
            return data.y().cols();
        }

        @Override
        public LabeledData rows(int[] rows) {
            return data.select(rows);
        }

        @Override
        public double[] project(int[] rows, double[] v) {
            double[] p = new double[rows.length];
            int d = data.x().cols();
            for (int i = 0; i < rows.length; i++) {
                p[i] = PartitionTree.projection(data.x().data(), rows[i] * d, v);
            }
            return p;
        }

        @Override
        public PartitionBackend narrow(int[] rows) {
            narrowed++;
            return LocalBackend.subset(rows, data.select(rows));
        }

        @Override
        public List<LeafFit> fitLeaves(LeafJob job, List<int[]> leafRows, long[] seeds, Progress progress) {
            List<LeafFit> fits = new ArrayList<>(Collections.nCopies(leafRows.size(), null));
            for (int k = leafRows.size() - 1; k >= 0; k--) {
                int[] rows = leafRows.get(k);
                fits.set(k, PartitionedRfm.fitLeaf(job, data.select(rows), seeds[k]).renumbered(rows));
            }
            return fits;
        }
    }

    @Test
    void aBackendThatHoldsItsRowsElsewhereBuildsTheSameModel() {
        LabeledData d = PartitionedRfmTest.data(900, 6, Task.CLASSIFICATION, 3);
        PartitionConfig c = PartitionConfig.defaults().withMaxLeafSize(200).withSeed(5);
        PartitionedFit local = PartitionedRfm.fit(c, LEAF, Task.CLASSIFICATION, new LocalBackend(d), Progress.NONE);
        Elsewhere elsewhere = new Elsewhere(d);
        PartitionedFit other = PartitionedRfm.fit(c, LEAF, Task.CLASSIFICATION, elsewhere, Progress.NONE);
        assertTrue(local.model().leaves().size() >= 4, local.model().leaves().size() + " leaves");
        assertTrue(elsewhere.narrowed >= 1, "the fit never narrowed");
        assertEquals(local.model().temperature(), other.model().temperature());
        assertEquals(local.calibration().beta(), other.calibration().beta());
        Matrix a = local.model().predict(d.x());
        Matrix b = other.model().predict(d.x());
        assertArrayEquals(a.data(), b.data());
        Matrix pa = local.calibration().probabilities(a);
        for (int i = 0; i < pa.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < pa.cols(); j++) {
                sum += pa.get(i, j);
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }

    @Test
    void aSubsetAnswersForItsOwnRowNumbersOnly() {
        LabeledData d = PartitionedRfmTest.data(10, 6, Task.REGRESSION, 1);
        int[] numbers = {3, 4, 8};
        LocalBackend s = LocalBackend.subset(numbers, d.select(numbers));
        assertArrayEquals(d.x().selectRows(new int[]{4, 8}).data(), s.rows(new int[]{4, 8}).x().data());
        assertThrows(IllegalArgumentException.class, () -> s.rows(new int[]{5}));
        assertThrows(IllegalArgumentException.class, () -> LocalBackend.subset(new int[]{4, 3}, d.select(new int[]{4, 3})));
        assertThrows(IllegalStateException.class, () -> s.fitLeaves(null, List.of(), new long[0], Progress.NONE));
    }

    @Test
    void regressionHasNoCalibration() {
        LabeledData d = PartitionedRfmTest.data(500, 6, Task.REGRESSION, 2);
        PartitionedFit f = PartitionedRfm.fit(PartitionConfig.defaults().withMaxLeafSize(200), LEAF, Task.REGRESSION,
                new LocalBackend(d), Progress.NONE);
        assertEquals(null, f.calibration());
    }
}
