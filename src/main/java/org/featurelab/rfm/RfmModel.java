package org.featurelab.rfm;

import org.featurelab.base.Task;
import org.featurelab.kernel.Kernel;
import org.featurelab.kernel.KernelBasis;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;

import java.util.List;

/**
 * A fitted Recursive Feature Machine: f(z) = Σᵢ αᵢ k_M(z, xᵢ) with the learned metric M. Immutable.
 *
 * @param config    configuration it was fitted with
 * @param task      classification or regression
 * @param metric    learned feature matrix M (of the kept iteration)
 * @param centers   training inputs X (n×d)
 * @param alpha     coefficients α (n×c)
 * @param iteration the kept iteration t (M = M_t)
 * @param history   one record per iteration 0..T that ran
 */
public record RfmModel(RfmConfig config, Task task, Metric metric, Matrix centers, Matrix alpha, int iteration,
                       List<IterationRecord> history) {
    public RfmModel {
        if (centers.rows() != alpha.rows() || centers.cols() != metric.dimension()) {
            throw new IllegalArgumentException("rfm model: X is " + centers.shape() + ", alpha " + alpha.shape()
                    + ", M has dimension " + metric.dimension());
        }
        centers = centers.copy();
        alpha = alpha.copy();
        history = List.copyOf(history);
    }

    public Kernel kernel() {
        return config.kernel();
    }

    /** Input dimension d. */
    public int dimension() {
        return centers.cols();
    }

    /** Number of outputs c. */
    public int outputs() {
        return alpha.cols();
    }

    @Override
    public Matrix centers() {
        return centers.copy();
    }

    @Override
    public Matrix alpha() {
        return alpha.copy();
    }

    /** Predictions f(Z) (b×c): class scores for classification, values for regression. */
    public Matrix predict(Matrix z) {
        if (z.cols() != dimension()) {
            throw new IllegalArgumentException("predict: data has " + z.cols() + " features, model expects " + dimension());
        }
        return internalBasis().predict(z.requireFinite("predict: inputs"), alpha);
    }

    /** Gradients of every output at the rows of Z: b×(c·d), in float64, see {@link KernelBasis#gradients}. */
    public Matrix gradients(Matrix z) {
        return internalBasis().gradients(z, alpha);
    }

    /** The kernel basis at (a copy of) the training points under M. */
    public KernelBasis basis() {
        return config.kernel().basis(centers.copy(), metric);
    }

    /** A basis over the model's own centres, never handed out. */
    private KernelBasis internalBasis() {
        return config.kernel().basis(centers, metric);
    }
}
