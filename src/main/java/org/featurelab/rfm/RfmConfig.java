package org.featurelab.rfm;

import org.featurelab.kernel.Kernel;
import org.featurelab.kernel.Laplace;

/**
 * Configuration of a Recursive Feature Machine fit.
 *
 * @param kernel     kernel with its bandwidth L (Laplace, Gaussian or product-Laplace)
 * @param ridge      λ ≥ 0 of the kernel ridge solve (0 = interpolation)
 * @param iterations T ≥ 0: M is updated T times; iterations 0..T are solved and the best on validation kept
 * @param update     feature-matrix update rule (nfa, fact, fact-gm)
 * @param scaling    rescaling of each new M
 * @param diagonal   learn only diag(M)
 */
public record RfmConfig(Kernel kernel, double ridge, int iterations, FeatureUpdate update, MetricScaling scaling,
                        boolean diagonal) {
    public RfmConfig {
        if (kernel == null || update == null || scaling == null) {
            throw new IllegalArgumentException("rfm config: kernel, update and scaling are required");
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("rfm config: ridge must be finite and >= 0, got " + ridge);
        }
        if (iterations < 0 || iterations > 1000) {
            throw new IllegalArgumentException("rfm config: iterations must be in 0..1000, got " + iterations);
        }
    }

    /** Classic tabular NFA-RFM: Laplace L = 10, λ = 10⁻³, 5 iterations, M ← AGOP, max-scaling, full M. */
    public static RfmConfig defaults() {
        return new RfmConfig(new Laplace(10), 1e-3, 5, new FeatureUpdate.Nfa(1.0, false), MetricScaling.MAX, false);
    }

    public RfmConfig withKernel(Kernel k) {
        return new RfmConfig(k, ridge, iterations, update, scaling, diagonal);
    }

    public RfmConfig withBandwidth(double l) {
        return withKernel(kernel.withBandwidth(l));
    }

    public RfmConfig withRidge(double r) {
        return new RfmConfig(kernel, r, iterations, update, scaling, diagonal);
    }

    public RfmConfig withIterations(int t) {
        return new RfmConfig(kernel, ridge, t, update, scaling, diagonal);
    }

    public RfmConfig withUpdate(FeatureUpdate u) {
        return new RfmConfig(kernel, ridge, iterations, u, scaling, diagonal);
    }

    public RfmConfig withScaling(MetricScaling s) {
        return new RfmConfig(kernel, ridge, iterations, update, s, diagonal);
    }

    public RfmConfig withDiagonal(boolean diag) {
        return new RfmConfig(kernel, ridge, iterations, update, scaling, diag);
    }
}
