package org.featurelab.meanfield;

/**
 * Gaussian priors of the two-layer network f(x) = N^{−γ} Σᵢ aᵢ φ(wᵢᵀx) of the mean-field model
 * (../shared/REFERENCE.md §9): aᵢ ~ N(0, σ_a²), wᵢ ~ N(0, (σ_w²/d)·I_d), independently.
 *
 * @param readoutVariance σ_a² &gt; 0
 * @param weightVariance  σ_w² &gt; 0; the per-coordinate variance of a hidden weight is σ_w²/d
 */
public record Priors(double readoutVariance, double weightVariance) {
    public Priors {
        if (!(readoutVariance > 0) || !Double.isFinite(readoutVariance)) {
            throw new IllegalArgumentException("readoutVariance must be positive and finite, got " + readoutVariance);
        }
        if (!(weightVariance > 0) || !Double.isFinite(weightVariance)) {
            throw new IllegalArgumentException("weightVariance must be positive and finite, got " + weightVariance);
        }
    }

    /** σ_a² = σ_w² = 1, the paper's parity setting. */
    public static Priors standard() {
        return new Priors(1.0, 1.0);
    }

    /** σ_w²/d: the prior variance of one coordinate of a hidden weight vector in dimension d. */
    public double weightCoordinateVariance(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        return weightVariance / d;
    }
}
