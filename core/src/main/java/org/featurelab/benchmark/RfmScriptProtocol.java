package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.MetricScaling;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;
import org.featurelab.scoring.Scores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The original RFM script's UCI protocol (public RFM repository, tabular_benchmark_experiments/main.py and rfm.py;
 * ../shared/REFERENCE.md §8), for comparison with the leak-free default {@link UciProtocol}:
 * <ol>
 *   <li><b>One tuning split per dataset.</b> The script reads the collection's {@code conxuntos.dat}; the data_py
 *       format shipped here has no such file, so the tuning split is fold 0's: train = rows neither test nor
 *       validation rows of fold 0, validation = fold 0's validation rows (<em>our mapping</em>, docs/benchmarks.md).</li>
 *   <li><b>Grid in loop order</b>: ridge λ ∈ {10, 1, 0.1, 10⁻², 10⁻³} (outer) × row normalisation {on, off} (inner;
 *       off only for balance-scale) × iterations 0..{@value #LAST_ITERATION} (M₀ = I, M_{t+1} = the update of the
 *       t-th predictor, <b>not rescaled</b>; Laplace L = 10). Every (λ, norm, t) is scored on the validation rows and
 *       replaces the best so far only when its accuracy is <b>strictly</b> higher (the best starts at accuracy 0).
 *       The M of the winner (M_t) is kept.</li>
 *   <li><b>Scoring</b>: for each fold j, ONE kernel ridge solve with the kept M, λ and normalisation on the fold's
 *       train rows — here every row that is not a test row of fold j (the script's {@code conxuntos_kfold.dat}
 *       train folds are the complements of its test folds) — scored by accuracy on fold j's test rows.</li>
 * </ol>
 * The test rows of fold j are mostly rows of the tuning split, so they shaped M and the selection: the
 * {@link Tuning#leak leak} of fold j is the share of its test rows that were tuning train or validation rows. The
 * plain kernel (T = 0) has M = I whatever the split, so only its λ and normalisation see those rows.
 * Degenerate case (not in the script): if no grid point has validation accuracy &gt; 0, the first one, at t = 0, is
 * kept (the script would keep M = 0). Deterministic: the AGOP of every update uses all tuning rows (the script
 * samples 20,000 points with replacement only when it has more; no dataset here has).
 */
public final class RfmScriptProtocol {
    /** Iterations 0..4 are candidates (the script's {@code for i in range(5)}). */
    public static final int LAST_ITERATION = 4;
    /** Ridges in the script's loop order. */
    public static final List<Double> RIDGES = List.of(10.0, 1.0, 0.1, 1e-2, 1e-3);
    /** The dataset whose row normalisation the script forces off. */
    static final String NO_NORMALISATION = "balance-scale";

    private RfmScriptProtocol() {
    }

    /**
     * The outcome of tuning one model on one dataset.
     *
     * @param ridge              chosen λ
     * @param rowNorm            chosen row normalisation
     * @param iteration          chosen iteration t
     * @param metric             M_t, reused in every fold
     * @param validationAccuracy its accuracy on the tuning validation rows
     * @param tuningRows         the tuning train and validation rows (sorted), for the leak
     * @param trainRows          tuning train rows
     * @param seconds            wall time of the tuning
     */
    public record Tuning(double ridge, boolean rowNorm, int iteration, Metric metric, double validationAccuracy,
                         int[] tuningRows, int trainRows, double seconds) {
        public Tuning {
            tuningRows = tuningRows.clone();
        }

        @Override
        public int[] tuningRows() {
            return tuningRows.clone();
        }

        /** Share of the test rows of {@code fold} that are tuning rows (0 when the fold has no test rows). */
        public double leak(UciDataset.Fold fold) {
            int[] test = fold.test();
            if (test.length == 0) {
                return 0.0;
            }
            int hits = 0;
            for (int r : test) {
                if (Arrays.binarySearch(tuningRows, r) >= 0) {
                    hits++;
                }
            }
            return (double) hits / test.length;
        }
    }

    /** The script runs the papers' Laplace models only: no ℓ1 kernel, no ensemble (a name it would otherwise misreport). */
    private static void requirePapersModel(UciModel model) {
        if (model.l1() || !model.partners().isEmpty()) {
            throw new IllegalArgumentException("rfm-script protocol: " + model.name() + " is not one of the papers' Laplace "
                    + "models (no " + UciModel.L1_SUFFIX + " kernels or ensembles)");
        }
    }

    /** Tunes {@code model} on the dataset's single tuning split (fold 0's train / validation rows). */
    public static Tuning tune(UciDataset data, UciModel model) {
        requirePapersModel(model);
        long start = System.nanoTime();
        UciDataset.Fold split = data.fold(0);
        if (split.train().length == 0) {
            throw new IllegalArgumentException("uci " + data.name() + ": the tuning split has no training rows");
        }
        Matrix y = UciProtocol.oneHot(data.labels(), data.classCount());
        List<Boolean> norms = data.name().equals(NO_NORMALISATION) ? List.of(false) : List.of(true, false);
        double bestAccuracy = 0;
        Tuning best = null;
        int lastIteration = model.iterations() == 0 ? 0 : LAST_ITERATION;
        for (double ridge : RIDGES) {
            for (boolean norm : norms) {
                LabeledData all = new LabeledData(norm ? UciProtocol.normalizeRows(data.x()) : data.x(), y);
                RfmConfig config = model.config(ridge, MetricScaling.NONE).withIterations(lastIteration);
                List<Metric> metrics = new ArrayList<>();
                RfmModel fit = Rfm.fit(config, Task.CLASSIFICATION, all.select(split.train()), all.select(split.validation()),
                        new RfmListener() {
                            @Override
                            public void solved(int t, Metric metric, org.featurelab.kernel.KernelBasis b, Matrix alpha) {
                                metrics.add(metric);
                            }
                        });
                for (IterationRecord r : fit.history()) {
                    double acc = r.validationScore(); // NaN never wins
                    if (acc > bestAccuracy) {
                        bestAccuracy = acc;
                        best = new Tuning(ridge, norm, r.iteration(), metrics.get(r.iteration()), acc, new int[0],
                                split.train().length, 0);
                    }
                }
            }
        }
        if (best == null) {
            best = new Tuning(RIDGES.get(0), norms.get(0), 0, Metric.identity(data.x().cols(), false), 0.0, new int[0],
                    split.train().length, 0);
        }
        int[] rows = UciProtocol.union(split.train(), split.validation());
        return new Tuning(best.ridge(), best.rowNorm(), best.iteration(), best.metric(), best.validationAccuracy(), rows,
                split.train().length, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Fold {@code j}: one kernel ridge solve with the tuned M, λ and normalisation on every non-test row of the fold,
     * scored on its test rows. The result's {@code seconds} include the tuning's when {@code includeTuning}.
     */
    public static UciResult score(UciDataset data, int j, UciModel model, Tuning tuning,
                                           boolean includeTuning) {
        requirePapersModel(model);
        long start = System.nanoTime();
        UciDataset.Fold fold = data.fold(j);
        int[] train = UciProtocol.union(fold.train(), fold.validation());
        if (train.length == 0) {
            throw new IllegalArgumentException("uci " + data.name() + ": fold " + j + " has no training rows");
        }
        Matrix y = UciProtocol.oneHot(data.labels(), data.classCount());
        LabeledData all = new LabeledData(tuning.rowNorm() ? UciProtocol.normalizeRows(data.x()) : data.x(), y);
        RfmConfig config = model.config(tuning.ridge(), MetricScaling.NONE).withIterations(0);
        RfmModel fit = Rfm.fit(config, Task.CLASSIFICATION, all.select(train), null, RfmListener.NONE, tuning.metric());
        double testAccuracy = Double.NaN;
        if (fold.test().length > 0) {
            LabeledData test = all.select(fold.test());
            testAccuracy = Scores.accuracy(fit.predict(test.x()), test.y());
        }
        double seconds = (System.nanoTime() - start) / 1e9 + (includeTuning ? tuning.seconds() : 0);
        return new UciResult(data.name(), j, model.name(), tuning.ridge(), UciProtocol.BANDWIDTH, tuning.iteration(),
                tuning.rowNorm(),
                tuning.trainRows(), train.length, tuning.validationAccuracy(), testAccuracy, seconds);
    }

    /**
     * The units of a {@code benchmark uci --protocol rfm-script} run: tuning once per (dataset, model), cached while
     * the runner stays on that dataset (folds of a dataset run consecutively, on one thread also when the runner runs
     * several datasets at once: the cache is per thread; a resumed run re-tunes, deterministically), then
     * {@link #score} per fold. The first fold scored after a tuning carries the tuning's seconds; the hyperparameters
     * add {@code leak=…} ({@link Tuning#leak}).
     */
    public static final class Units {
        private final PerDatasetCache<Tuning> tunings = new PerDatasetCache<>();

        public UnitResult run(UciDataset data, int fold, UciModel model) {
            java.util.Map<String, Tuning> kept = tunings.of(data.name());
            boolean fresh = !kept.containsKey(model.name());
            Tuning t = kept.computeIfAbsent(model.name(), k -> tune(data, model));
            UnitResult u = score(data, fold, model, t, fresh).toUnitResult();
            return new UnitResult(u.dataset(), u.fold(), u.model(), u.hyperparameters() + ";leak="
                    + String.format(java.util.Locale.ROOT, "%.4f", t.leak(data.fold(fold))), u.validationScore(),
                    u.testScore(), u.seconds());
        }
    }
}
