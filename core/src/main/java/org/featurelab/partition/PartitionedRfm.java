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
import org.featurelab.scoring.TemperatureScaling;

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
     * Fits on {@code train} in this JVM ({@link LocalBackend}).
     *
     * @throws IllegalArgumentException when a leaf could not hold one row per class (max leaf size below 2·classes)
     */
    public static PartitionedRfmModel fit(PartitionConfig config, RfmConfig leafConfig, Task task, LabeledData train,
                                          Progress progress) {
        return fit(config, leafConfig, task, new LocalBackend(train), progress).model();
    }

    /**
     * Fits on the rows of {@code backend}: the same model, bit for bit, whichever backend holds the same rows.
     *
     * @throws IllegalArgumentException when a leaf could not hold one row per class (max leaf size below 2·classes)
     */
    public static PartitionedFit fit(PartitionConfig config, RfmConfig leafConfig, Task task, PartitionBackend backend,
                                     Progress progress) {
        requireLeafSize(config, task, backend.outputs());
        SplittableRandom seeds = new SplittableRandom(config.seed());
        List<int[]> leafRows = new ArrayList<>();
        LeafJob job = new LeafJob(config, leafConfig, task);
        PartitionTree tree = build(job, backend, MedianSplit.allRows(backend.size()), seeds, leafRows, progress);
        long[] leafSeeds = new long[leafRows.size()];
        for (int k = 0; k < leafSeeds.length; k++) {
            leafSeeds[k] = seeds.nextLong();
        }
        List<LeafFit> fits = backend.fitLeaves(job, leafRows, leafSeeds, progress);
        List<RfmModel> heldOut = new ArrayList<>();
        List<RfmModel> leaves = new ArrayList<>();
        for (LeafFit f : fits) {
            heldOut.add(f.heldOut());
            leaves.add(f.model());
        }
        int[] validation = fits.stream().flatMapToInt(f -> Arrays.stream(f.validation())).sorted().toArray();
        boolean tuneRouting = config.softRouting() && leaves.size() > 1;
        boolean calibrate = task == Task.CLASSIFICATION;
        if (validation.length == 0 || !(tuneRouting || calibrate)) {
            return new PartitionedFit(new PartitionedRfmModel(tree, leaves, task, 0.0),
                    calibrate ? new TemperatureScaling(1.0) : null);
        }
        if (validation.length > PartitionConfig.MAX_TEMPERATURE_ROWS) {
            validation = MedianSplit.sample(validation, PartitionConfig.MAX_TEMPERATURE_ROWS, seeds.nextLong());
        }
        LabeledData v = backend.rows(validation);
        PartitionedRfmModel chosen = new PartitionedRfmModel(tree, heldOut, task, 0.0);
        if (tuneRouting) {
            chosen = tuneTemperature(chosen, v);
            progress.message(String.format(Locale.ROOT, "routing: %s (chosen on %d held-out rows)",
                    chosen.temperature() == 0 ? "hard" : "soft, temperature " + chosen.temperature(), validation.length));
        }
        TemperatureScaling calibration = calibrate
                ? TemperatureScaling.fit(chosen.predict(v.x()), Scores.argmaxRows(v.y())) : null;
        return new PartitionedFit(new PartitionedRfmModel(tree, leaves, task, chosen.temperature()), calibration);
    }

    /** A leaf of at least two rows per class (and {@link PartitionConfig#MIN_LEAF_ROWS}·2 rows). */
    public static void requireLeafSize(PartitionConfig config, Task task, int outputs) {
        int classes = task == Task.CLASSIFICATION ? outputs : 1;
        if (config.maxLeafSize() < 2 * classes) {
            throw new IllegalArgumentException("partition: max leaf size " + config.maxLeafSize() + " is too small for "
                    + classes + " classes (a leaf needs at least " + 2 * classes + " rows)");
        }
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

    /** Grows the tree over {@code rows} depth-first: one seed per split, in that order. */
    private static PartitionTree build(LeafJob job, PartitionBackend backend, int[] rows, SplittableRandom seeds,
                                       List<int[]> leafRows, Progress progress) {
        PartitionConfig config = job.partition();
        if (rows.length <= config.maxLeafSize()) {
            leafRows.add(rows);
            return new PartitionTree.Leaf(leafRows.size() - 1, rows.length);
        }
        PartitionBackend here = backend.narrow(rows);
        int[] sample = MedianSplit.nodeSample(rows, config.splitSampleRows(), seeds.nextLong());
        double[] v = MedianSplit.direction(job.leafConfig(), job.task(), here.rows(sample));
        MedianSplit.Result s = MedianSplit.divide(rows, here.project(rows, v), v);
        PartitionTree left = build(job, here, s.left(), seeds, leafRows, progress);
        PartitionTree right = build(job, here, s.right(), seeds, leafRows, progress);
        return new PartitionTree.Split(s.direction(), s.threshold(), s.scale(), rows.length, left, right);
    }

    /**
     * One leaf on its own rows {@code leaf}: a seeded hold-out of {@link PartitionConfig#validationFraction} of them
     * picks the iteration 0..T of an RFM fitted on the others; with {@link PartitionConfig#refitLeaves} (and T &gt; 0)
     * the leaf is then refitted on all its rows at that iteration. Validation indices are into {@code leaf}.
     */
    public static LeafFit fitLeaf(LeafJob job, LabeledData leaf, long seed) {
        int[] shuffled = MedianSplit.allRows(leaf.size());
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        RfmConfig leafConfig = job.leafConfig();
        int held = leafConfig.iterations() == 0 ? 0
                : Math.max(1, (int) Math.round(job.partition().validationFraction() * shuffled.length));
        int[] validation = Arrays.copyOfRange(shuffled, 0, held);
        int[] fit = Arrays.copyOfRange(shuffled, held, shuffled.length);
        Arrays.sort(validation);
        Arrays.sort(fit);
        LabeledData v = held == 0 ? null : leaf.select(validation);
        RfmModel heldOut = Rfm.fit(leafConfig, job.task(), leaf.select(fit), v, RfmListener.NONE);
        RfmModel model = job.partition().refitLeaves() && leafConfig.iterations() > 0
                ? Rfm.fit(leafConfig.withIterations(heldOut.iteration()), job.task(), leaf, null, RfmListener.NONE)
                : heldOut;
        return new LeafFit(heldOut, model, validation);
    }
}
