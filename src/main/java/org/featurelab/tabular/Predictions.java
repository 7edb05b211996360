package org.featurelab.tabular;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;

import java.util.List;

/**
 * Predictions in the input's row order.
 *
 * @param task       classification or regression
 * @param labels     predicted class label, or the predicted value as text, per row
 * @param scores     raw predictor outputs f(x) (n×c): class scores, or the value for regression
 * @param scoreNames one name per score column (class names, or the target name)
 */
public record Predictions(Task task, List<String> labels, Matrix scores, List<String> scoreNames) {
    public Predictions {
        labels = List.copyOf(labels);
        scoreNames = List.copyOf(scoreNames);
        scores = scores.copy();
    }

    /** Raw scores f(x), n×c (a copy). */
    @Override
    public Matrix scores() {
        return scores.copy();
    }

    public int size() {
        return labels.size();
    }
}
