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
 * @param probabilities class probabilities n×c in the order of {@code scoreNames} (classification; null for
 *                      regression): softmax(β·f) for kernel machines, the trees' own for boosted trees
 */
public record Predictions(Task task, List<String> labels, Matrix scores, List<String> scoreNames, Matrix probabilities) {
    public Predictions {
        labels = List.copyOf(labels);
        scoreNames = List.copyOf(scoreNames);
        scores = scores.copy();
        probabilities = probabilities == null ? null : probabilities.copy();
    }

    /** Class probabilities n×c (a copy), or null for regression. */
    @Override
    public Matrix probabilities() {
        return probabilities == null ? null : probabilities.copy();
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
