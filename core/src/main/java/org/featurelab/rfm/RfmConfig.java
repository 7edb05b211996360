package org.featurelab.rfm;

import org.featurelab.kernel.Kernel;
import org.featurelab.kernel.Laplace;
import org.featurelab.linalg.Precision;

/**
 * Configuration of a Recursive Feature Machine fit.
 *
 * @param kernel     kernel with its bandwidth L (Laplace, Gaussian or product-Laplace)
 * @param ridge      λ ≥ 0 of the kernel ridge solve (0 = interpolation)
 * @param iterations T ≥ 0: M is updated T times; iterations 0..T are solved and the best on validation kept
 * @param update     feature-matrix update rule (nfa, fact, fact-gm)
 * @param scaling    rescaling of each new M
 * @param diagonal   learn only diag(M)
 * @param precision  the precision policy, resolved once per fit to the {@link org.featurelab.linalg.Arithmetic} of
 *                   its solves and gradient GEMMs: {@link Precision#MIXED} (default) factors kernel systems of
 *                   ≥ {@value Precision#MIXED_MIN_SIZE} rows in float32 with float64 refinement and runs their
 *                   gradient GEMMs in float32; {@link Precision#FLOAT64}: float64 only
 * @param centerTargets fit on Y − ȳ (ȳ the training column means) and predict ȳ + f: an intercept, so that far from
 *                   every centre (where the kernel terms vanish) the model predicts the training mean instead of 0
 */
public record RfmConfig(Kernel kernel, double ridge, int iterations, FeatureUpdate update, MetricScaling scaling,
                        boolean diagonal, Precision precision, boolean centerTargets)
        implements java.io.Serializable {
    public RfmConfig {
        if (kernel == null || update == null || scaling == null || precision == null) {
            throw new IllegalArgumentException("rfm config: kernel, update, scaling and precision are required");
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("rfm config: ridge must be finite and >= 0, got " + ridge);
        }
        if (iterations < 0 || iterations > 1000) {
            throw new IllegalArgumentException("rfm config: iterations must be in 0..1000, got " + iterations);
        }
    }

    /** Classic tabular NFA-RFM: Laplace L = 10, λ = 10⁻³, 5 iterations, M ← AGOP, max-scaling, full M, mixed precision. */
    public static RfmConfig defaults() {
        return new RfmConfig(new Laplace(10), 1e-3, 5, new FeatureUpdate.Nfa(1.0, false), MetricScaling.MAX, false,
                Precision.MIXED, false);
    }

    public RfmConfig withKernel(Kernel k) {
        return new RfmConfig(k, ridge, iterations, update, scaling, diagonal, precision, centerTargets);
    }

    public RfmConfig withBandwidth(double l) {
        return withKernel(kernel.withBandwidth(l));
    }

    public RfmConfig withRidge(double r) {
        return new RfmConfig(kernel, r, iterations, update, scaling, diagonal, precision, centerTargets);
    }

    public RfmConfig withIterations(int t) {
        return new RfmConfig(kernel, ridge, t, update, scaling, diagonal, precision, centerTargets);
    }

    public RfmConfig withUpdate(FeatureUpdate u) {
        return new RfmConfig(kernel, ridge, iterations, u, scaling, diagonal, precision, centerTargets);
    }

    public RfmConfig withScaling(MetricScaling s) {
        return new RfmConfig(kernel, ridge, iterations, update, s, diagonal, precision, centerTargets);
    }

    public RfmConfig withPrecision(Precision p) {
        return new RfmConfig(kernel, ridge, iterations, update, scaling, diagonal, p, centerTargets);
    }

    public RfmConfig withDiagonal(boolean diag) {
        return new RfmConfig(kernel, ridge, iterations, update, scaling, diag, precision, centerTargets);
    }

    public RfmConfig withCenterTargets(boolean center) {
        return new RfmConfig(kernel, ridge, iterations, update, scaling, diagonal, precision, center);
    }
}
