package org.featurelab.tabular;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.partition.PartitionConfig;
import org.featurelab.partition.PartitionedRfm;
import org.featurelab.partition.PartitionedRfmModel;
import org.featurelab.rfm.LabeledData;

import java.util.Locale;

/**
 * The kernel machines of {@link TabularLearner} on more rows than one kernel matrix should hold
 * ({@link LearnerConfig#leafSizeFor}): (L, λ) are tuned once, by {@link Tuner#tune} on its capped split (at most
 * {@link LearnerConfig#maxTuningRows} rows), or with {@code fit --validation} by {@link Tuner#search} on a
 * {@link Splits#subset} of that many training rows scored on the given rows; then {@link PartitionedRfm} fits the
 * tree with those values in every leaf, each leaf choosing its iteration 0..T on its own hold-out and then refitted
 * on all its rows (as the exact fit refits), the routing temperature tuned on the hold-outs. The class probabilities
 * use the tuning's softmax temperature.
 */
final class PartitionedLearner {
    /** Rows of the cheap RFM behind each split. */
    static final int SPLIT_SAMPLE_ROWS = 2000;
    /** Share of each leaf held out for its iteration. */
    static final double LEAF_VALIDATION_FRACTION = 0.2;

    private PartitionedLearner() {
    }

    static FittedModel.Partitioned fit(LearnerConfig config, Task task, LabeledData data, LabeledData validation,
                                       int leafSize, Progress progress) {
        progress.message(String.format(Locale.ROOT, "%d training rows: a tree-partitioned RFM with leaves of at most %d "
                + "rows (exact fits up to %d rows by default; see --max-leaf-size)", data.size(), leafSize,
                LearnerConfig.EXACT_ROW_LIMIT));
        Tuner.Result tuning;
        if (validation == null) {
            tuning = Tuner.tune(config, task, data, progress);
        } else {
            int[] rows = Splits.subset(task, data.y(), org.featurelab.base.Permutations.identity(data.size()),
                    config.maxTuningRows(), config.seed() + 1);
            tuning = Tuner.search(config, task, data.select(rows), validation, progress).result();
        }
        Tuner.Candidate chosen = tuning.chosen();
        progress.message(String.format(Locale.ROOT, "tree on %d rows: L=%s ridge=%s, iterations 0..%d chosen per leaf",
                data.size(), Tuner.compact(chosen.bandwidth()), Tuner.compact(chosen.ridge()), config.iterations()));
        PartitionConfig partition = new PartitionConfig(leafSize, SPLIT_SAMPLE_ROWS, LEAF_VALIDATION_FRACTION, config.seed(),
                true, true);
        PartitionedRfmModel model = PartitionedRfm.fit(partition,
                Tuner.rfmConfig(config, chosen.bandwidth(), chosen.ridge(), config.iterations()), task, data, progress);
        return new FittedModel.Partitioned(model, tuning, leafSize);
    }
}
