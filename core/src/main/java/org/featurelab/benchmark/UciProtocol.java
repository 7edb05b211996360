package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.MetricScaling;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;
import org.featurelab.rfm.ValidationChoice;
import org.featurelab.scoring.Scores;
import org.featurelab.tabular.Splits;

import java.util.List;

/**
 * The per-fold UCI-121 protocol of the RFM and FACT papers (../shared/REFERENCE.md §8), as a pure function of
 * (dataset, fold, model, {@link Settings}):
 * <ol>
 *   <li>Laplace kernel (product-Laplace for a model named {@code -l1}, see {@link UciModel}), bandwidth L =
 *       {@value #BANDWIDTH} (the papers'; {@link Settings#bandwidths()} may add a grid), other settings of
 *       {@link RfmConfig#defaults()} (full M, mixed precision from 1,500 rows) and the M scaling of the settings.
 *       An ensemble runs every step for each member and scores the sum of their mean class scores.</li>
 *   <li>Grid: row normalisation (each row x ↦ x/‖x‖₂, rows of norm 0 kept) in {@link Settings#rowNorms()} × ridge λ in
 *       {@link #RIDGES}. For each grid point {@link Rfm#fit} runs on the fold's train rows (at most
 *       {@link Settings#maxTuningRows()}: a seeded class-stratified subset beyond that) and scores iterations
 *       0..T on the fold's validation rows, keeping the best (validation accuracy, ties → lower validation MSE →
 *       earlier iteration). T = 5 for the RFMs, 0 for the plain kernel.</li>
 *   <li>Across the grid the kept (row norm, λ, t) with the best validation accuracy wins
 *       ({@link ValidationChoice#beats}, a NaN accuracy counting as −∞ and a NaN MSE as +∞); ties → lower validation
 *       MSE → smaller λ → no row normalisation.</li>
 *   <li>Refit with the chosen (row norm, λ) for exactly t iterations, on the train + validation rows when
 *       {@link Settings#refitOnValidation()} (at most {@link Settings#maxRefitRows()}, a seeded stratified subset
 *       beyond that), else the model of step 2 is reused (it was fitted on exactly the train rows); score accuracy
 *       on the fold's test rows.</li>
 * </ol>
 * With {@link Settings#selectionFolds()} = K &gt; 1, steps 2–3 are replaced by {@link CrossValidatedChoice} (K-fold
 * cross-validation on train + validation) and step 4 always refits on train + validation.
 * A fold without validation rows keeps, for each grid point, the last iteration, and the first grid point in search
 * order wins (no row normalisation first, then the smallest λ: the ridges are searched in ascending order)
 * (validation accuracy is NaN in the result). Subsets are drawn with seed = fold index, so results are
 * deterministic.
 */
public final class UciProtocol {
    /** Laplace bandwidth L of the papers. */
    public static final double BANDWIDTH = 10;
    /** Ridge grid, in the papers' order; ties between ridges go to the smaller. */
    public static final List<Double> RIDGES = List.of(10.0, 1.0, 0.1, 1e-2, 1e-3);
    /** Iterations T of the RFM models (iterations 0..T are candidates). */
    public static final int RFM_ITERATIONS = 5;

