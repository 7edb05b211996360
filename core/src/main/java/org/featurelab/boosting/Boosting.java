package org.featurelab.boosting;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.ValidationChoice;
import org.featurelab.scoring.Scores;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains XGBoost boosters on a preprocessed matrix X (n×d) with targets Y (n×c: one-hot classes, or 1 column of
 * values). Objective: binary:logistic for 2 classes, multi:softprob with num_class = c for more, reg:squarederror for
 * regression. Labels are the argmax of Y's rows. Cost per round O(n·d) for the histogram pass (plus the initial
 * quantile sketch), on {@link BoostingConfig#threads()} threads.
 */
public final class Boosting {
    private Boosting() {
    }

    /**
     * One booster scored on validation rows.
     *
     * @param config          the trained configuration, {@code rounds} = the best round count (1-based)
     * @param validationScore accuracy or −MSE of the best round on the validation rows
     * @param validationMse   MSE of the best round (Brier score of the class probabilities for classification)
     */
    public record Scored(BoostingConfig config, double validationScore, double validationMse) {
    }

    /** A grid search: every candidate (failures included as NaN scores never chosen) and the chosen one. */
    public record Tuning(List<Scored> candidates, Scored chosen) {
        public Tuning {
            candidates = List.copyOf(candidates);
        }
    }

    /** Trains exactly {@code config.rounds()} rounds on all of {@code data} (patience is ignored). */
    public static BoostedModel fit(BoostingConfig config, Task task, LabeledData data) {
        int c = data.y().cols();
        DMatrix train = null;
        Booster b = null;
        try {
            train = dmatrix(data, task);
            b = XGBoost.train(train, params(config, task, c), config.rounds(), Map.of(), null, null);
            return new BoostedModel(config.withPatience(0), task, c, data.x().cols(), b.toByteArray());
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost training failed: " + e.getMessage(), e);
        } finally {
            dispose(train, b);
        }
    }

    /**
     * Trains up to {@code config.rounds()} rounds on {@code fit}, scoring every round on {@code validation}; the best
     * round is kept by {@link ValidationChoice#beats} (score ties → lower MSE → the earlier round), and training stops
     * after {@code config.patience()} rounds without a new best (never, when patience is 0). Cost: the training plus
     * one validation prediction per round from XGBoost's prediction cache (O(n_val·c)).
     */
    public static Scored score(BoostingConfig config, Task task, LabeledData fit, LabeledData validation) {
        int c = fit.y().cols();
        DMatrix train = null;
        DMatrix val = null;
        Booster b = null;
        try {
            train = dmatrix(fit, task);
            val = dmatrix(validation, task);
            // zero rounds: a booster whose prediction cache holds the validation matrix
            b = XGBoost.train(train, params(config, task, c), 0, Map.of("validation", val), null, null);
            int bestRounds = 0;
            double bestScore = Double.NaN;
            double bestMse = Double.NaN;
            for (int r = 0; r < config.rounds(); r++) {
                b.update(train, r);
                Matrix p = toScores(b.predict(val), task, c, validation.size());
                double score = Scores.selectionScore(task, p, validation.y());
                double mse = Scores.meanSquaredError(p, validation.y());
                if (bestRounds == 0 || ValidationChoice.beats(score, mse, bestScore, bestMse)) {
                    bestRounds = r + 1;
                    bestScore = score;
                    bestMse = mse;
                } else if (config.patience() > 0 && r + 1 - bestRounds >= config.patience()) {
                    break;
                }
            }
            return new Scored(config.withRounds(bestRounds), bestScore, bestMse);
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost training failed: " + e.getMessage(), e);
        } finally {
            dispose(train, b);
            dispose(val, null);
        }
    }

    /**
     * Grid search: {@link #score} for every (max_depth, eta) of the grid in order (depth-major), with the base
     * config's round cap, patience, seed and threads; the best by {@link ValidationChoice#beats} wins, ties to the
     * earlier candidate. The chosen candidate's rounds are its best round count.
     */
    public static Tuning tune(BoostingConfig base, List<Integer> depths, List<Double> etas, Task task, LabeledData fit,
                              LabeledData validation) {
        if (depths.isEmpty() || etas.isEmpty()) {
            throw new IllegalArgumentException("boosting grid: depths and etas must not be empty");
        }
        List<Scored> all = new java.util.ArrayList<>();
        Scored best = null;
        for (int depth : depths) {
            for (double eta : etas) {
                Scored s = score(base.withTree(depth, eta), task, fit, validation);
                all.add(s);
                if (best == null || ValidationChoice.beats(s.validationScore(), s.validationMse(), best.validationScore(),
                        best.validationMse())) {
                    best = s;
                }
            }
        }
        return new Tuning(all, best);
    }

    static Matrix predict(Booster b, Matrix x, Task task, int c) throws XGBoostError {
        DMatrix d = new DMatrix(floats(x), x.rows(), x.cols(), Float.NaN);
        try {
            return toScores(b.predict(d), task, c, x.rows());
        } finally {
            d.dispose();
        }
    }

    private static Map<String, Object> params(BoostingConfig config, Task task, int c) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (task == Task.CLASSIFICATION) {
            if (c == 2) {
                p.put("objective", "binary:logistic");
            } else {
                p.put("objective", "multi:softprob");
                p.put("num_class", c);
            }
        } else {
            p.put("objective", "reg:squarederror");
        }
        p.put("eta", config.eta());
        p.put("max_depth", config.maxDepth());
        p.put("tree_method", "hist");
        p.put("seed", config.seed());
        p.put("nthread", config.threads());
        p.put("verbosity", 0);
        return p;
    }

    private static DMatrix dmatrix(LabeledData data, Task task) throws XGBoostError {
        DMatrix d = new DMatrix(floats(data.x()), data.size(), data.x().cols(), Float.NaN);
        float[] label = new float[data.size()];
        if (task == Task.CLASSIFICATION) {
            int[] k = Scores.argmaxRows(data.y());
            for (int i = 0; i < label.length; i++) {
                label[i] = k[i];
            }
        } else {
            if (data.y().cols() != 1) {
                throw new IllegalArgumentException("xgboost regression needs one target column, got " + data.y().cols());
            }
            for (int i = 0; i < label.length; i++) {
                label[i] = (float) data.y().get(i, 0);
            }
        }
        d.setLabel(label);
        return d;
    }

    private static float[] floats(Matrix x) {
        double[] a = x.data();
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    /** XGBoost's n×k float output as n×c scores: binary [1 − p, p], softprob as is, regression n×1. */
    private static Matrix toScores(float[][] raw, Task task, int c, int n) {
        Matrix out = Matrix.zeros(n, c);
        for (int i = 0; i < n; i++) {
            if (task == Task.CLASSIFICATION && c == 2) {
                double p = raw[i][0];
                out.set(i, 0, 1 - p);
                out.set(i, 1, p);
            } else {
                for (int k = 0; k < c; k++) {
                    out.set(i, k, raw[i][k]);
                }
            }
        }
        return out;
    }

    private static void dispose(DMatrix d, Booster b) {
        if (b != null) {
            b.dispose();
        }
        if (d != null) {
            d.dispose();
        }
    }
}
