package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.Objects;

/** A training set: inputs X (n×d) and targets Y (n×c), row i of each belonging to sample i. */
public record TrainingData(Matrix inputs, Matrix targets) {
    public TrainingData {
        Objects.requireNonNull(inputs, "training data: inputs");
        Objects.requireNonNull(targets, "training data: targets");
        if (inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException("training data: X is " + inputs.shape() + ", Y is " + targets.shape());
        }
        if (inputs.rows() == 0) {
            throw new IllegalArgumentException("training data: no rows");
        }
    }

    public int size() {
        return inputs.rows();
    }
}
