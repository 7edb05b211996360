package org.featurelab.nn;

import org.featurelab.base.Permutations;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which rows each training step uses, shared by {@link Trainer} and {@link Float32Trainer} so both engines see the
 * same batches for the same seed. Full batch (batch ≥ n, or 0): every step uses all rows. Mini-batch: the rows of a
 * fresh permutation every epoch (Fisher–Yates from a {@link SplittableRandom} seeded with {@code seed}), taken
 * {@code batch} at a time, the last batch of an epoch shorter when the batch size does not divide n.
 */
final class BatchSchedule {
    private final int n;
    private final int batch;
    private final SplittableRandom rng;
    private final int[] order;
    private int cursor;

    /** @param batchSize rows per step, 0 = full batch */
    BatchSchedule(int n, int batchSize, long seed) {
        this.n = n;
        this.batch = batchSize == 0 ? n : Math.min(n, batchSize);
        this.rng = new SplittableRandom(seed);
        this.order = Permutations.identity(n);
        this.cursor = n;
    }

    /** Whether every step uses all n rows (then {@link #next} is never needed). */
    boolean fullBatch() {
        return batch == n;
    }

    /** Row indices of the next mini-batch. */
    int[] next() {
        if (cursor >= n) {
            Permutations.shuffleInPlace(order, rng);
            cursor = 0;
        }
        int len = Math.min(batch, n - cursor);
        int[] idx = Arrays.copyOfRange(order, cursor, cursor + len);
        cursor += len;
        return idx;
    }
}