    /**
     * Protocol settings (the choices documented in docs/benchmarks.md).
     *
     * @param refitOnValidation refit on train + validation rows (true) or keep the model fitted on the train rows
     * @param rowNorms          the row-normalisation grid: {@code [false]}, {@code [true]} or {@code [false, true]}
     * @param maxTuningRows     cap on the training rows of the grid search (a stratified subset beyond it)
     * @param maxRefitRows      cap on the rows of the refit
     * @param scaling           scaling of each learned M
     * @param centerTargets     kernel ridge on centred one-hot targets, i.e. an intercept ({@link RfmConfig#centerTargets})
     * @param selectionFolds    1: choose on the fold's validation rows (the papers); K &gt; 1: choose by K-fold
     *                          cross-validation on the fold's train + validation rows ({@link CrossValidatedChoice})
     * @param bandwidths        the kernel bandwidth grid (Laplace or ℓ1) (the papers: {@value UciProtocol#BANDWIDTH} only), searched
     *                          outermost, ties to the earlier value
     * @param bagged            (K &gt; 1 only) score the average of the refit and the K cross-validation fits of the
     *                          chosen (row norm, λ, t), each trained without its part, instead of the refit alone
     */
    public record Settings(boolean refitOnValidation, List<Boolean> rowNorms, int maxTuningRows, int maxRefitRows,
                           MetricScaling scaling, boolean centerTargets, int selectionFolds, boolean bagged,
                           List<Double> bandwidths) {
        public Settings {
            rowNorms = List.copyOf(new java.util.LinkedHashSet<>(rowNorms));
            bandwidths = List.copyOf(new java.util.LinkedHashSet<>(bandwidths));
            if (bandwidths.isEmpty() || bandwidths.stream().anyMatch(l -> !(l > 0) || !Double.isFinite(l))) {
                throw new IllegalArgumentException("uci settings: bandwidths must be a non-empty list of positive numbers, got "
                        + bandwidths);
            }
            if (rowNorms.isEmpty() || maxTuningRows < 1 || maxRefitRows < 1 || scaling == null) {
                throw new IllegalArgumentException("uci settings: a row-norm grid, row caps >= 1 and a scaling are required");
            }
            if (selectionFolds < 1 || selectionFolds > 10) {
                throw new IllegalArgumentException("uci settings: selection folds must be in 1..10, got " + selectionFolds);
            }
            if (bagged && selectionFolds < 2) {
                throw new IllegalArgumentException("uci settings: bagging averages the cross-validation fits; it needs "
                        + "selection folds >= 2");
            }
            if (selectionFolds > 1 && !refitOnValidation) {
                throw new IllegalArgumentException("uci settings: cross-validated selection refits on train + validation; "
                        + "it cannot be combined with refit on train");
            }
        }

        /** The defaults of {@code featurelab benchmark uci}: refit on train + validation, row norm off/on, caps. */
        public static Settings defaults() {
            return new Settings(true, List.of(false, true), DEFAULT_MAX_TUNING_ROWS, DEFAULT_MAX_REFIT_ROWS,
                    MetricScaling.MAX, false, 1, false, List.of(BANDWIDTH));
        }

        public Settings withRefitOnValidation(boolean b) {
            return new Settings(b, rowNorms, maxTuningRows, maxRefitRows, scaling, centerTargets, selectionFolds, bagged, bandwidths);
        }

        public Settings withRowNorms(List<Boolean> grid) {
            return new Settings(refitOnValidation, grid, maxTuningRows, maxRefitRows, scaling, centerTargets, selectionFolds, bagged, bandwidths);
        }

        public Settings withCaps(int tuning, int refit) {
            return new Settings(refitOnValidation, rowNorms, tuning, refit, scaling, centerTargets, selectionFolds, bagged, bandwidths);
        }

        public Settings withScaling(MetricScaling s) {
            return new Settings(refitOnValidation, rowNorms, maxTuningRows, maxRefitRows, s, centerTargets, selectionFolds, bagged, bandwidths);
        }

        public Settings withCenterTargets(boolean center) {
            return new Settings(refitOnValidation, rowNorms, maxTuningRows, maxRefitRows, scaling, center, selectionFolds, bagged, bandwidths);
        }

        public Settings withSelectionFolds(int k) {
            return new Settings(refitOnValidation, rowNorms, maxTuningRows, maxRefitRows, scaling, centerTargets, k, bagged, bandwidths);
        }

        public Settings withBandwidths(List<Double> grid) {
            return new Settings(refitOnValidation, rowNorms, maxTuningRows, maxRefitRows, scaling, centerTargets,
                    selectionFolds, bagged, grid);
        }

        /** Whether the bandwidth is searched (not the papers' single L = {@value UciProtocol#BANDWIDTH}). */
        public boolean searchesBandwidth() {
            return !bandwidths.equals(List.of(BANDWIDTH));
        }

        public Settings withBagging(boolean b) {
            return new Settings(refitOnValidation, rowNorms, maxTuningRows, maxRefitRows, scaling, centerTargets,
                    selectionFolds, b, bandwidths);
        }
    }

    /** Default cap on the grid search's training rows. */
    public static final int DEFAULT_MAX_TUNING_ROWS = 2000;
    /** Default cap on the refit's rows. */
    public static final int DEFAULT_MAX_REFIT_ROWS = 8000;

    private UciProtocol() {
    }



    /**
     * One unit of {@code benchmark uci}: {@link #run} for the kernel machines, {@link UciTrees} (the same rows, XGBoost)
     * for the boosted trees.
     */
    public static UnitResult unit(UciDataset data, int j, UciModel model, Settings settings) {
        return model.kind().isBoosted() ? UciTrees.run(data, j, model.kind(), settings) : run(data, j, model, settings).toUnitResult();
    }

    /** {@link #run(UciDataset, int, UciModel, Settings)} with {@link Settings#defaults()}. */
    public static UciResult run(UciDataset data, int j, UciModel model) {
        return run(data, j, model, Settings.defaults());
    }

    /**
     * Runs the protocol on fold {@code j} of {@code data}; see the class comment. Deterministic.
     *
     * @throws IllegalArgumentException for a tree model (see {@link #unit})
     */
    public static UciResult run(UciDataset data, int j, UciModel model, Settings settings) {
        return scored(data, j, model, settings).result();
    }

