package org.featurelab.rfm;

import org.featurelab.base.Task;
import org.featurelab.kernel.Kernel;
import org.featurelab.kernel.KernelBasis;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;

import java.util.List;

/**
 * A fitted Recursive Feature Machine: f(z) = b + Σᵢ αᵢ k_M(z, xᵢ) with the learned metric M and the intercept b (the
 * training target means when {@link RfmConfig#centerTargets}, else 0). Immutable.
 *
 * @param config    configuration it was fitted with
 * @param task      classification or regression
 * @param metric    learned feature matrix M (of the kept iteration)
 * @param centers   training inputs X (n×d)
 * @param alpha     coefficients α (n×c)
 * @param iteration the kept iteration t (M = M_t)
 * @param history   one record per iteration 0..T that ran
 * @param offset    the intercept b, one per output (all 0 without {@link RfmConfig#centerTargets})
 */
public record RfmModel(RfmConfig config, Task task, Metric metric, Matrix centers, Matrix alpha, int iteration,
                       List<IterationRecord> history, double[] offset) implements java.io.Serializable {
    public RfmModel {
        if (centers.rows() != alpha.rows() || centers.cols() != metric.dimension()) {
            throw new IllegalArgumentException("rfm model: X is " + centers.shape() + ", alpha " + alpha.shape()
                    + ", M has dimension " + metric.dimension());
        }
        if (offset.length != alpha.cols()) {
            throw new IllegalArgumentException("rfm model: " + offset.length + " offsets for " + alpha.cols() + " outputs");
        }
        centers = centers.copy();
        alpha = alpha.copy();
        history = List.copyOf(history);
        offset = offset.clone();
    }

    /** A model without intercept (b = 0). */
    public RfmModel(RfmConfig config, Task task, Metric metric, Matrix centers, Matrix alpha, int iteration,
                    List<IterationRecord> history) {
        this(config, task, metric, centers, alpha, iteration, history, new double[alpha.cols()]);
    }

    @Override
    public double[] offset() {
        return offset.clone();
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
        Matrix f = internalBasis().predict(z.requireFinite("predict: inputs"), alpha);
        addOffsetInPlace(f, offset);
        return f;
    }

    /** Adds b_k to column k of every row of {@code f}. */
    static void addOffsetInPlace(Matrix f, double[] b) {
        double[] d = f.data();
        int c = b.length;
        for (int i = 0; i < d.length; i++) {
            d[i] += b[i % c];
        }
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
