package org.featurelab.tabular;

import org.featurelab.base.Task;
import org.featurelab.encoding.ClassificationTarget;
import org.featurelab.encoding.FittedPreprocessor;
import org.featurelab.io.Provenance;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.RfmModel;
import org.featurelab.scoring.Scores;
import org.featurelab.table.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted tabular model: the preprocessing learned on the training rows, the fitted kernel machine or boosted trees
 * with how they were tuned ({@link FittedModel}), and where it came from. Immutable; {@link #save}/{@link #load} use
 * the versioned model file format.
 */
public record TabularModel(FittedPreprocessor preprocessing, FittedModel fitted, LearnerConfig config,
                           Provenance provenance) {

    /** A kernel model (the plain kernel or an RFM) with its tuning. */
    public TabularModel(FittedPreprocessor preprocessing, RfmModel rfm, LearnerConfig config, Tuner.Result tuning,
                        Provenance provenance) {
        this(preprocessing, new FittedModel.Kernel(rfm, tuning), config, provenance);
    }

    /**
     * The kernel machine.
     *
     * @throws IllegalStateException for boosted trees, which have none
     */
    public RfmModel rfm() {
        return kernel().rfm();
    }

    /**
     * The (L, λ, t) tuning of the kernel machine.
     *
     * @throws IllegalStateException for boosted trees (see {@link FittedModel#hyperparameters()} and the tree tuning)
     */
    public Tuner.Result tuning() {
        if (fitted instanceof FittedModel.Partitioned p) {
            return p.tuning();
        }
        return kernel().tuning();
    }

    /** Whether this is one kernel machine (plain kernel or RFM) rather than a tree of them or boosted trees. */
    public boolean isKernel() {
        return fitted instanceof FittedModel.Kernel;
    }

    /** Whether this is an ensemble of kernel machines ({@link FittedModel.Ensemble}). */
    public boolean isEnsemble() {
        return fitted instanceof FittedModel.Ensemble;
    }

    /** Whether this is a tree-partitioned kernel machine. */
    public boolean isPartitioned() {
        return fitted instanceof FittedModel.Partitioned;
    }

    private FittedModel.Kernel kernel() {
        if (fitted instanceof FittedModel.Kernel k) {
            return k;
        }
        throw new IllegalStateException("model " + config.model().id() + (isPartitioned()
                ? " is a tree of kernel machines (see fitted())" : isEnsemble() ? " is an ensemble (see fitted())"
                : " is boosted trees") + ", not one kernel machine");
    }

    public Task task() {
        return preprocessing.task();
    }

    /** Class names (classification) or the single target name (regression), one per output. */
    public List<String> outputNames() {
        if (preprocessing.target() instanceof ClassificationTarget ct) {
            return ct.classes();
        }
        return List.of(preprocessing.target().column());
    }

    /** Predicted labels or values, plus the raw scores f(x) per output. */
    public Predictions predict(Table table) {
        Matrix x = preprocessing.transform(table);
        Matrix scores = fitted.predict(x).requireFinite("predict");
        List<String> labels = new ArrayList<>(x.rows());
        if (preprocessing.target() instanceof ClassificationTarget ct) {
            for (int k : Scores.argmaxRows(scores)) {
                labels.add(ct.label(k));
            }
        } else {
            for (int i = 0; i < x.rows(); i++) {
                labels.add(Double.toString(scores.get(i, 0)));
            }
        }
        Matrix probabilities = task() == Task.CLASSIFICATION ? fitted.probabilities(scores) : null;
        return new Predictions(task(), labels, scores, outputNames(), probabilities);
    }

    /** Scores the model on a table that has the target column. */
    public Evaluation evaluate(Table table) {
        var prepared = preprocessing.prepare(table);
        Matrix scores = fitted.predict(prepared.x()).requireFinite("evaluate");
        return Evaluation.of(task(), scores, task() == Task.CLASSIFICATION ? fitted.probabilities(scores) : null,
                prepared.y());
    }

    /**
     * Feature importances by encoded feature and by original column: from diag(M) for a kernel machine (the leaves' M
     * averaged with weights n_leaf/n for a tree of them; for an ensemble, the M of its first member, the one that
     * learns features ({@link ModelKind#members()}): the others keep M = I, which ranks nothing), from XGBoost's
     * total gain for trees ({@link FeatureImportances#ofGains}).
     */
    public FeatureImportances importances() {
        if (fitted instanceof FittedModel.Trees t) {
            return FeatureImportances.ofGains(t.trees().totalGains(), preprocessing);
        }
        if (fitted instanceof FittedModel.Partitioned p) {
            return FeatureImportances.of(p.model().meanMetric(), preprocessing);
        }
        if (fitted instanceof FittedModel.Ensemble e) {
            return FeatureImportances.of(e.members().get(0).rfm().metric().toMatrix(), preprocessing);
        }
        return FeatureImportances.of(rfm().metric().toMatrix(), preprocessing);
    }

    public void save(Path file) {
        TabularModelFile.save(this, file);
    }

    public static TabularModel load(Path file) {
        return TabularModelFile.load(file);
    }
}
