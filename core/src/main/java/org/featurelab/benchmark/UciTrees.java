package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.featurelab.boosting.BoostedModel;
import org.featurelab.boosting.Boosting;
import org.featurelab.boosting.BoostingConfig;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;
import org.featurelab.scoring.Scores;
import org.featurelab.tabular.ModelKind;
import org.featurelab.tabular.Splits;

/**
 * The boosted-tree models ({@code xgboost}, {@code xgboost-tuned}) on the UCI-121 protocol, on exactly the rows the
 * kernels of {@link UciProtocol} use in the same fold:
 * <ul>
 *   <li>tuning rows: the fold's train rows (at most {@link UciProtocol.Settings#maxTuningRows()}, the same seeded
 *       stratified subset, seed = fold index); validation rows: the fold's validation rows;</li>
 *   <li>scored rows: train + validation (at most {@link UciProtocol.Settings#maxRefitRows()}, the same subset) when
 *       {@link UciProtocol.Settings#refitOnValidation()}, else the tuning rows;</li>
 *   <li>{@code xgboost}: XGBoost's defaults (max_depth 6, eta 0.3, 100 rounds) fitted on the scored rows, nothing
 *       tuned; {@code xgboost-tuned}: the grid of {@link ModelKind#BOOSTING_DEPTHS} × {@link ModelKind#BOOSTING_ETAS}
 *       with early stopping ({@link Boosting#tune}) on tuning / validation rows, then the chosen (depth, eta, rounds)
 *       fitted on the scored rows. A fold without validation rows falls back to the defaults.</li>
 * </ul>
 * The inputs are the collection's matrix as the kernels get it (no row normalisation: that grid is a kernel choice).
 * XGBoost's seed is the fold index. Deterministic.
 */
final class UciTrees {
    private UciTrees() {
    }

    static UnitResult run(UciDataset data, int j, ModelKind kind, UciProtocol.Settings settings) {
        if (!kind.isBoosted()) {
            throw new IllegalArgumentException("uci trees: " + kind.id() + " is not a tree model");
        }
        long start = System.nanoTime();
        UciDataset.Fold fold = data.fold(j);
        if (fold.train().length == 0) {
            throw new IllegalArgumentException("uci " + data.name() + ": fold " + j + " has no training rows");
        }
        Matrix y = UciProtocol.oneHot(data.labels(), data.classCount());
        LabeledData all = new LabeledData(data.x(), y);
        int[] tuningRows = Splits.subset(Task.CLASSIFICATION, y, fold.train(), settings.maxTuningRows(), j);
        int[] scoredRows = tuningRows;
        if (settings.refitOnValidation() && fold.validation().length > 0) {
            scoredRows = Splits.subset(Task.CLASSIFICATION, y, UciProtocol.union(fold.train(), fold.validation()),
                    settings.maxRefitRows(), j);
        }
        BoostingConfig chosen = BoostingConfig.defaults(j);
        double validationAccuracy = Double.NaN;
        if (kind == ModelKind.XGBOOST_TUNED && fold.validation().length > 0) {
            BoostingConfig capped = chosen.withRounds(ModelKind.BOOSTING_MAX_ROUNDS).withPatience(ModelKind.BOOSTING_PATIENCE);
            Boosting.Tuning t = Boosting.tune(capped, ModelKind.BOOSTING_DEPTHS, ModelKind.BOOSTING_ETAS, Task.CLASSIFICATION,
                    all.select(tuningRows), all.select(fold.validation()));
            chosen = t.chosen().config().withPatience(0);
            validationAccuracy = t.chosen().validationScore();
        }
        BoostedModel model = Boosting.fit(chosen, Task.CLASSIFICATION, all.select(scoredRows));
        double testAccuracy = Double.NaN;
        if (fold.test().length > 0) {
            LabeledData test = all.select(fold.test());
            testAccuracy = Scores.accuracy(model.predict(test.x()), test.y());
        }
        String h = chosen.describe() + ";tuning_rows=" + tuningRows.length + ";refit_rows=" + scoredRows.length;
        return new UnitResult(data.name(), j, kind.id(), h, validationAccuracy, testAccuracy, (System.nanoTime() - start) / 1e9);
    }
}
