package org.featurelab.partition;

/**
 * How a tree-partitioned RFM splits and holds out.
 *
 * @param maxLeafSize        a node with more rows than this is split (xRFM's default is 60,000 on a GPU; on this
 *                           machine's 2 cores 5,000 keeps a leaf fit to seconds)
 * @param splitSampleRows    rows of the node (a seeded sample when it has more) the split's cheap RFM is fitted on
 * @param validationFraction share of each leaf's rows held out to pick the leaf RFM's iteration (best-iteration
 *                           restore); the leaf RFM is fitted on the rest and not refitted
 * @param seed               the seed of the split samples and of the leaves' hold-out draws
 */
public record PartitionConfig(int maxLeafSize, int splitSampleRows, double validationFraction, long seed) {
    /** Rows the smallest leaf may have: a leaf is split into two halves of at least this many. */
    public static final int MIN_LEAF_ROWS = 10;

    public PartitionConfig {
        if (maxLeafSize < 2 * MIN_LEAF_ROWS) {
            throw new IllegalArgumentException("partition: max leaf size must be ≥ " + 2 * MIN_LEAF_ROWS + ", got "
                    + maxLeafSize);
        }
        if (splitSampleRows < MIN_LEAF_ROWS) {
            throw new IllegalArgumentException("partition: split sample rows must be ≥ " + MIN_LEAF_ROWS + ", got "
                    + splitSampleRows);
        }
        if (!(validationFraction > 0 && validationFraction < 0.5)) {
            throw new IllegalArgumentException("partition: validation fraction must be in (0, 0.5), got "
                    + validationFraction);
        }
    }

    /** Leaves of at most 5,000 rows, splits from 2,000-row samples, a fifth of each leaf held out, seed 0. */
    public static PartitionConfig defaults() {
        return new PartitionConfig(5000, 2000, 0.2, 0L);
    }

    public PartitionConfig withMaxLeafSize(int rows) {
        return new PartitionConfig(rows, splitSampleRows, validationFraction, seed);
    }

    public PartitionConfig withSeed(long s) {
        return new PartitionConfig(maxLeafSize, splitSampleRows, validationFraction, s);
    }
}
