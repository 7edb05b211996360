package org.featurelab.tabular;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.boosting.BoostedModel;
import org.featurelab.boosting.Boosting;
import org.featurelab.boosting.BoostingConfig;
import org.featurelab.rfm.LabeledData;

/**
 * The boosted-tree kinds of {@link TabularLearner}, on the same preprocessed matrix the kernels get:
 * <ul>
 *   <li>{@link ModelKind#XGBOOST}: {@link BoostingConfig#defaults} (max_depth 6, eta 0.3, 100 rounds) on all training
 *       rows; nothing is tuned.</li>
 *   <li>{@link ModelKind#XGBOOST_TUNED}: every (max_depth, eta) of {@link ModelKind#BOOSTING_DEPTHS} ×
 *       {@link ModelKind#BOOSTING_ETAS} trained on the fit rows of {@link Tuner#rows} (the kernels' tuning split, same
 *       seed) and scored every round on its validation rows, stopping after {@link ModelKind#BOOSTING_PATIENCE} rounds
 *       without a new best (at most {@link ModelKind#BOOSTING_MAX_ROUNDS}); the best (depth, eta, rounds) by
 *       {@code ValidationChoice} is refitted on all training rows with that many rounds.</li>
 * </ul>
 * XGBoost's nthread is {@link BoostingConfig#DEFAULT_THREADS}; its seed is the learner's.
 */
final class TreeLearner {
    private TreeLearner() {
    }

    static FittedModel.Trees fit(LearnerConfig config, Task task, LabeledData data, Progress progress) {
        BoostingConfig base = BoostingConfig.defaults(config.seed());
        if (config.model() == ModelKind.XGBOOST) {
            progress.message(String.format("xgboost: %s on %d rows", base.describe(), data.size()));
            return new FittedModel.Trees(Boosting.fit(base, task, data), null, 0, 0);
        }
        if (data.size() < 4) {
            throw new IllegalArgumentException("too few training rows (" + data.size() + ") to tune " + config.model().id()
                    + " on a validation split; use " + ModelKind.XGBOOST.id() + " (XGBoost's defaults, nothing tuned)");
        }
        Tuner.Rows rows = Tuner.rows(config, task, data.y());
        return tuneAndFit(config, task, data.select(rows.fit()), data.select(rows.validation()), data, progress);
    }

    /**
     * {@code fit --validation}: the tuned kind is chosen on the given validation rows and its model is trained on the
     * training rows only (no refit on more rows). (The default kind tunes nothing: {@link TabularLearner} refuses
     * validation rows for it.)
     */
    static FittedModel.Trees fitOn(LearnerConfig config, Task task, LabeledData train, LabeledData validation,
                                   Progress progress) {
        return tuneAndFit(config, task, train, validation, train, progress);
    }

    /** Tunes on (fit, val), then trains the chosen (depth, eta, rounds) on {@code refit}. */
    private static FittedModel.Trees tuneAndFit(LearnerConfig config, Task task, LabeledData fit, LabeledData val,
                                                LabeledData refit, Progress progress) {
        BoostingConfig base = BoostingConfig.defaults(config.seed());
        BoostingConfig capped = base.withRounds(ModelKind.BOOSTING_MAX_ROUNDS).withPatience(ModelKind.BOOSTING_PATIENCE);
        Boosting.Tuning tuning = Boosting.tune(capped, ModelKind.BOOSTING_DEPTHS, ModelKind.BOOSTING_ETAS, task, fit, val);
        int k = 0;
        for (Boosting.Scored s : tuning.candidates()) {
            progress.message(String.format("tune %d/%d  %s  validation %s %.4f", ++k, tuning.candidates().size(),
                    s.config().describe(), task == Task.CLASSIFICATION ? "accuracy" : "-MSE", s.validationScore()));
        }
        BoostingConfig chosen = tuning.chosen().config();
        progress.message(String.format("%s on %d rows: %s", refit == fit ? "train" : "refit", refit.size(), chosen.describe()));
        BoostedModel trees = Boosting.fit(chosen, task, refit);
        return new FittedModel.Trees(trees, tuning, fit.size(), val.size());
    }
}
