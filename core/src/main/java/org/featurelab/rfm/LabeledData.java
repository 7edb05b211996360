package org.featurelab.rfm;

import org.featurelab.linalg.Matrix;

/** Inputs X (n×d) and targets Y (n×c: one-hot for classification, values for regression). */
public record LabeledData(Matrix x, Matrix y) {
    public LabeledData {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("data: X is " + x.shape() + " but Y is " + y.shape());
        }
        x.requireFinite("data: inputs");
        y.requireFinite("data: targets");
    }

    public int size() {
        return x.rows();
    }

    /** The rows listed in {@code index}. */
    public LabeledData select(int[] index) {
        return new LabeledData(x.selectRows(index), y.selectRows(index));
    }
}
