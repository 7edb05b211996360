package org.featurelab.experiment;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;

/**
 * How well a feature matrix N (e.g. W₁ᵀW₁) matches a power of a PSD matrix P (e.g. the AGOP), over a grid of
 * exponents α, with one eigendecomposition P = V·diag(λ)·Vᵀ for the whole grid:
 * <pre>
 *   P^α        = V·diag(λ̃^α)·Vᵀ,  λ̃ = λ if λ &gt; 10⁻¹²·λ_max, else 0 (round-off eigenvalues of a low-rank P would
 *                otherwise become ε^α ≫ ε for small α)
 *   cos(α)     = ⟨N, P^α⟩_F / (‖N‖_F·‖P^α‖_F)
 *   relErr(α)  = min_{s &gt; 0} ‖N/s − P^α‖_F / ‖P^α‖_F = √(1 − cos²(α))   (1 when cos ≤ 0)
 * </pre>
 * The relative error is the exact-equality error of the NFA "N ∝ P^α" after the best scale; it is a monotone
 * function of the cosine, so both are minimised/maximised at the same α. Cost: one d×d eigendecomposition plus
 * 2d³ flops per grid point.
 */
public final class PowerSweep {
    private PowerSweep() {
    }

    /** The sweep: exponents, cosines, relative errors and the α of the largest cosine (first on ties). */
    public record Result(double[] alphas, double[] cosines, double[] relativeErrors, double bestAlpha, double bestCosine) {
        /** min over the grid of the relative error (at {@link #bestAlpha()}). */
        public double bestRelativeError() {
            return relativeError(bestCosine);
        }
    }

    /** Sweeps {@code alphas}; N and P must be d×d, P symmetric PSD up to round-off. */
    public static Result sweep(Matrix n, Matrix p, double[] alphas) {
        SymmetricEigen e = decompose(n, p);
        double[] cos = new double[alphas.length];
        double[] err = new double[alphas.length];
        double best = Double.NaN;
        double bestCos = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < alphas.length; k++) {
            cos[k] = cosine(n, power(e, alphas[k]));
            err[k] = relativeError(cos[k]);
            if (cos[k] > bestCos) {
                bestCos = cos[k];
                best = alphas[k];
            }
        }
        return new Result(alphas.clone(), cos, err, best, bestCos);
    }

    /** cos(N, P^α) at one exponent. */
    public static double cosineAt(Matrix n, Matrix p, double alpha) {
        return cosine(n, power(decompose(n, p), alpha));
    }

    /** P^α with the eigenvalue cut of the class comment. */
    public static Matrix power(Matrix p, double alpha) {
        return power(decompose(p, p), alpha);
    }

    /** √(1 − cos²) for cos &gt; 0, else 1. */
    public static double relativeError(double cosine) {
        return cosine > 0 ? Math.sqrt(Math.max(0.0, 1 - cosine * cosine)) : 1.0;
    }

    /** Eigenvalues of a symmetric matrix, descending. */
    public static double[] eigenvaluesDescending(Matrix s) {
        Matrix c = s.copy();
        c.symmetrizeInPlace();
        double[] v = SymmetricEigen.of(c).values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[v.length - 1 - i];
        }
        return out;
    }

    private static SymmetricEigen decompose(Matrix n, Matrix p) {
        if (n.rows() != n.cols() || p.rows() != p.cols() || n.rows() != p.rows()) {
            throw new IllegalArgumentException("power sweep: N is " + n.shape() + ", P is " + p.shape() + " (both d×d)");
        }
        Matrix sym = p.copy();
        sym.symmetrizeInPlace();
        return SymmetricEigen.of(sym);
    }

    private static Matrix power(SymmetricEigen e, double alpha) {
        double[] v = e.values();
        double cut = 1e-12 * Math.max(v[v.length - 1], 0.0);
        return e.reconstruct(x -> x > cut ? Math.pow(x, alpha) : 0.0);
    }

    private static double cosine(Matrix a, Matrix b) {
        double den = a.frobeniusNorm() * b.frobeniusNorm();
        return den > 0 ? a.dot(b) / den : Double.NaN;
    }
}
