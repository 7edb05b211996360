package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;

/**
 * Product-Laplace ("l1") kernel k(x, z) = exp(−Σ_j |(M^½x)_j − (M^½z)_j| / L).
 * Not radial in ‖·‖_M: Gram blocks and gradients are element-wise loops costing O(b·n·d) and O(b·n·c·d),
 * always in float64.
 */
public record ProductLaplace(double bandwidth) implements Kernel {
    public ProductLaplace {
        Kernel.checkBandwidth(bandwidth);
    }

    @Override
    public String name() {
        return "product-laplace";
    }

    @Override
    public Kernel withBandwidth(double l) {
        return new ProductLaplace(l);
    }

    @Override
    public KernelBasis basis(Matrix x, Metric metric) {
        return new ProductLaplaceBasis(bandwidth, x, metric);
    }
}