    /**
     * {@link #run} with the class scores it scored: for a single model the sum over its fits, for an ensemble the sum
     * of its members' means (then {@code fits} = 1).
     */
    static Scored scored(UciDataset data, int j, UciModel model, Settings settings) {
        return scored(data, j, model, settings, Members.COMPUTE);
    }

    /**
     * Where the single models of a unit come from: {@code compute} runs steps 1–4 for one; a source may return an equal
     * result it kept from an earlier unit of the same dataset, fold and settings instead ({@link UciUnits}).
     */
    @FunctionalInterface
    interface Members {
        /** Always computes. */
        Members COMPUTE = (member, compute) -> compute.get();

        Scored get(UciModel member, java.util.function.Supplier<Scored> compute);
    }

    /**
     * {@link #scored(UciDataset, int, UciModel, Settings)} with each single model (the model itself, or each member of
     * an ensemble) taken from {@code members}. An ensemble's seconds are the sum of its members' (each as recorded when
     * it was computed), i.e. what the ensemble costs whether or not a member was reused.
     */
    static Scored scored(UciDataset data, int j, UciModel model, Settings settings, Members members) {
        if (model.kind().isBoosted()) {
            throw new IllegalArgumentException("uci: " + model.name() + " is boosted trees; run it through unit()");
        }
        UciDataset.Fold fold = data.fold(j);
        if (fold.train().length == 0) {
            throw new IllegalArgumentException("uci " + data.name() + ": fold " + j + " has no training rows");
        }
        Matrix y = oneHot(data.labels(), data.classCount());
        UciModel alone = model.alone();
        Scored first = members.get(alone, () -> single(data, j, alone, settings, fold, y));
        if (model.partners().isEmpty()) {
            return first;
        }
        // an ensemble: the sum of the members' mean class scores (equal weights), each member chosen and refitted alone
        Matrix sum = first.testScores() == null ? null : first.testScores().scale(1.0 / first.fits());
        double seconds = first.result().seconds();
        List<String> partners = new java.util.ArrayList<>();
        for (UciModel partner : model.partners()) {
            Scored s = members.get(partner, () -> single(data, j, partner, settings, fold, y));
            partners.add(s.result().asPartner());
            seconds += s.result().seconds();
            if (sum != null) {
                sum = sum.plus(s.testScores().scale(1.0 / s.fits()));
            }
        }
        UciResult r = first.result();
        double accuracy = sum == null ? Double.NaN : Scores.accuracy(sum, y.selectRows(fold.test()));
        return new Scored(new UciResult(r.dataset(), j, model.name(), r.ridge(), r.bandwidth(), r.iteration(), r.rowNorm(),
                r.tuningRows(), r.refitRows(), r.validationAccuracy(), accuracy, seconds, String.join("+", partners)),
                sum, 1);
    }

    /**
     * A model's result and the sum of its fits' class scores on the fold's test rows (null without test rows):
     * {@code fits} models (the refit, and with bagging the K cross-validation fits) were summed.
     */
    record Scored(UciResult result, Matrix testScores, int fits) {
    }

