package org.featurelab.spark;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.partition.LeafFit;
import org.featurelab.partition.LeafJob;
import org.featurelab.partition.LocalBackend;
import org.featurelab.partition.PartitionBackend;
import org.featurelab.partition.PartitionTree;
import org.featurelab.partition.PartitionedRfm;
import org.featurelab.rfm.LabeledData;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a tree-partitioned fit on Spark's executors ({@link TrainingRows}, cached). The driver runs
 * {@link PartitionedRfm#fit}: for each split it collects the node's sample (≤ splitSampleRows rows) and the node's
 * projections (one double per row), so the driver holds O(n) numbers at the root split — 12 bytes per training row
 * (the row numbers of the nodes and their projections) — and never a node's features until the node has at most
 * {@code localSplitRows} rows, when its subtree is grown in the driver from its collected rows
 * ({@link LocalBackend#subset}). The leaves are fitted on the executors, one task per leaf
 * ({@code partitionBy} leaf), each task holding one leaf's rows and kernel matrix.
 */
final class SparkBackend implements PartitionBackend {
    private final JavaSparkContext jsc;
    private final TrainingRows data;
    private final int localSplitRows;
    private final Progress progress;

    SparkBackend(JavaSparkContext jsc, TrainingRows data, int localSplitRows, Progress progress) {
        this.jsc = jsc;
        this.data = data;
        this.localSplitRows = localSplitRows;
        this.progress = progress;
    }

    @Override
    public int size() {
        return data.size;
    }

    @Override
    public int outputs() {
        return data.outputs;
    }

    @Override
    public LabeledData rows(int[] rows) {
        Broadcast<int[]> wanted = jsc.broadcast(rows);
        try {
            List<IndexedRow> got = data.rows.filter(r -> Arrays.binarySearch(wanted.value(), r.index()) >= 0).collect();
            requireCount(rows, got.size());
            for (int i = 0; i < rows.length; i++) { // partitions in order, numbers ascending within each
                if (got.get(i).index() != rows[i]) {
                    throw new IllegalStateException("featurelab-spark: rows came back out of order");
                }
            }
            return TrainingRows.labeled(got, data.dimension, data.outputs, data.task);
        } finally {
            wanted.destroy();
        }
    }

    @Override
    public double[] project(int[] rows, double[] direction) {
        Broadcast<int[]> wanted = jsc.broadcast(rows);
        try {
            List<Tuple2<int[], double[]>> parts = data.rows.mapPartitions((Iterator<IndexedRow> it) -> {
                int[] w = wanted.value();
                int[] index = new int[16];
                double[] p = new double[16];
                int m = 0;
                while (it.hasNext()) {
                    IndexedRow r = it.next();
                    if (Arrays.binarySearch(w, r.index()) >= 0) {
                        if (m == p.length) {
                            p = Arrays.copyOf(p, 2 * m);
                            index = Arrays.copyOf(index, 2 * m);
                        }
                        index[m] = r.index();
                        p[m++] = PartitionTree.projection(r.features(), 0, direction);
                    }
                }
                return List.of(new Tuple2<>(Arrays.copyOf(index, m), Arrays.copyOf(p, m))).iterator();
            }).collect();
            double[] out = new double[rows.length];
            int at = 0;
            for (Tuple2<int[], double[]> part : parts) { // partitions in order: the row numbers ascend, as in rows
                int[] index = part._1();
                requireCount(rows, at + index.length, at + index.length <= rows.length);
                for (int i = 0; i < index.length; i++) {
                    if (index[i] != rows[at + i]) {
                        throw new IllegalStateException("featurelab-spark: row " + rows[at + i] + " came back as row "
                                + index[i] + " (the input Dataset's order changed between evaluations? cache it first)");
                    }
                }
                System.arraycopy(part._2(), 0, out, at, index.length);
                at += index.length;
            }
            requireCount(rows, at);
            return out;
        } finally {
            wanted.destroy();
        }
    }

    @Override
    public PartitionBackend narrow(int[] rows) {
        if (rows.length > localSplitRows) {
            return this;
        }
        progress.message(String.format(Locale.ROOT, "a node of %d rows: its subtree is grown in the driver", rows.length));
        return LocalBackend.subset(rows, rows(rows));
    }

    @Override
    public List<LeafFit> fitLeaves(LeafJob job, List<int[]> leafRows, long[] seeds, Progress progress) {
        int leaves = leafRows.size();
        int[] leafOf = new int[data.size];
        for (int k = 0; k < leaves; k++) {
            for (int r : leafRows.get(k)) {
                leafOf[r] = k;
            }
        }
        Broadcast<int[]> leafOfRow = jsc.broadcast(leafOf);
        Broadcast<long[]> leafSeeds = jsc.broadcast(seeds);
        int dimension = data.dimension;
        int outputs = data.outputs;
        Task task = data.task;
        long start = System.nanoTime();
        try {
            // Integer keys 0..k−1 under a HashPartitioner of k partitions: leaf k is partition k, one task per leaf
            List<Tuple2<Integer, byte[]>> fits = data.rows
                    .mapToPair(r -> new Tuple2<>(leafOfRow.value()[r.index()], r))
                    .partitionBy(new HashPartitioner(leaves))
                    .mapPartitionsToPair(it -> {
                        List<IndexedRow> rows = new ArrayList<>();
                        int leaf = -1;
                        while (it.hasNext()) {
                            Tuple2<Integer, IndexedRow> t = it.next();
                            leaf = t._1();
                            rows.add(t._2());
                        }
                        if (rows.isEmpty()) {
                            return java.util.Collections.<Tuple2<Integer, byte[]>>emptyIterator();
                        }
                        rows.sort(Comparator.comparingInt(IndexedRow::index));
                        int[] numbers = rows.stream().mapToInt(IndexedRow::index).toArray();
                        LabeledData d = TrainingRows.labeled(rows, dimension, outputs, task);
                        LeafFit fit = PartitionedRfm.fitLeaf(job, d, leafSeeds.value()[leaf]).renumbered(numbers);
                        return List.of(new Tuple2<>(leaf, Payloads.toBytes(fit))).iterator();
                    })
                    .collect();
            if (fits.size() != leaves) {
                throw new IllegalStateException("featurelab-spark: " + fits.size() + " of " + leaves + " leaves came back");
            }
            LeafFit[] ordered = new LeafFit[leaves];
            for (Tuple2<Integer, byte[]> t : fits) {
                ordered[t._1()] = Payloads.fromBytes(t._2(), LeafFit.class);
            }
            progress.message(String.format(Locale.ROOT, "%d leaves fitted on the executors in %.1f s", leaves,
                    (System.nanoTime() - start) / 1e9));
            return Arrays.asList(ordered);
        } finally {
            leafOfRow.destroy();
            leafSeeds.destroy();
        }
    }

    private static void requireCount(int[] rows, int got) {
        requireCount(rows, got, got == rows.length);
    }

    private static void requireCount(int[] rows, int got, boolean ok) {
        if (!ok) {
            throw new IllegalStateException("featurelab-spark: " + got + " rows came back for the " + rows.length
                    + " asked (the cached rows changed?)");
        }
    }
}
