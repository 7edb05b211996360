package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;

/**
 * A kernel with a learned metric M and bandwidth L. The closed set of variants: {@link Laplace},
 * {@link Gaussian} (both radial in ‖x−z‖_M) and {@link ProductLaplace} (ℓ1 distance after M^½).
 */
public sealed interface Kernel extends java.io.Serializable permits RadialKernel, ProductLaplace {

    /** Bandwidth L &gt; 0. */
    double bandwidth();

    /** Short stable name used in model files and on the command line. */
    String name();

    /** The same kernel with another bandwidth. */
    Kernel withBandwidth(double bandwidth);

    /**
     * The kernel functions centred at the rows of X (n×d) under metric M, ready to evaluate Gram blocks and
     * predictor gradients for query rows. Immutable. Cost: 2·n·d² flops to precompute X·M.
     */
    KernelBasis basis(Matrix x, Metric metric);

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
