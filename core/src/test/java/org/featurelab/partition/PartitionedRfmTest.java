package org.featurelab.partition;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tree-partitioned RFM: splits along the top AGOP direction at the median (balanced on ties), routing consistent
 * with the partition of the training rows, hard-routed predictions equal to the leaf models', determinism, accuracy
 * close to the exact RFM on a problem whose target depends on two of eight inputs, and the leaf-size error.
 */
class PartitionedRfmTest {
    private static final RfmConfig LEAF = RfmConfig.defaults().withIterations(2);

    /** X uniform in [−1, 1]^d; classification: class = [sin(3x₂) + x₅ &gt; 0] (one-hot); regression: sin(3x₂) + x₅. */
    static LabeledData data(int n, int d, Task task, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, d);
        Matrix y = Matrix.zeros(n, task == Task.CLASSIFICATION ? 2 : 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i, j, 2 * rng.nextDouble() - 1);
            }
            double f = Math.sin(3 * x.get(i, 2)) + x.get(i, 5);
            if (task == Task.CLASSIFICATION) {
                y.set(i, f > 0 ? 1 : 0, 1.0);
            } else {
                y.set(i, 0, f);
            }
        }
        return new LabeledData(x, y);
    }

    @Test
    void theSplitFollowsTheTopAgopDirectionAtTheMedian() {
        LabeledData d = data(600, 8, Task.REGRESSION, 1);
        int[] rows = MedianSplit.allRows(d.size());
        MedianSplit.Result s = MedianSplit.split(LEAF, Task.REGRESSION, d, rows, 300, 5);
        double[] v = s.direction();
        double norm = 0;
        for (double vj : v) {
            norm += vj * vj;
        }
        assertEquals(1.0, norm, 1e-12, "unit direction");
        double relevant = v[2] * v[2] + v[5] * v[5];
        assertTrue(relevant > 0.9, "the direction lies in the span of the two relevant inputs: " + relevant);
        assertEquals(300, s.left().length);
        assertEquals(300, s.right().length);
        PartitionTree.Split rule = new PartitionTree.Split(v, s.threshold(), s.scale(), 600, new PartitionTree.Leaf(0, 300),
                new PartitionTree.Leaf(1, 300));
        for (int i : s.left()) {
            assertTrue(rule.project(d.x(), i) <= s.threshold(), "left row " + i);
        }
        for (int i : s.right()) {
            assertTrue(rule.project(d.x(), i) > s.threshold(), "right row " + i);
        }
    }

    @Test
    void equalProjectionsAreSplitIntoBalancedHalves() {
        Matrix x = Matrix.zeros(41, 3); // every row the same: AGOP zero, widest axis, one projection for all
        Matrix y = Matrix.zeros(41, 1);
        for (int i = 0; i < 41; i++) {
            x.set(i, 1, 0.5);
            y.set(i, 0, 2.0);
        }
        MedianSplit.Result s = MedianSplit.split(LEAF, Task.REGRESSION, new LabeledData(x, y), MedianSplit.allRows(41), 40, 1);
        assertEquals(20, s.left().length);
        assertEquals(21, s.right().length);
        assertArrayEquals(java.util.stream.IntStream.range(0, 20).toArray(), s.left(), "ties go left in row order");
    }

    @Test
    void tiesAcrossTheMedianMoveTheCutToTheNearestValueChange() {
        Matrix x = Matrix.zeros(40, 1); // 10 zeros, 25 ones, 5 twos: the median ties; the nearest change is after the zeros
        Matrix y = Matrix.zeros(40, 1);
        for (int i = 0; i < 40; i++) {
            double v = i < 10 ? 0 : i < 35 ? 1 : 2;
            x.set(i, 0, v);
            y.set(i, 0, v * v);
        }
        MedianSplit.Result s = MedianSplit.split(LEAF, Task.REGRESSION, new LabeledData(x, y), MedianSplit.allRows(40), 40, 1);
        assertEquals(10, s.left().length);
        assertEquals(30, s.right().length);
        PartitionTree.Split rule = new PartitionTree.Split(s.direction(), s.threshold(), s.scale(), 40,
                new PartitionTree.Leaf(0, 10), new PartitionTree.Leaf(1, 30));
        for (int i : s.left()) {
            assertEquals(0, rule.route(x, i), "left row " + i + " routes left");
        }
        for (int i : s.right()) {
            assertEquals(1, rule.route(x, i), "right row " + i + " routes right");
        }
    }

    @Test
    void constantTargetsSplitOnTheWidestAxis() {
        LabeledData d = data(300, 6, Task.REGRESSION, 12);
        Matrix y = Matrix.zeros(300, 1);
        Matrix x = d.x().copy();
        for (int i = 0; i < 300; i++) {
            x.set(i, 1, 5 * x.get(i, 1)); // column 1 has the largest spread
            y.set(i, 0, 3.0);
        }
        double[] v = MedianSplit.direction(LEAF.withCenterTargets(true), Task.REGRESSION, new LabeledData(x, y),
                MedianSplit.allRows(300), 300, 2);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0}, v, "the AGOP of a constant predictor says nothing");
    }

    @Test
    void routingMatchesThePartitionAndPredictionsAreTheLeafModels() {
        LabeledData d = data(1200, 8, Task.CLASSIFICATION, 2);
        PartitionedRfmModel m = PartitionedRfm.fit(PartitionConfig.defaults().withMaxLeafSize(300), LEAF,
                Task.CLASSIFICATION, d, Progress.NONE);
        assertEquals(4, m.leaves().size());
        assertEquals(2, m.tree().depth());
        int[] leaf = m.route(d.x());
        int[] counts = new int[4];
        for (int k : leaf) {
            counts[k]++;
        }
        List<Integer> sizes = new ArrayList<>();
        collectLeafSizes(m.tree(), sizes);
        PartitionedRfmModel unrefitted = PartitionedRfm.fit(PartitionConfig.defaults().withMaxLeafSize(300)
                .withRefitLeaves(false), LEAF, Task.CLASSIFICATION, d, Progress.NONE);
        for (int k = 0; k < 4; k++) {
            assertEquals(sizes.get(k), counts[k], "training rows routed to leaf " + k);
            assertEquals(sizes.get(k), m.leaves().get(k).centers().rows(), "leaf " + k + " refitted on all its rows");
            assertEquals(sizes.get(k) - Math.round(0.2 * sizes.get(k)), unrefitted.leaves().get(k).centers().rows(),
                    "leaf " + k + " without refit: fitted without its held-out fifth");
            assertEquals(unrefitted.leaves().get(k).iteration(), m.leaves().get(k).iteration(),
                    "the refit keeps the iteration the hold-out chose");
        }
        LabeledData test = data(200, 8, Task.CLASSIFICATION, 3);
        Matrix f = m.withTemperature(0).predict(test.x());
        int[] testLeaf = m.route(test.x());
        for (int i = 0; i < 200; i++) {
            RfmModel own = m.leaves().get(testLeaf[i]);
            Matrix expected = own.predict(test.x().selectRows(new int[] {i}));
            assertEquals(expected.get(0, 0), f.get(i, 0), 1e-12, "row " + i);
            assertEquals(expected.get(0, 1), f.get(i, 1), 1e-12, "row " + i);
        }
    }

    @Test
    void softRoutingWeightsSumToOneAndTendToHardAndToTheAverage() {
        LabeledData d = data(800, 8, Task.REGRESSION, 7);
        PartitionedRfmModel hard = PartitionedRfm.fit(PartitionConfig.defaults().withMaxLeafSize(200)
                .withSoftRouting(false), LEAF, Task.REGRESSION, d, Progress.NONE);
        assertEquals(0.0, hard.temperature());
        LabeledData test = data(100, 8, Task.REGRESSION, 8);
        for (int i = 0; i < 100; i++) {
            double[] w = new double[4];
            hard.tree().addLeafWeights(test.x(), i, 0.3, 1.0, w);
            assertEquals(1.0, w[0] + w[1] + w[2] + w[3], 1e-12, "weights of row " + i);
        }
        Matrix h = hard.predict(test.x());
        Matrix cold = hard.withTemperature(1e-12).predict(test.x());
        for (int i = 0; i < h.data().length; i++) {
            assertEquals(h.data()[i], cold.data()[i], 1e-9, "T → 0 is hard routing, row " + i);
        }
        Matrix hot = hard.withTemperature(1e12).predict(test.x()); // every branch ½: the mean of the four leaves
        for (int i = 0; i < 100; i++) {
            double mean = 0;
            for (RfmModel leaf : hard.leaves()) {
                mean += leaf.predict(test.x().selectRows(new int[] {i})).get(0, 0) / 4;
            }
            assertEquals(mean, hot.get(i, 0), 1e-9, "T → ∞ averages the leaves, row " + i);
        }
        PartitionedRfmModel tuned = PartitionedRfm.fit(PartitionConfig.defaults().withMaxLeafSize(200), LEAF,
                Task.REGRESSION, d, Progress.NONE);
        boolean onGrid = false;
        for (double t : PartitionConfig.TEMPERATURES) {
            onGrid |= t == tuned.temperature();
        }
        assertTrue(onGrid, "temperature " + tuned.temperature());
    }

    @Test
    void sameSeedSameModel() {
        LabeledData d = data(700, 8, Task.REGRESSION, 4);
        PartitionConfig c = PartitionConfig.defaults().withMaxLeafSize(200).withSeed(9);
        Matrix a = PartitionedRfm.fit(c, LEAF, Task.REGRESSION, d, Progress.NONE).predict(d.x());
        Matrix b = PartitionedRfm.fit(c, LEAF, Task.REGRESSION, d, Progress.NONE).predict(d.x());
        assertArrayEquals(a.data(), b.data());
    }

    @Test
    void accuracyIsCloseToTheExactRfm() {
        LabeledData train = data(3000, 8, Task.CLASSIFICATION, 5);
        LabeledData test = data(1500, 8, Task.CLASSIFICATION, 6);
        PartitionConfig one = PartitionConfig.defaults().withMaxLeafSize(3000);
        PartitionedRfmModel exact = PartitionedRfm.fit(one, LEAF, Task.CLASSIFICATION, train, Progress.NONE);
        assertInstanceOf(PartitionTree.Leaf.class, exact.tree(), "a leaf as large as the data: the exact RFM");
        PartitionedRfmModel tree = PartitionedRfm.fit(one.withMaxLeafSize(800), LEAF, Task.CLASSIFICATION, train,
                Progress.NONE);
        assertEquals(4, tree.leaves().size());
        double exactAccuracy = accuracy(exact.predict(test.x()), test.y());
        double treeAccuracy = accuracy(tree.predict(test.x()), test.y());
        assertTrue(exactAccuracy > 0.9, "the exact RFM learns the rule: " + exactAccuracy);
        assertTrue(treeAccuracy >= exactAccuracy - 0.03, "tree " + treeAccuracy + " vs exact " + exactAccuracy);
    }

    @Test
    void aLeafTooSmallForTheClassesIsOneClearError() {
        Matrix x = Matrix.zeros(100, 2);
        Matrix y = Matrix.zeros(100, 15);
        for (int i = 0; i < 100; i++) {
            x.set(i, 0, i);
            y.set(i, i % 15, 1);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartitionedRfm.fit(
                PartitionConfig.defaults().withMaxLeafSize(25), LEAF, Task.CLASSIFICATION, new LabeledData(x, y),
                Progress.NONE));
        assertEquals("partition: max leaf size 25 is too small for 15 classes (a leaf needs at least 30 rows)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PartitionConfig.defaults().withMaxLeafSize(5));
    }

    private static void collectLeafSizes(PartitionTree t, List<Integer> out) {
        if (t instanceof PartitionTree.Split s) {
            collectLeafSizes(s.left(), out);
            collectLeafSizes(s.right(), out);
        } else {
            out.add(((PartitionTree.Leaf) t).rows());
        }
    }

    private static double accuracy(Matrix f, Matrix y) {
        int right = 0;
        for (int i = 0; i < f.rows(); i++) {
            int p = f.get(i, 1) > f.get(i, 0) ? 1 : 0;
            right += y.get(i, p) == 1.0 ? 1 : 0;
        }
        return right / (double) f.rows();
    }
}
