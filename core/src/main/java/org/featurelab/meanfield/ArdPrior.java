package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;

/**
 * The MF-ARD option of {@link MeanFieldSolver} (docs/mean-field.md, "MF-ARD"): per-input prior precisions
 * ρ_j, w_j ~ N(0, 1/ρ_j), with a Gamma(α₀, β₀) hyperprior (shape α₀, rate β₀), updated once per outer iteration from
 * the particles' second moments:
 * <pre>
 *   ρ̂_j = (α₀ + B/2) / (β₀ + ½ Σ_b w_bj²),     ρ_j ← (1 − e)·ρ_j + e·ρ̂_j.
 * </pre>
 * ρ̂_j is the mean of the Gamma posterior Gamma(α₀ + B/2, β₀ + ½Σ_b w_bj²) of ρ_j given B draws w_bj ~ N(0, 1/ρ_j)
 * (the variational / EM update of a Gaussian precision under a conjugate Gamma hyperprior). The rate is tied to the
 * isotropic prior: β₀ = α₀·σ_w²/d, so that the hyperprior mean α₀/β₀ equals the isotropic precision d/σ_w², which is
 * also the initial ρ; with no signal in the data the update then has its only fixed point at ρ = d/σ_w² (see the
 * docs). α₀ counts 2α₀ pseudo-observations against the B particles.
 *
 * @param shape   α₀ &gt; 0 (default 1: a weak hyperprior, 2 pseudo-observations)
 * @param damping e in (0, 1] (default 0.5)
 */
public record ArdPrior(double shape, double damping) {
    public ArdPrior {
        if (!(shape > 0) || !Double.isFinite(shape)) {
            throw new IllegalArgumentException("shape must be positive and finite, got " + shape);
        }
        if (!(damping > 0) || !(damping <= 1)) {
            throw new IllegalArgumentException("damping must be in (0, 1], got " + damping);
        }
    }

    /** α₀ = 1, e = 0.5. */
    public static ArdPrior defaults() {
        return new ArdPrior(1.0, 0.5);
    }

    /** β₀ = α₀·σ_w²/d: the rate that puts the hyperprior mean α₀/β₀ at the isotropic precision d/σ_w². */
    public double rate(Priors priors, int d) {
        return shape * priors.weightCoordinateVariance(d);
    }

    /** The initial precisions: d/σ_w² for every coordinate (the isotropic prior). */
    public static double[] isotropic(Priors priors, int d) {
        double[] rho = new double[d];
        java.util.Arrays.fill(rho, 1.0 / priors.weightCoordinateVariance(d));
        return rho;
    }

    /**
     * One damped update of {@code rho} (length d, overwritten) from the particles {@code w} (B×d):
     * ρ_j ← (1 − e)ρ_j + e(α₀ + B/2)/(β₀ + ½Σ_b w_bj²). Cost B·d. Returns max_j |Δρ_j|/ρ_j (before the update).
     */
    public double updateInPlace(double[] rho, Matrix w, Priors priors) {
        int b = w.rows();
        int d = w.cols();
        if (rho.length != d) {
            throw new IllegalArgumentException("ARD update: rho has " + rho.length + " entries, w is " + w.shape());
        }
        double[] sq = new double[d];
        double[] wd = w.data();
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < d; j++) {
                double v = wd[i * d + j];
                sq[j] += v * v;
            }
        }
        double beta0 = rate(priors, d);
        double maxRel = 0;
        for (int j = 0; j < d; j++) {
            double hat = (shape + 0.5 * b) / (beta0 + 0.5 * sq[j]);
            double next = (1 - damping) * rho[j] + damping * hat;
            maxRel = Math.max(maxRel, Math.abs(next - rho[j]) / rho[j]);
            rho[j] = next;
        }
        return maxRel;
    }
}
