package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Precision;

/**
 * A kernel with a learned metric M and bandwidth L. The closed set of variants: {@link Laplace},
 * {@link Gaussian} (both radial in ‖x−z‖_M) and {@link ProductLaplace} (ℓ1 distance after M^½).
 */
public sealed interface Kernel permits RadialKernel, ProductLaplace {

    /** Bandwidth L &gt; 0. */
    double bandwidth();

    /** Short stable name used in model files and on the command line. */
    String name();

    /** The same kernel with another bandwidth. */
    Kernel withBandwidth(double bandwidth);

    /**
     * The kernel functions centred at the rows of X (n×d) under metric M, ready to evaluate Gram blocks and
     * predictor gradients for query rows. Cost: 2·n·d² flops to precompute X·M.
     */
    default KernelBasis basis(Matrix x, Metric metric) {
        return basis(x, metric, Precision.DOUBLE);
    }

    /**
     * As {@link #basis(Matrix, Metric)}; with {@link Precision#MIXED} a basis may run its large gradient GEMMs in
     * float32 (radial kernels, n ≥ {@value Precision#MIXED_MIN_SIZE}).
     */
    KernelBasis basis(Matrix x, Metric metric, Precision precision);

    /** Convenience: the b×n block k_M(zₐ, xᵢ). */
    default Matrix gram(Matrix z, Matrix x, Metric metric) {
        return basis(x, metric).gram(z);
    }

    /** Parses {@code laplace}, {@code gaussian}, {@code product-laplace} (alias {@code l1}); see {@link KernelKind#parse}. */
    static Kernel parse(String name, double bandwidth) {
        KernelKind kind = name.strip().equalsIgnoreCase("l1") ? KernelKind.PRODUCT_LAPLACE : KernelKind.parse(name);
        return kind.withBandwidth(bandwidth);
    }

    /** Validates a bandwidth. */
    static double checkBandwidth(double bandwidth) {
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("kernel bandwidth must be positive and finite, got " + bandwidth);
        }
        return bandwidth;
    }
}
