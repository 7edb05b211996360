package org.featurelab.partition;

import org.featurelab.base.Progress;
import org.featurelab.rfm.LabeledData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a tree in this JVM: one {@link LabeledData}, leaves fitted one after another. Its rows are the row
 * numbers 0..n−1, or, for a {@link #subset}, the numbers it was given.
 */
public final class LocalBackend implements PartitionBackend {
    private final LabeledData data;
    private final int[] numbers; // row i of data is row number numbers[i]; null: i

    public LocalBackend(LabeledData data) {
        this(data, null);
    }

    private LocalBackend(LabeledData data, int[] numbers) {
        this.data = data;
        this.numbers = numbers;
    }

    /**
     * A backend over some rows of a larger one (a node brought into this JVM): row i of {@code data} is row number
     * {@code numbers[i]}, ascending. It answers {@link #rows} and {@link #project} for those numbers; fitting leaves
     * is left to the backend of all rows.
     */
    public static LocalBackend subset(int[] numbers, LabeledData data) {
        if (numbers.length != data.size()) {
            throw new IllegalArgumentException("partition: " + numbers.length + " row numbers for " + data.size() + " rows");
        }
        for (int i = 1; i < numbers.length; i++) {
            if (numbers[i] <= numbers[i - 1]) {
                throw new IllegalArgumentException("partition: row numbers must ascend");
            }
        }
        return new LocalBackend(data, numbers.clone());
    }

    @Override
    public int size() {
        return numbers == null ? data.size() : numbers[numbers.length - 1] + 1;
    }

    @Override
    public int outputs() {
        return data.y().cols();
    }

    @Override
    public LabeledData rows(int[] rows) {
        return data.select(local(rows));
    }

    @Override
    public double[] project(int[] rows, double[] direction) {
        return MedianSplit.project(data.x(), local(rows), direction);
    }

    /** Indices into {@code data} of the row numbers {@code rows}. */
    private int[] local(int[] rows) {
        if (numbers == null) {
            return rows;
        }
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = java.util.Arrays.binarySearch(numbers, rows[i]);
            if (out[i] < 0) {
                throw new IllegalArgumentException("partition: row " + rows[i] + " is not in this subset");
            }
        }
        return out;
    }

    @Override
    public List<LeafFit> fitLeaves(LeafJob job, List<int[]> leafRows, long[] seeds, Progress progress) {
        if (numbers != null) {
            throw new IllegalStateException("partition: a subset backend does not fit leaves");
        }
        List<LeafFit> fits = new ArrayList<>();
        long start = System.nanoTime();
        for (int k = 0; k < leafRows.size(); k++) {
            int[] rows = leafRows.get(k);
            fits.add(PartitionedRfm.fitLeaf(job, data.select(rows), seeds[k]).renumbered(rows));
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = elapsed / (k + 1) * (leafRows.size() - k - 1);
            progress.message(String.format(Locale.ROOT, "leaf %d/%d (%d rows, iteration %d) fitted%s; %.1f s so far, "
                    + "ETA %.1f s", k + 1, leafRows.size(), rows.length, fits.get(k).heldOut().iteration(),
                    fits.get(k).model() == fits.get(k).heldOut() ? "" : " and refitted", elapsed, eta));
        }
        return fits;
    }
}
