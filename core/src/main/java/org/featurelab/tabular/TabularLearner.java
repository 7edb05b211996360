package org.featurelab.tabular;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.encoding.FittedPreprocessor;
import org.featurelab.encoding.PreparedData;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.io.Provenance;
import org.featurelab.linalg.Blas;
import org.featurelab.rfm.FitWorkspace;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;
import org.featurelab.rfm.StoppingRule;
import org.featurelab.table.Table;

/**
 * Fits a {@link TabularModel} on a raw table: preprocessing fitted on the training rows, hyper-parameters
 * tuned on an internal validation split ({@link Tuner}), then a refit on all training rows with the chosen
 * bandwidth, ridge and iteration count. The boosted-tree kinds take the same preprocessed matrix and the same split
 * ({@link TreeLearner}), and so does each member of an ensemble kind ({@link EnsembleLearner}).
 *
 * @param preprocessor target column, dropped columns and task override
 * @param config       model and tuning configuration
 */
public record TabularLearner(Preprocessor preprocessor, LearnerConfig config) {

    /** Defaults for a target column and model kind. */
    public static TabularLearner of(String target, ModelKind model) {
        return new TabularLearner(Preprocessor.forTarget(target), LearnerConfig.defaults(model));
    }

    /** Fits through the Java API (provenance command line "api"), silently. */
    public TabularModel fit(Table train) {
        return fit(train, Provenance.API, Progress.NONE);
    }

    /** Fits, reporting progress, recording {@code commandLine} in the provenance. */
    public TabularModel fit(Table train, String commandLine, Progress progress) {
        return fit(train, null, commandLine, progress);
    }

    /**
     * Fits; with {@code validation} non-null ({@code fit --validation}) every candidate is fitted on all of
     * {@code train} and scored on {@code validation} (encoded with the preprocessing fitted on {@code train}), and the
     * chosen candidate's model is the result: no internal split and no refit. Its fingerprint joins the provenance.
     */
    public TabularModel fit(Table train, Table validation, String commandLine, Progress progress) {
        FittedPreprocessor pre = preprocessor.fit(train);
        PreparedData prepared = pre.prepare(train);
        Task task = pre.task();
        if (task == Task.CLASSIFICATION && prepared.y().cols() < 2) {
            throw new IllegalArgumentException("target '" + preprocessor.target() + "' has only one class");
        }
        progress.message(String.format("data: %d rows, %d features after encoding, task %s", prepared.rows(),
                prepared.x().cols(), task.label()));
        warnAboutIdentifierColumns(pre, prepared.rows(), progress);
        LabeledData data = new LabeledData(prepared.x(), prepared.y());
        var described = ModelJson.config(config, preprocessor);
        LabeledData val = null;
        if (validation != null && config.model() == ModelKind.XGBOOST) {
            throw new IllegalArgumentException("validation rows are unused by xgboost (XGBoost's defaults tune nothing): "
                    + "use xgboost-tuned, or score the file with eval");
        }
        if (validation != null) {
            PreparedData v = pre.prepare(validation);
            if (v.rows() == 0) {
                throw new IllegalArgumentException("the validation file has no rows");
            }
            val = new LabeledData(v.x(), v.y());
            described.put("validationData", validation.fingerprint());
            progress.message(String.format("validation: %d given rows (no internal split, no refit)", v.rows()));
        }
        Provenance provenance = Provenance.capture(config.seed(), train.fingerprint(), described, commandLine,
                Blas.describe());
        if (config.model().isBoosted()) {
            FittedModel.Trees trees = val == null ? TreeLearner.fit(config, task, data, progress)
                    : TreeLearner.fitOn(config, task, data, val, progress);
            return new TabularModel(pre, trees, config, provenance);
        }
        if (config.model().isEnsemble()) {
            return new TabularModel(pre, EnsembleLearner.fit(config, task, data, val, progress), config, provenance);
        }
        int leafSize = config.leafSizeFor(data.size());
        if (leafSize > 0) {
            return new TabularModel(pre, PartitionedLearner.fit(config, task, data, val, leafSize, progress), config,
                    provenance);
        }
        if (val != null) {
            Tuner.Search search = Tuner.search(config, task, data, val, progress);
            return new TabularModel(pre, search.chosenModel(), config, search.result(), provenance);
        }
        // the candidates and the refit share one workspace, reserved at the refit's size: faulted in once
        try (FitWorkspace ws = FitWorkspace.forRows(data.size(), config.precision())) {
            Tuner.Result tuning = Tuner.tune(config, task, data, progress, ws);
            return new TabularModel(pre, refit(config, task, data, tuning, progress, ws), config, tuning, provenance);
        }
    }

    /** The chosen candidate of {@code tuning} fitted again on all of {@code data}, for exactly its iteration count. */
    static RfmModel refit(LearnerConfig config, Task task, LabeledData data, Tuner.Result tuning, Progress progress,
                          FitWorkspace ws) {
        Tuner.Candidate chosen = tuning.chosen();
        progress.message(String.format("refit on %d rows: L=%s ridge=%s iterations=%d", data.size(),
                Tuner.compact(chosen.bandwidth()), Tuner.compact(chosen.ridge()), chosen.iteration()));
        return Rfm.fit(Tuner.rfmConfig(config, chosen.bandwidth(), chosen.ridge(), chosen.iteration()), task, data, null,
                refitProgress(progress, task), null, StoppingRule.NEVER, ws);
    }

    private static RfmListener refitProgress(Progress progress, Task task) {
        return new RfmListener() {
            @Override
            public void iterationFinished(IterationRecord r) {
                String notes = Tuner.notes(r);
                progress.message(String.format("refit iteration %d: train %s %.4f (%.2fs)%s", r.iteration(),
                        task == Task.CLASSIFICATION ? "accuracy" : "-MSE", r.trainScore(),
                        r.kernelSeconds() + r.solveSeconds() + r.updateSeconds(), notes.isEmpty() ? "" : "; " + notes));
            }
        };
    }

    /**
     * A text column with (almost) one category per row is usually an identifier: one-hot encoding it adds a
     * feature per row and nothing the model can generalise from. Says so, suggesting to add it to the
     * preprocessor's {@code drop} list.
     */
    static void warnAboutIdentifierColumns(FittedPreprocessor pre, int rows, Progress progress) {
        for (var column : pre.columns()) {
            if (column instanceof org.featurelab.encoding.CategoricalEncoding cat && cat.categories().size() > 50
                    && cat.categories().size() > rows / 2) {
                progress.message(String.format("warning: text column '%s' has %d distinct values in %d rows (an "
                        + "identifier?); it becomes %d one-hot features — consider adding '%s' to drop", cat.name(),
                        cat.categories().size(), rows, cat.categories().size(), cat.name()));
            }
        }
    }
}
