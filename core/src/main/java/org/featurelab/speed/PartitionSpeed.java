package org.featurelab.speed;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Precision;
import org.featurelab.partition.PartitionConfig;
import org.featurelab.partition.PartitionedRfm;
import org.featurelab.partition.PartitionedRfmModel;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.scoring.Scores;

/**
 * Fit time and test accuracy of the tree-partitioned NFA-RFM ({@link PartitionedRfm}) on {@link RfmSpeed}'s synthetic
 * classification data (x ~ N(0, I_d), class = argmax of x·W for a Gaussian d×c teacher W: the target depends on a
 * c-dimensional subspace), optionally beside the exact RFM — the same fit with one leaf holding every row (same
 * hold-out rule), so the two differ only by the partition.
 */
public final class PartitionSpeed {
    private PartitionSpeed() {
    }

    /**
     * @param maxLeafSize rows per leaf at most
     * @param exact       also fit the one-leaf (exact) model
     */
    public record Workload(int n, int d, int classes, int iterations, int testRows, long seed, int maxLeafSize,
                           boolean exact) {
        public Workload {
            new RfmSpeed.Workload(n, d, classes, iterations, testRows, seed, Precision.MIXED); // same checks
            new PartitionConfig(maxLeafSize, 2000, 0.2, seed, true, true);
            if (testRows < 1) {
                throw new IllegalArgumentException("speed: need at least one test row, got " + testRows);
            }
        }
    }

    /** One fitted model: seconds, leaves, depth, test accuracy. */
    public record Fit(double seconds, int leaves, int depth, double testAccuracy) {
    }

    /** The tree fit, and the exact fit when asked (else null). */
    public record Result(Workload workload, Fit tree, Fit exact) {
    }

    /** Fits the tree (and the exact model when asked), handing each fit to {@code done} as soon as it is measured. */
    public static Result run(Workload w, Progress progress, java.util.function.Consumer<Fit> done) {
        LabeledData[] data = RfmSpeed.synthetic(new RfmSpeed.Workload(w.n(), w.d(), w.classes(), w.iterations(),
                w.testRows(), w.seed(), Precision.MIXED));
        RfmConfig leaf = RfmConfig.defaults().withIterations(w.iterations());
        PartitionConfig config = PartitionConfig.defaults().withMaxLeafSize(w.maxLeafSize()).withSeed(w.seed());
        Fit tree = fit(config, leaf, data, progress);
        done.accept(tree);
        Fit exact = w.exact() ? fit(config.withMaxLeafSize(Math.max(w.n(), w.maxLeafSize())), leaf, data, progress) : null;
        if (exact != null) {
            done.accept(exact);
        }
        return new Result(w, tree, exact);
    }

    private static Fit fit(PartitionConfig config, RfmConfig leaf, LabeledData[] data, Progress progress) {
        long start = System.nanoTime();
        PartitionedRfmModel m = PartitionedRfm.fit(config, leaf, Task.CLASSIFICATION, data[0], progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        Matrix f = m.predict(data[1].x());
        return new Fit(seconds, m.leaves().size(), m.tree().depth(), Scores.accuracy(f, data[1].y()));
    }
}
