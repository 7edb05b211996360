package org.featurelab.partition;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;
import org.featurelab.rfm.ValidationChoice;
import org.featurelab.scoring.Scores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fits a tree-partitioned RFM (xRFM, ../shared/REFERENCE.md §10): {@link MedianSplit} while a node has more than
 * {@link PartitionConfig#maxLeafSize} rows, then one RFM per leaf, in leaf order (left to right), each with
 * best-iteration restore on a seeded {@link PartitionConfig#validationFraction} of the leaf's rows (iterations 0..T of
 * {@code leafConfig} fitted on the rest); the soft-routing temperature is chosen with those hold-out models, and
 * then, with {@link PartitionConfig#refitLeaves}, each leaf is refitted on all its rows at its chosen iteration
 * (xRFM keeps the hold-out models; our exact fit refits, and so does the tree by default). The same
 * hyper-parameters in every leaf. Seeds: a {@link SplittableRandom} from {@link PartitionConfig#seed} hands out one seed per split sample (in
 * depth-first order), then one per leaf hold-out draw, then one for the sample of held-out rows that scores the
 * soft-routing temperatures ({@link #tuneTemperature}); same inputs, same model.
 *
 * <p>Cost: each split one solve and one AGOP on ≤ splitSampleRows rows; each leaf an RFM fit on ≤ maxLeafSize
 * rows (two with the refit), so time grows like (n / leaf)·leaf³ = n·leaf² and memory is one leaf's kernel matrix.
 */
public final class PartitionedRfm {
    private PartitionedRfm() {
    }

    /**
     * Fits on {@code train}.
     *
     * @throws IllegalArgumentException when a leaf could not hold one row per class (max leaf size below 2·classes)
     */
    public static PartitionedRfmModel fit(PartitionConfig config, RfmConfig leafConfig, Task task, LabeledData train,
                                          Progress progress) {
        int classes = task == Task.CLASSIFICATION ? train.y().cols() : 1;
        if (config.maxLeafSize() < 2 * classes) {
            throw new IllegalArgumentException("partition: max leaf size " + config.maxLeafSize() + " is too small for "
                    + classes + " classes (a leaf needs at least " + 2 * classes + " rows)");
        }
        SplittableRandom seeds = new SplittableRandom(config.seed());
        List<int[]> leafRows = new ArrayList<>();
        PartitionTree tree = build(config, leafConfig, task, train, MedianSplit.allRows(train.size()), seeds, leafRows);
        List<RfmModel> leaves = new ArrayList<>();
        List<int[]> heldOut = new ArrayList<>();
        long start = System.nanoTime();
        for (int k = 0; k < leafRows.size(); k++) {
            LeafFit leaf = fitLeaf(config, leafConfig, task, train, leafRows.get(k), seeds.nextLong());
            leaves.add(leaf.model());
            heldOut.add(leaf.validation());
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = elapsed / (k + 1) * (leafRows.size() - k - 1);
            progress.message(String.format(Locale.ROOT, "leaf %d/%d (%d rows) fitted; %.1f s so far, ETA %.1f s", k + 1,
                    leafRows.size(), leafRows.get(k).length, elapsed, eta));
        }
        double temperature = 0.0;
        int[] validation = heldOut.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        if (config.softRouting() && leaves.size() > 1 && validation.length > 0) {
            if (validation.length > PartitionConfig.MAX_TEMPERATURE_ROWS) {
                validation = MedianSplit.sample(validation, PartitionConfig.MAX_TEMPERATURE_ROWS, seeds.nextLong());
            }
            temperature = tuneTemperature(new PartitionedRfmModel(tree, leaves, task, 0.0), train.select(validation))
                    .temperature();
            progress.message(String.format(Locale.ROOT, "routing: %s (chosen on %d held-out rows)", temperature == 0
                    ? "hard" : "soft, temperature " + temperature, validation.length));
        }
        if (config.refitLeaves() && leafConfig.iterations() > 0) {
            for (int k = 0; k < leaves.size(); k++) {
                RfmModel held = leaves.get(k);
                leaves.set(k, Rfm.fit(leafConfig.withIterations(held.iteration()), task, train.select(leafRows.get(k)),
                        null, RfmListener.NONE));
                double elapsed = (System.nanoTime() - start) / 1e9;
                progress.message(String.format(Locale.ROOT, "leaf %d/%d refitted on %d rows at iteration %d; %.1f s so far",
                        k + 1, leaves.size(), leafRows.get(k).length, held.iteration(), elapsed));
            }
        }
        return new PartitionedRfmModel(tree, leaves, task, temperature);
    }

    /**
     * The temperature of {@link PartitionConfig#TEMPERATURES} whose routing scores best on {@code validation}
     * ({@link ValidationChoice#beats}: a higher score, or an equal score and a lower MSE; hard routing, tried first,
     * is kept on ties).
     */
    static PartitionedRfmModel tuneTemperature(PartitionedRfmModel hard, LabeledData validation) {
        PartitionedRfmModel best = hard;
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestMse = Double.POSITIVE_INFINITY;
        for (double t : PartitionConfig.TEMPERATURES) {
            PartitionedRfmModel m = hard.withTemperature(t);
            Matrix f = m.predict(validation.x());
            double score = Scores.selectionScore(hard.task(), f, validation.y());
            double mse = Scores.meanSquaredError(f, validation.y());
            if (ValidationChoice.beats(score, mse, bestScore, bestMse)) {
                best = m;
                bestScore = score;
                bestMse = mse;
            }
        }
        return best;
    }

    private static PartitionTree build(PartitionConfig config, RfmConfig leafConfig, Task task, LabeledData data,
                                       int[] rows, SplittableRandom seeds, List<int[]> leafRows) {
        if (rows.length <= config.maxLeafSize()) {
            leafRows.add(rows);
            return new PartitionTree.Leaf(leafRows.size() - 1, rows.length);
        }
        MedianSplit.Result s = MedianSplit.split(leafConfig, task, data, rows, config.splitSampleRows(), seeds.nextLong());
        PartitionTree left = build(config, leafConfig, task, data, s.left(), seeds, leafRows);
        PartitionTree right = build(config, leafConfig, task, data, s.right(), seeds, leafRows);
        return new PartitionTree.Split(s.direction(), s.threshold(), s.scale(), rows.length, left, right);
    }

    /** A leaf's RFM and the rows it held out (indices into the training data). */
    record LeafFit(RfmModel model, int[] validation) {
    }

    /** One leaf: a seeded hold-out of its rows picks the iteration of an RFM fitted on the others. */
    static LeafFit fitLeaf(PartitionConfig config, RfmConfig leafConfig, Task task, LabeledData data, int[] rows,
                           long seed) {
        int[] shuffled = rows.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        int held = leafConfig.iterations() == 0 ? 0
                : Math.max(1, (int) Math.round(config.validationFraction() * shuffled.length));
        int[] validation = Arrays.copyOfRange(shuffled, 0, held);
        int[] fit = Arrays.copyOfRange(shuffled, held, shuffled.length);
        Arrays.sort(validation);
        Arrays.sort(fit);
        LabeledData v = held == 0 ? null : data.select(validation);
        return new LeafFit(Rfm.fit(leafConfig, task, data.select(fit), v, RfmListener.NONE), validation);
    }
}
