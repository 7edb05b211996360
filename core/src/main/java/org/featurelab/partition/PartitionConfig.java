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
 * @param softRouting        tune a soft-routing temperature over {@link #TEMPERATURES} on (a sample of) the leaves'
 *                           held-out rows, 0 (hard routing) kept unless another beats it; false: hard routing
 * @param refitLeaves        refit each leaf's RFM on all its rows at the iteration its hold-out chose (as an exact
 *                           {@code fit} refits on all rows); false: keep the RFM fitted without the held-out rows
 *                           (xRFM's rule, half the leaf cost)
 */
public record PartitionConfig(int maxLeafSize, int splitSampleRows, double validationFraction, long seed,
                              boolean softRouting, boolean refitLeaves) implements java.io.Serializable {
    /** Soft-routing temperatures tried, in units of each split's scale; 0 is hard routing. */
    public static final double[] TEMPERATURES = {0.0, 0.05, 0.1, 0.2, 0.5, 1.0};
    /** At most this many held-out rows score the temperatures (a seeded sample when there are more). */
    public static final int MAX_TEMPERATURE_ROWS = 2000;

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

    /**
     * Leaves of at most 5,000 rows, splits from 2,000-row samples, a fifth of each leaf held out, seed 0, soft routing
     * tuned, leaves refitted on all their rows.
     */
    public static PartitionConfig defaults() {
        return new PartitionConfig(5000, 2000, 0.2, 0L, true, true);
    }

    public PartitionConfig withMaxLeafSize(int rows) {
        return new PartitionConfig(rows, splitSampleRows, validationFraction, seed, softRouting, refitLeaves);
    }

    public PartitionConfig withSeed(long s) {
        return new PartitionConfig(maxLeafSize, splitSampleRows, validationFraction, s, softRouting, refitLeaves);
    }

    public PartitionConfig withSoftRouting(boolean soft) {
        return new PartitionConfig(maxLeafSize, splitSampleRows, validationFraction, seed, soft, refitLeaves);
    }

    public PartitionConfig withRefitLeaves(boolean refit) {
        return new PartitionConfig(maxLeafSize, splitSampleRows, validationFraction, seed, softRouting, refit);
    }
}
