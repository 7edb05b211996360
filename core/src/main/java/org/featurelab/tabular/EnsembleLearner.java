package org.featurelab.tabular;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.FitWorkspace;
import org.featurelab.rfm.LabeledData;
import org.featurelab.scoring.Scores;
import org.featurelab.scoring.TemperatureScaling;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits an ensemble kind ({@link ModelKind#isEnsemble()}) on preprocessed data: every member is tuned on the same
 * validation rows (the internal split of {@link Tuner#rows}, or the rows of {@code fit --validation}) exactly as a
 * single model of its kind would be, then refitted on all training rows with its own choice (no refit when the
 * validation rows were given). The ensemble's temperature and validation score come from the mean of the chosen
 * members' scores on those validation rows ({@link FittedModel.Ensemble}).
 */
final class EnsembleLearner {
    private EnsembleLearner() {
    }

    /**
     * Fits the members of {@code config.model()} on {@code data}, tuned on an internal split, or on {@code val} when it
     * is not null.
     *
     * @throws IllegalArgumentException if the data needs a tree of kernel machines (more rows than the leaf size):
     *                                  an ensemble's members are single kernel machines
     */
    static FittedModel.Ensemble fit(LearnerConfig config, Task task, LabeledData data, LabeledData val, Progress progress) {
        int leaf = config.leafSizeFor(data.size());
        if (leaf > 0) {
            throw new IllegalArgumentException("model " + config.model().id() + " fits each member as one kernel machine "
                    + "and has no tree form: " + data.size() + " rows exceed " + (config.maxLeafSize() == LearnerConfig.AUTO_LEAF_SIZE
                    ? "the automatic limit of " + LearnerConfig.EXACT_ROW_LIMIT + " rows; give --max-leaf-size "
                    + data.size() + " or more to fit them exactly, or use nfa-rfm, which fits a tree of kernel machines"
                    : "--max-leaf-size " + leaf + "; give a larger one, or use nfa-rfm for a tree of kernel machines"));
        }
        List<ModelKind.Member> members = config.model().members();
        Tuner.Rows rows = val == null && members.stream().anyMatch(m -> Tuner.needsTuning(config.member(m)))
                ? Tuner.rows(config, task, data.y()) : null;
        LabeledData tuneFit = rows == null ? data : data.select(rows.fit());
        LabeledData tuneVal = rows == null ? val : data.select(rows.validation());
        List<FittedModel.Kernel> fitted = new ArrayList<>();
        Matrix validationSum = null;
        try (FitWorkspace ws = FitWorkspace.forRows(data.size(), config.precision())) {
            for (int k = 0; k < members.size(); k++) {
                ModelKind.Member member = members.get(k);
                LearnerConfig c = config.member(member);
                progress.message(String.format("member %d/%d: %s (kernel %s)", k + 1, members.size(), member.name(),
                        member.kernel().id()));
                if (tuneVal == null) {   // nothing to tune anywhere: every member fixed, fitted once on all rows
                    Tuner.Result fixed = Tuner.tune(c, task, data, progress, ws);
                    fitted.add(new FittedModel.Kernel(TabularLearner.refit(c, task, data, fixed, progress, ws), fixed));
                    continue;
                }
                Tuner.Search search = Tuner.search(c, task, tuneFit, tuneVal, progress, ws);
                validationSum = add(validationSum, search.validationScores());
                fitted.add(new FittedModel.Kernel(val != null ? search.chosenModel()
                        : TabularLearner.refit(c, task, data, search.result(), progress, ws), search.result()));
            }
        }
        double beta = Double.NaN;
        double score = Double.NaN;
        if (validationSum != null) {
            validationSum.scaleInPlace(1.0 / members.size());
            if (task == Task.CLASSIFICATION) {
                beta = TemperatureScaling.fit(validationSum, Scores.argmaxRows(tuneVal.y())).beta();
            }
            score = Scores.selectionScore(task, validationSum, tuneVal.y());
        }
        return new FittedModel.Ensemble(fitted, members.stream().map(ModelKind.Member::name).toList(), beta, score);
    }

    private static Matrix add(Matrix sum, Matrix scores) {
        if (sum == null) {
            return scores.copy();
        }
        sum.addInPlace(1.0, scores);
        return sum;
    }
}
