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
 * A fitted tabular model: the preprocessing learned on the training rows, the RFM, how it was tuned, and where
 * it came from. Immutable; {@link #save}/{@link #load} use the versioned model file format.
 */
public record TabularModel(FittedPreprocessor preprocessing, RfmModel rfm, LearnerConfig config, Tuner.Result tuning,
                           Provenance provenance) {

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
        Matrix scores = rfm.predict(x).requireFinite("predict");
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
        return new Predictions(task(), labels, scores, outputNames());
    }

    /** Scores the model on a table that has the target column. */
    public Evaluation evaluate(Table table) {
        var prepared = preprocessing.prepare(table);
        Matrix scores = rfm.predict(prepared.x()).requireFinite("evaluate");
        return Evaluation.of(task(), scores, prepared.y());
    }

    /** Feature importances from diag(M), by encoded feature and by original column. */
    public FeatureImportances importances() {
        return FeatureImportances.of(rfm.metric().toMatrix(), preprocessing);
    }

    public void save(Path file) {
        TabularModelFile.save(this, file);
    }

    public static TabularModel load(Path file) {
        return TabularModelFile.load(file);
    }
}
