package org.featurelab.partition;

import org.featurelab.base.Progress;
import org.featurelab.rfm.LabeledData;

import java.util.List;

/**
 * Where the rows of a tree-partitioned fit live and where its leaves are fitted: in this JVM ({@link LocalBackend})
 * or spread over a cluster (the Spark module). {@link PartitionedRfm#fit(PartitionConfig, org.featurelab.rfm.RfmConfig,
 * org.featurelab.base.Task, PartitionBackend, Progress)} drives the algorithm — seeds, samples, splits, the routing
 * temperature — and asks the backend only for rows, projections and leaf fits, so that every backend builds the
 * same model from the same rows and seed. Rows are numbered 0..n−1 once, and every {@code rows} argument is a set of
 * those numbers in ascending order.
 */
public interface PartitionBackend {
    /** n: the rows of the training data. */
    int size();

    /** c: the target columns (classes, one-hot, or 1 for regression). */
    int outputs();

    /** The features and targets of {@code rows}, in that order. */
    LabeledData rows(int[] rows);

    /**
     * x_r·v for each r of {@code rows}, in that order; the sum runs over the features in ascending order (one
     * multiply and one add per feature, so that every backend gets the same bits).
     */
    double[] project(int[] rows, double[] direction);

    /**
     * The backend to grow the subtree over {@code rows} with: this one, or one that holds those rows closer (a
     * distributed backend may bring a small node into this JVM). Row numbers keep their meaning.
     */
    default PartitionBackend narrow(int[] rows) {
        return this;
    }

    /**
     * Fits every leaf: result k is {@link PartitionedRfm#fitLeaf} on {@link #rows}{@code (leafRows.get(k))} with
     * seed {@code seeds[k]}, its validation rows mapped back to row numbers; results in leaf order.
     */
    List<LeafFit> fitLeaves(LeafJob job, List<int[]> leafRows, long[] seeds, Progress progress);
}
