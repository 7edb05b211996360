package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;

import java.util.function.DoubleUnaryOperator;

/**
 * The entry moments of T against every spectral function f(P) = V·f(Λ)·Vᵀ of one symmetric P = VΛVᵀ, without
 * forming f(P): with v_k the eigenvectors, s_k = 1ᵀv_k and t_k = v_kᵀ·(T − T̄·11ᵀ)·v_k (T̄ the mean entry of T),
 * <pre>  Σ_ij f(P)_ij = Σ_k f(λ_k)·s_k²,   Σ_ij f(P)_ij² = Σ_k f(λ_k)²,   ⟨T − T̄, f(P)⟩_F = Σ_k f(λ_k)·t_k,</pre>
 * the last being the covariance numerator, so the Pearson correlation over the N = d² entries costs O(d) per f after
 * one d×d GEMM (T·V) here, instead of a d³ reconstruction and two passes over d² entries per f. T need not be
 * symmetric; centring T inside t_k means a large mean of T costs no digits.
 *
 * <p>Accuracy: the variance of f(P)'s entries is a difference of uncentred sums; {@link #pearson} returns NaN when it is
 * below 10⁻⁹ of their second moment (nearly constant entries, where the difference loses most of its digits), so the
 * caller can fall back to the entry-wise formula. A constant T gives ρ = NaN at once. Elsewhere it agrees with
 * {@link Correlations#pearson} on the reconstructed matrix to about 10⁻¹² (tested).
 */
final class SpectralMoments {
    private static final double MIN_RELATIVE_VARIANCE = 1e-9;

    private final double[] eigenvalues;
    private final double[] squaredSums;  // s_k²
    private final double[] quadratic;    // t_k of the centred target
    private final double n;              // d² entries
    private final double centredT;       // Σ (T_ij − mean)²

    private SpectralMoments(double[] eigenvalues, double[] squaredSums, double[] quadratic, double n, double centredT) {
        this.eigenvalues = eigenvalues;
        this.squaredSums = squaredSums;
        this.quadratic = quadratic;
        this.n = n;
        this.centredT = centredT;
    }

    /** The moments of {@code target} (d×d) against the eigendecomposition {@code e} of a d×d symmetric matrix. */
    static SpectralMoments of(Matrix target, SymmetricEigen e) {
        Matrix v = e.vectors();
        int d = v.rows();
        double[] x = target.data();
        double sum = 0;
        for (double xi : x) {
            sum += xi;
        }
        double mean = sum / x.length;
        Matrix centredTarget = target.copy();
        double[] c = centredTarget.data();
        double centred = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] -= mean;
            centred += c[i] * c[i];
        }
        Matrix tv = centredTarget.times(v);
        double[] s2 = new double[d];
        double[] t = new double[d];
        double[] vd = v.data();
        double[] tvd = tv.data();
        for (int i = 0; i < d; i++) {
            int o = i * d;
            for (int k = 0; k < d; k++) {
                s2[k] += vd[o + k];
                t[k] += vd[o + k] * tvd[o + k]; // v_kᵀ(T − T̄·11ᵀ)v_k
            }
        }
        for (int k = 0; k < d; k++) {
            s2[k] *= s2[k];
        }
        return new SpectralMoments(e.values(), s2, t, x.length, centred);
    }

    /** Whether every entry of T is the same (ρ is then NaN for every f, with no fallback to try). */
    boolean constantTarget() {
        return !(centredT > 0);
    }

    /** ρ(T, f(P)) over all entries, or NaN when f(P) is (numerically) constant or T is constant. */
    double pearson(DoubleUnaryOperator f) {
        if (constantTarget()) {
            return Double.NaN;
        }
        double sumY = 0;
        double sumYY = 0;
        double sumXY = 0;
        for (int k = 0; k < eigenvalues.length; k++) {
            double fk = f.applyAsDouble(eigenvalues[k]);
            sumY += fk * squaredSums[k];
            sumYY += fk * fk;
            sumXY += fk * quadratic[k]; // ⟨T − T̄, f(P)⟩: t_k are of the centred target, so no large-mean cancellation
        }
        double centredY = sumYY - sumY * sumY / n;
        if (!(centredY > MIN_RELATIVE_VARIANCE * sumYY)) {
            return Double.NaN;
        }
        return sumXY / (Math.sqrt(centredT) * Math.sqrt(centredY));
    }
}
