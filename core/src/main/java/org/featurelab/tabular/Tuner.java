package org.featurelab.tabular;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.rfm.FitWorkspace;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;
import org.featurelab.scoring.Scores;
import org.featurelab.scoring.TemperatureScaling;
import org.featurelab.rfm.ValidationChoice;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses bandwidth, ridge and iteration on an internal validation split: every (L, λ) of the grids is fitted
 * on the fit rows with iterations 0..T, each iteration scored on the held-out rows (a candidate stops early once
 * {@link LearnerConfig#patience()} iterations in a row have not beaten its best); the best score wins by
 * {@link ValidationChoice#beats} (ties: lower validation MSE, then grid order). The first candidate that fits is the
 * starting best whatever its score; candidates whose solve fails numerically are skipped.
 */
public final class Tuner {
    private Tuner() {
    }

    /** One (L, λ) candidate and its best iteration. {@code failure} is non-null if it could not be fitted. */
    public record Candidate(double bandwidth, double ridge, int iteration, double validationScore,
                            double validationMse, String failure) {
    }

    /**
     * All candidates and the chosen one; {@code fitRows}/{@code validationRows} are 0 when nothing was tuned.
     * {@code calibrationBeta}: the inverse temperature β of {@link TemperatureScaling} fitted on the chosen candidate's
     * class scores on the validation rows (classification; NaN for regression, when nothing was tuned, and in model
     * files written before it existed — probabilities then use β = 1).
     */
    public record Result(List<Candidate> candidates, Candidate chosen, int fitRows, int validationRows,
                         double calibrationBeta) {
        public Result {
            candidates = List.copyOf(candidates);
        }

        /** The class-probability link: softmax(β·s) with the fitted β, or β = 1 when none was fitted. */
        public TemperatureScaling calibration() {
            return new TemperatureScaling(Double.isNaN(calibrationBeta) ? 1.0 : calibrationBeta);
        }
    }

    /** Seconds between progress lines from inside one candidate's fit (small fits stay silent). */
    private static final double PROGRESS_INTERVAL_SECONDS = 2.0;

    /**
     * Per-iteration progress of one candidate, printed only when the fit is slow enough to need it; keeps each
     * iteration's validation predictions in {@code predictions} (so that the chosen candidate's need not be computed
     * again for the temperature fit).
     */
    private static RfmListener slowFitProgress(Progress progress, int candidate, int total, Task task,
                                               java.util.Map<Integer, org.featurelab.linalg.Matrix> predictions) {
        return new RfmListener() {
            private long last = System.nanoTime();

            @Override
            public void validated(int iteration, org.featurelab.linalg.Matrix p) {
                predictions.put(iteration, p);
            }

            @Override
            public void iterationFinished(org.featurelab.rfm.IterationRecord r) {
                String notes = notes(r);
                if (!notes.isEmpty()) {
                    progress.message(String.format("tune %d/%d  iteration %d: %s", candidate, total, r.iteration(), notes));
                }
                long now = System.nanoTime();
                if ((now - last) / 1e9 >= PROGRESS_INTERVAL_SECONDS) {
                    last = now;
                    progress.message(String.format("tune %d/%d  iteration %d: validation %s %.4f (kernel %.1fs, solve %.1fs, "
                                    + "update %.1fs)", candidate, total, r.iteration(),
                            task == Task.CLASSIFICATION ? "accuracy" : "-MSE", r.validationScore(), r.kernelSeconds(),
                            r.solveSeconds(), r.updateSeconds()));
                }
            }
        };
    }

    /** Jitter retries and update failures of an iteration, as one phrase (empty when there is nothing to say). */
    static String notes(org.featurelab.rfm.IterationRecord r) {
        StringBuilder sb = new StringBuilder();
        if (r.jitter() > 0) {
            sb.append("kernel matrix factored only with jitter ").append(String.format("%.3g", r.jitter())).append(" added");
        }
        if (r.updateFailure() != null) {
            sb.append(sb.length() > 0 ? "; " : "").append("feature update failed (").append(r.updateFailure())
                    .append("), fit stopped here");
        }
        return sb.toString();
    }

    /** Whether there is anything to choose. */
    static boolean needsTuning(LearnerConfig config) {
        return config.ridges().size() > 1 || config.bandwidths().size() > 1 || config.iterations() > 0;
    }

    static RfmConfig rfmConfig(LearnerConfig config, double bandwidth, double ridge, int iterations) {
        return new RfmConfig(config.kernel().withBandwidth(bandwidth), ridge, iterations, config.model().update(),
                config.scaling(), config.diagonal(), config.precision(), config.centerTargets());
    }

    /** The rows the candidates are fitted on and the rows they are scored on, both indices into the data. */
    public record Rows(int[] fit, int[] validation) {
    }

    /**
     * The tuning split of {@link #tune}, shared by every model kind so that kernels and trees are chosen on the same
     * rows: a stratified hold-out of {@code validationFraction} (seed), then seeded stratified subsets capping the fit
     * side at maxTuningRows·(1 − f) (seed + 1) and the validation side at the rest (seed + 2).
     */
    public static Rows rows(LearnerConfig config, Task task, org.featurelab.linalg.Matrix y) {
        if (y.rows() < 4) {
            throw new IllegalArgumentException("too few training rows (" + y.rows()
                    + ") to tune on a validation split; give ridges and bandwidths one value each and iterations 0");
        }
        Splits.Split split = Splits.holdOut(task, y, config.validationFraction(), config.seed());
        int fitCap = (int) Math.round(config.maxTuningRows() * (1 - config.validationFraction()));
        int valCap = config.maxTuningRows() - fitCap;
        return new Rows(Splits.subset(task, y, split.fit(), fitCap, config.seed() + 1),
                Splits.subset(task, y, split.validation(), valCap, config.seed() + 2));
    }

    /** Runs the grid search on {@code data} (already preprocessed), on the split of {@link #rows}. */
    public static Result tune(LearnerConfig config, Task task, LabeledData data, Progress progress) {
        try (FitWorkspace ws = new FitWorkspace()) {
            return tune(config, task, data, progress, ws);
        }
    }

    /** As {@link #tune(LearnerConfig, Task, LabeledData, Progress)}, every candidate fitted in the buffers of {@code ws}. */
    public static Result tune(LearnerConfig config, Task task, LabeledData data, Progress progress, FitWorkspace ws) {
        if (!needsTuning(config)) {
            Candidate only = new Candidate(config.bandwidths().get(0), config.ridges().get(0), 0, Double.NaN, Double.NaN, null);
            return new Result(List.of(only), only, 0, 0, Double.NaN);
        }
        Rows rows = rows(config, task, data.y());
        return search(config, task, data.select(rows.fit()), data.select(rows.validation()), progress, ws).result();
    }

    /**
     * The grid search's result, the chosen candidate's model (fitted on the fit rows) and its scores on the validation
     * rows (n_val×c; what its temperature was fitted on, and what an ensemble's is fitted on).
     */
    public record Search(Result result, RfmModel chosenModel, org.featurelab.linalg.Matrix validationScores) {
    }

    /**
     * Runs the grid search with every candidate fitted on {@code fit} and scored on {@code validation} (both already
     * preprocessed), as {@link #tune} does on its own split; a one-point grid is fitted and scored too. Also returns
     * the chosen candidate's model ({@code fit --validation}: no refit).
     */
    public static Search search(LearnerConfig config, Task task, LabeledData fit, LabeledData val, Progress progress) {
        try (FitWorkspace ws = FitWorkspace.forRows(fit.size(), config.precision())) {
            return search(config, task, fit, val, progress, ws);
        }
    }

    /** As {@link #search(LearnerConfig, Task, LabeledData, LabeledData, Progress)} in the buffers of {@code ws}. */
    public static Search search(LearnerConfig config, Task task, LabeledData fit, LabeledData val, Progress progress,
                                FitWorkspace ws) {
        List<Candidate> candidates = new ArrayList<>();
        Candidate best = null;
        RfmModel bestModel = null;
        org.featurelab.linalg.Matrix bestPredictions = null;   // the chosen candidate's, on the validation rows
        int total = config.bandwidths().size() * config.ridges().size();
        int done = 0;
        for (double l : config.bandwidths()) {
            for (double r : config.ridges()) {
                done++;
                Candidate c;
                RfmModel m = null;
                java.util.Map<Integer, org.featurelab.linalg.Matrix> predictions = new java.util.HashMap<>();
                try {
                    m = Rfm.fit(rfmConfig(config, l, r, config.iterations()), task, fit, val,
                            slowFitProgress(progress, done, total, task, predictions), null, config.stoppingRule(), ws);
                    var rec = m.history().get(m.iteration());
                    c = new Candidate(l, r, m.iteration(), rec.validationScore(), rec.validationMse(), null);
                } catch (ArithmeticException e) {
                    c = new Candidate(l, r, -1, Double.NaN, Double.NaN, e.getMessage());
                }
                candidates.add(c);
                int ran = m == null ? 0 : m.history().size() - 1;
                String stopped = m != null && ran < config.iterations() && m.history().get(ran).updateFailure() == null
                        ? String.format(" (stopped after iteration %d: patience %d)", ran, config.patience()) : "";
                progress.message(String.format("tune %d/%d  L=%s ridge=%s  %s", done, total, compact(l), compact(r),
                        c.failure() != null ? "failed: " + c.failure()
                                : String.format("best iteration %d, validation %s %.4f%s", c.iteration(),
                                task == Task.CLASSIFICATION ? "accuracy" : "-MSE", c.validationScore(), stopped)));
                if (c.failure() == null && (best == null || ValidationChoice.beats(c.validationScore(),
                        c.validationMse(), best.validationScore(), best.validationMse()))) {
                    best = c;
                    bestModel = m;
                    bestPredictions = predictions.get(m.iteration());
                }
            }
        }
        if (best == null) {
            throw new ArithmeticException("every tuning candidate failed; first failure: " + candidates.get(0).failure());
        }
        org.featurelab.linalg.Matrix scores = bestPredictions != null ? bestPredictions : bestModel.predict(val.x());
        double beta = task == Task.CLASSIFICATION ? TemperatureScaling.fit(scores, Scores.argmaxRows(val.y())).beta()
                : Double.NaN;
        return new Search(new Result(candidates, best, fit.size(), val.size(), beta), bestModel, scores);
    }

    /** 0.001, 2, 20, 0.000001: the plain form of a grid value, without trailing zeros. */
    public static String compact(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }
}
