package org.featurelab.meanfield;

import org.featurelab.linalg.Cholesky;
import org.featurelab.linalg.Matrix;

/**
 * The infinite-width (N → ∞, γ = ½) limit of the posterior mean of f(x) = N^{−1/2} Σᵢ aᵢ φ(wᵢᵀx): kernel ridge
 * regression with the NNGP kernel ({@link NngpKernel}) and ridge λ = κ²P/σ_a².
 *
 * <p>Derivation (docs/mean-field.md, "Kernel limit"): under the prior, Cov[f(x), f(x')] =
 * N^{−1}·N·σ_a²·E_w[φ(wᵀx)φ(wᵀx')] = σ_a² K(x, x'), and f is Gaussian as N → ∞ (central limit theorem over the
 * neurons). The likelihood exp(−(1/(2κ²P)) Σ_μ (f(x_μ) − y_μ)²) is Gaussian noise of variance κ²P. The GP posterior
 * mean is σ_a² k(x)ᵀ(σ_a² K + κ²P·I)⁻¹ y = k(x)ᵀ(K + λI)⁻¹ y with λ = κ²P/σ_a².
 *
 * <p>Immutable: holds the training inputs, the dual coefficients c = (K + λI)⁻¹ y and λ.
 */
public final class KernelLimit {
    private final Matrix x;
    private final Priors priors;
    private final double ridge;
    private final double[] coefficients;
    private final double[] trainPrediction;

    private KernelLimit(Matrix x, Priors priors, double ridge, double[] coefficients, double[] trainPrediction) {
        this.x = x;
        this.priors = priors;
        this.ridge = ridge;
        this.coefficients = coefficients;
        this.trainPrediction = trainPrediction;
    }

    /** The ridge of the infinite-width limit, λ = κ²P/σ_a². */
    public static double ridge(double kappa, int p, Priors priors) {
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive and finite, got " + kappa);
        }
        if (p < 1) {
            throw new IllegalArgumentException("P must be >= 1, got " + p);
        }
        return kappa * kappa * p / priors.readoutVariance();
    }

    /**
     * Fits c = (K + λI)⁻¹ y by Cholesky with K the P×P NNGP Gram matrix of {@code x} (P×d), λ = κ²P/σ_a².
     * Cost: 2P²d (GEMM) + P³/3 (Cholesky) flops.
     */
    public static KernelLimit fit(Matrix x, double[] y, double kappa, Priors priors) {
        if (y.length != x.rows()) {
            throw new IllegalArgumentException("kernel limit: x is " + x.shape() + ", y has " + y.length + " entries");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("kernel limit: y holds a non-finite value " + v);
            }
        }
        double lambda = ridge(kappa, x.rows(), priors);
        Matrix k = NngpKernel.gram(x, priors);
        Matrix shifted = k.copy();
        shifted.addToDiagonalInPlace(lambda);
        double[] c = Cholesky.factorOverwriting(shifted).solve(Matrix.wrap(y.length, 1, y.clone())).data();
        double[] f = k.times(Matrix.wrap(c.length, 1, c)).data();
        return new KernelLimit(x.copy(), priors, lambda, c, f);
    }

    /** λ = κ²P/σ_a². */
    public double ridge() {
        return ridge;
    }

    /** The dual coefficients c = (K + λI)⁻¹ y (length P). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The posterior mean at the training points, K(K + λI)⁻¹ y (length P). */
    public double[] trainPrediction() {
        return trainPrediction.clone();
    }

    /** The posterior mean k(x)ᵀc at the rows of {@code xNew} (m×d); cost 2·m·P·d flops. */
    public double[] predict(Matrix xNew) {
        Matrix kx = NngpKernel.block(xNew, x, priors);
        return kx.times(Matrix.wrap(coefficients.length, 1, coefficients)).data();
    }
}
