package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;
import org.featurelab.rfm.ValidationChoice;
import org.featurelab.tabular.Splits;

import java.util.ArrayList;
import java.util.List;

/**
 * The choice of (row norm, λ, t) of one UCI fold by K-fold cross-validation on the fold's train + validation rows
 * ({@link UciProtocol.Settings#selectionFolds()} = K &gt; 1), instead of one fit on the train rows scored on the
 * validation rows. The test rows are never touched, so the protocol stays leak-free.
 * <ol>
 *   <li>Pool: the fold's train ∪ validation rows, capped at ⌈maxTuningRows·K/(K−1)⌉ (a seeded class-stratified
 *       subset, seed = fold index), so that each cross-validation fit has at most about maxTuningRows rows.</li>
 *   <li>The pool is split into K class-stratified parts ({@link CsvFolds#assign}, seed = fold index). For every grid
 *       point (row norm, λ) and every part k, {@link Rfm#fit} runs on the other parts and scores iterations 0..T on
 *       part k.</li>
 *   <li>Each (row norm, λ, t) is scored by its pooled accuracy — correct predictions summed over the K parts, over
 *       the pool size — with the row-weighted validation MSE as tie-break; the order of the plain protocol decides
 *       the rest ({@link ValidationChoice#beats}: row norms in grid order, λ ascending, t ascending, only a strict
 *       improvement replaces the best). An iteration that some part's fit did not reach (its update failed) is not a
 *       candidate.</li>
 * </ol>
 * Cost: K fits per grid point, each on (K−1)/K of the pool, against one fit on the train rows.
 */
final class CrossValidatedChoice {
    private CrossValidatedChoice() {
    }

    /**
     * The chosen grid point and its pooled cross-validated accuracy; {@code pool} (row indices) and {@code part} (the
     * part 0..K−1 of each pool row) are the split it was chosen on.
     */
    record Choice(boolean rowNorm, double ridge, double bandwidth, int iteration, double accuracy, int[] pool, int[] part) {
        int poolRows() {
            return pool.length;
        }

        /** The pooled accuracy as reported: NaN where every candidate's was undefined (held as −∞ for the choice). */
        double reportedAccuracy() {
            return accuracy == Double.NEGATIVE_INFINITY ? Double.NaN : accuracy;
        }

        /** The rows of the fit that holds out part {@code p}. */
        int[] complementOf(int p) {
            return select(pool, CsvFolds.fold(part, p).train());
        }
    }

    static Choice choose(UciDataset data, UciDataset.Fold fold, Matrix y, UciModel model,
                         UciProtocol.Settings settings, int j) {
        int k = settings.selectionFolds();
        int cap = (int) Math.ceil(settings.maxTuningRows() * (double) k / (k - 1));
        int[] pool = Splits.subset(Task.CLASSIFICATION, y, UciProtocol.union(fold.train(), fold.validation()), cap, j);
        if (pool.length < k) {
            throw new IllegalArgumentException("uci " + data.name() + ": fold " + j + " has " + pool.length
                    + " train + validation rows, fewer than the " + k + " selection folds");
        }
        List<String> labels = new ArrayList<>(pool.length);
        for (int row : pool) {
            labels.add(Integer.toString(data.labels()[row]));
        }
        int[] part = CsvFolds.assign(labels, Task.CLASSIFICATION, k, j);
        int iterations = model.iterations();
        Choice best = null;
        double bestMse = Double.POSITIVE_INFINITY;
        List<Double> ascending = UciProtocol.RIDGES.stream().sorted().toList();
        for (boolean norm : settings.rowNorms()) {
            LabeledData all = new LabeledData(norm ? UciProtocol.normalizeRows(data.x()) : data.x(), y);
            for (double bandwidth : settings.bandwidths()) {
                for (double ridge : ascending) {
                    double[] correct = new double[iterations + 1];
                    double[] squared = new double[iterations + 1];
                    int reached = iterations;
                    for (int p = 0; p < k; p++) {
                        CsvFolds.Fold split = CsvFolds.fold(part, p);
                        LabeledData fit = all.select(select(pool, split.train()));
                        LabeledData held = all.select(select(pool, split.test()));
                        RfmModel m = Rfm.fit(model.config(ridge, settings.scaling()).withCenterTargets(settings.centerTargets())
                                .withKernel(model.kernel(bandwidth)), Task.CLASSIFICATION, fit, held,
                                RfmListener.NONE);
                        reached = Math.min(reached, m.history().size() - 1);
                        for (int t = 0; t <= Math.min(iterations, m.history().size() - 1); t++) {
                            IterationRecord r = m.history().get(t);
                            correct[t] += r.validationScore() * held.size();
                            squared[t] += r.validationMse() * held.size();
                        }
                    }
                    for (int t = 0; t <= reached; t++) {
                        double acc = Double.isNaN(correct[t]) ? Double.NEGATIVE_INFINITY : correct[t] / pool.length;
                        double mse = Double.isNaN(squared[t]) ? Double.POSITIVE_INFINITY : squared[t] / pool.length;
                        if (best == null || ValidationChoice.beats(acc, mse, best.accuracy(), bestMse)) {
                            best = new Choice(norm, ridge, bandwidth, t, acc, pool, part);
                            bestMse = mse;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** pool[positions[i]] for each i. */
    private static int[] select(int[] pool, int[] positions) {
        int[] rows = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            rows[i] = pool[positions[i]];
        }
        return rows;
    }
}
