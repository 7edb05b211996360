package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;

/**
 * Similarity of two equally shaped matrices, over all entries:
 * <ul>
 *   <li>Pearson ρ(A, B) = ⟨A − ā, B − b̄⟩_F / (‖A − ā‖_F·‖B − b̄‖_F), ā the mean entry;</li>
 *   <li>cosine cos(A, B) = ⟨A, B⟩_F / (‖A‖_F·‖B‖_F).</li>
 * </ul>
 * Both are NaN when a denominator is 0 (a constant matrix, or a zero matrix for the cosine).
 */
public final class Correlations {
    private Correlations() {
    }

    public static double pearson(Matrix a, Matrix b) {
        requireSameShape("pearson", a, b);
        double[] x = a.data();
        double[] y = b.data();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double den = Math.sqrt(sxx) * Math.sqrt(syy);
        return den > 0 ? sxy / den : Double.NaN;
    }

    public static double cosine(Matrix a, Matrix b) {
        requireSameShape("cosine", a, b);
        double den = a.frobeniusNorm() * b.frobeniusNorm();
        return den > 0 ? a.dot(b) / den : Double.NaN;
    }

    /**
     * ρ(target, P^α) for every α of {@code alphas}, P symmetric PSD (P^α with eigenvalues clipped at 0, one
     * eigendecomposition for the whole grid), and the α of the largest ρ (the first on ties; NaN entries ignored).
     */
    public static AlphaSweep alphaSweep(Matrix target, Matrix psd, double[] alphas) {
        requireSameShape("alpha sweep", target, psd);
        Matrix sym = psd.copy();
        sym.symmetrizeInPlace();
        SymmetricEigen e = SymmetricEigen.of(sym);
        SpectralMoments moments = SpectralMoments.of(target, e);
        double[] rho = new double[alphas.length];
        double best = Double.NaN;
        double bestRho = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < alphas.length; k++) {
            double alpha = alphas[k];
            java.util.function.DoubleUnaryOperator f = v -> v > 0 ? Math.pow(v, alpha) : 0.0;
            rho[k] = moments.pearson(f);
            if (Double.isNaN(rho[k]) && !moments.constantTarget()) { // ill-conditioned moments: the entry-wise formula on the reconstructed matrix
                rho[k] = pearson(target, e.reconstruct(f));
            }
            if (rho[k] > bestRho) {
                bestRho = rho[k];
                best = alpha;
            }
        }
        return new AlphaSweep(alphas.clone(), rho, best);
    }

    /** Pearson correlations over a grid of exponents α and the argmax. */
    public record AlphaSweep(double[] alphas, double[] pearson, double bestAlpha) {
    }

    private static void requireSameShape(String what, Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(what + ": " + a.shape() + " vs " + b.shape());
        }
    }
}
