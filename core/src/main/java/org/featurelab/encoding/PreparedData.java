package org.featurelab.encoding;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;

import java.util.List;

/**
 * A table made numeric: the n×p design matrix, the response matrix and the preprocessing that made them.
 * The matrices are not copied; callers that mutate them own that choice.
 *
 * @param x n×p features
 * @param y n×c one-hot classes (classification) or n×1 values (regression)
 * @param preprocessing the fitted preprocessing, for feature names, class labels and new data
 */
public record PreparedData(Matrix x, Matrix y, FittedPreprocessor preprocessing) {

    public PreparedData {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("prepared data: X is " + x.shape() + " but Y is " + y.shape());
        }
        if (x.cols() != preprocessing.featureCount()) {
            throw new IllegalArgumentException("prepared data: X is " + x.shape() + " but there are "
                    + preprocessing.featureCount() + " feature names");
        }
    }

    /** Number of rows n. */
    public int rows() {
        return x.rows();
    }

    /** The task. */
    public Task task() {
        return preprocessing.task();
    }

    /** The p feature names. */
    public List<String> featureNames() {
        return preprocessing.featureNames();
    }

    /** The class index of each row (the position of the 1 in each row of the one-hot Y). */
    public int[] labels() {
        if (task() != Task.CLASSIFICATION) {
            throw new IllegalStateException("labels: the task is regression");
        }
        int[] out = new int[y.rows()];
        for (int i = 0; i < out.length; i++) {
            for (int k = 0; k < y.cols(); k++) {
                if (y.get(i, k) == 1.0) {
                    out[i] = k;
                }
            }
        }
        return out;
    }
}