    /** Steps 1–4 of the class comment for one model without partners. */
    private static Scored single(UciDataset data, int j, UciModel model, Settings settings, UciDataset.Fold fold, Matrix y) {
        long start = System.nanoTime();
        if (settings.selectionFolds() > 1) {
            CrossValidatedChoice.Choice c = CrossValidatedChoice.choose(data, fold, y, model, settings, j);
            LabeledData all = new LabeledData(c.rowNorm() ? normalizeRows(data.x()) : data.x(), y);
            int[] rows = Splits.subset(Task.CLASSIFICATION, y, union(fold.train(), fold.validation()),
                    settings.maxRefitRows(), j);
            RfmConfig config = model.config(c.ridge(), settings.scaling()).withCenterTargets(settings.centerTargets())
                    .withKernel(model.kernel(c.bandwidth())).withIterations(c.iteration());
            List<RfmModel> scored = new java.util.ArrayList<>();
            scored.add(Rfm.fit(config, Task.CLASSIFICATION, all.select(rows), null, RfmListener.NONE));
            for (int p = 0; settings.bagged() && p < settings.selectionFolds(); p++) {
                scored.add(Rfm.fit(config, Task.CLASSIFICATION, all.select(c.complementOf(p)), null, RfmListener.NONE));
            }
            Matrix scores = testScores(scored, all, fold);
            return new Scored(new UciResult(data.name(), j, model.name(), c.ridge(), c.bandwidth(), c.iteration(), c.rowNorm(),
                    c.poolRows(), rows.length, c.reportedAccuracy(), accuracy(scores, all, fold), (System.nanoTime() - start) / 1e9),
                    scores, scored.size());
        }
        int[] tuningRows = Splits.subset(Task.CLASSIFICATION, y, fold.train(), settings.maxTuningRows(), j);
        RfmModel best = null;
        boolean bestNorm = false;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        double bestMse = Double.POSITIVE_INFINITY;
        // smallest ridge first, so that only a strict improvement replaces it: ties go to the smaller ridge
        List<Double> ascending = RIDGES.stream().sorted().toList();
        for (boolean norm : settings.rowNorms()) {
            LabeledData all = new LabeledData(norm ? normalizeRows(data.x()) : data.x(), y);
            LabeledData train = all.select(tuningRows);
            LabeledData validation = all.select(fold.validation());
            for (double bandwidth : settings.bandwidths()) {
                for (double ridge : ascending) {
                    RfmModel m = Rfm.fit(model.config(ridge, settings.scaling()).withCenterTargets(settings.centerTargets())
                            .withKernel(model.kernel(bandwidth)), Task.CLASSIFICATION, train, validation, RfmListener.NONE);
                    IterationRecord kept = m.history().get(m.iteration());
                    double acc = Double.isNaN(kept.validationScore()) ? Double.NEGATIVE_INFINITY : kept.validationScore();
                    double mse = Double.isNaN(kept.validationMse()) ? Double.POSITIVE_INFINITY : kept.validationMse();
                    if (best == null || ValidationChoice.beats(acc, mse, bestAccuracy, bestMse)) {
                        best = m;
                        bestNorm = norm;
                        bestAccuracy = acc;
                        bestMse = mse;
                    }
                }
            }
        }
        LabeledData all = new LabeledData(bestNorm ? normalizeRows(data.x()) : data.x(), y);
        RfmModel scored = best;
        int refitRows = tuningRows.length;
        if (settings.refitOnValidation() && fold.validation().length > 0) {
            int[] rows = Splits.subset(Task.CLASSIFICATION, y, union(fold.train(), fold.validation()),
                    settings.maxRefitRows(), j);
            refitRows = rows.length;
            RfmConfig config = best.config().withIterations(best.iteration());
            scored = Rfm.fit(config, Task.CLASSIFICATION, all.select(rows), null, RfmListener.NONE);
        }
        double validationAccuracy = best.history().get(best.iteration()).validationScore();
        Matrix scores = testScores(List.of(scored), all, fold);
        return new Scored(new UciResult(data.name(), j, model.name(), best.config().ridge(), best.config().kernel().bandwidth(),
                best.iteration(), bestNorm, tuningRows.length, refitRows, validationAccuracy, accuracy(scores, all, fold),
                (System.nanoTime() - start) / 1e9), scores, 1);
    }

    /** The sum of the models' class scores on the fold's test rows (null without test rows); its argmax is the mean's. */
    private static Matrix testScores(List<RfmModel> models, LabeledData all, UciDataset.Fold fold) {
        if (fold.test().length == 0) {
            return null;
        }
        Matrix x = all.select(fold.test()).x();
        Matrix sum = models.get(0).predict(x);
        for (int m = 1; m < models.size(); m++) {
            sum = sum.plus(models.get(m).predict(x));
        }
        return sum;
    }

    /** Accuracy of the scores on the fold's test rows (NaN without test rows). */
    private static double accuracy(Matrix scores, LabeledData all, UciDataset.Fold fold) {
        return scores == null ? Double.NaN : Scores.accuracy(scores, all.select(fold.test()).y());
    }

    /** Rows scaled to unit Euclidean norm (rows of norm 0 unchanged); a new matrix. */
    static Matrix normalizeRows(Matrix x) {
        Matrix out = x.copy();
        double[] a = out.data();
        int d = x.cols();
        for (int i = 0; i < x.rows(); i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += a[i * d + k] * a[i * d + k];
            }
            if (s > 0) {
                double inv = 1 / Math.sqrt(s);
                for (int k = 0; k < d; k++) {
                    a[i * d + k] *= inv;
                }
            }
        }
        return out;
    }

    /** The sorted union of two disjoint row sets. */
    static int[] union(int[] a, int[] b) {
        int[] u = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, u, a.length, b.length);
        java.util.Arrays.sort(u);
        return u;
    }

    /** n×c one-hot targets. */
    static Matrix oneHot(int[] labels, int classes) {
        Matrix y = Matrix.zeros(labels.length, classes);
        double[] a = y.data();
        for (int i = 0; i < labels.length; i++) {
            a[i * classes + labels[i]] = 1;
        }
        return y;
    }
}
