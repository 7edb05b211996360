package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;

/**
 * A kernel k_M(x, z) = φ(‖x − z‖²_M). Its predictor gradient has the form
 * ∇f_c(z) = Σᵢ α_ic · w(z, xᵢ) · M(xᵢ − z) for a scalar weight w given by {@link #gradientWeight}.
 */
public sealed interface RadialKernel extends Kernel permits Laplace, Gaussian {

    /** Distances below this are treated as zero: their gradient term is dropped (self terms). */
    double MIN_DISTANCE = 1e-10;

    /** φ(r²): the kernel value at squared distance r². */
    double valueAtSquaredDistance(double r2);

    /** w(r², k) with k = φ(r²), such that ∇_z k_M(z, x) = w · M(x − z). */
    double gradientWeight(double r2, double k);

    @Override
    default KernelBasis basis(Matrix x, Metric metric) {
        return new RadialBasis(this, x, metric);
    }
}
