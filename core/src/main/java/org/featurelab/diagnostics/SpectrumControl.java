package org.featurelab.diagnostics;

import org.featurelab.linalg.Cholesky;
import org.featurelab.linalg.LU;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;

import java.util.random.RandomGenerator;

/**
 * The random-spectrum control of the centred NFA (../shared/REFERENCE.md §5): the PTK covariance K = VΛVᵀ is replaced
 * by K' = QΛQᵀ, the same eigenvalues Λ under a Haar-random orthogonal Q. If ΔW is aligned with K itself, and not just
 * with K's spectrum, ρ(ΔWᵀΔW, ΔWᵀKΔW) is well above ρ(ΔWᵀΔW, ΔWᵀK'ΔW).
 */
public final class SpectrumControl {
    private SpectrumControl() {
    }

    /**
     * A Haar-distributed orthogonal n×n matrix: the Q of G = QR, G with i.i.d. N(0, 1) entries, taken with R's diagonal
     * positive (the sign fix that makes Q Haar and not biased by the QR convention). Computed as Cholesky-QR twice
     * (CholeskyQR2): R₁ = the upper Cholesky factor of GᵀG (positive diagonal by construction), Q₁ = G·R₁⁻¹, then the
     * same on Q₁ to restore orthogonality to round-off; Q = Q₁R₂⁻¹ is the Q of G = Q·(R₂R₁), R₂R₁ with positive
     * diagonal, so exactly the sign-fixed QR. Cost about 7n³ flops.
     */
    public static Matrix haarOrthogonal(int n, RandomGenerator rng) {
        if (n < 1) {
            throw new IllegalArgumentException("haar orthogonal: n must be ≥ 1, got " + n);
        }
        Matrix q = Matrix.gaussian(n, n, 1.0, rng);
        for (int pass = 0; pass < 2; pass++) {
            Matrix r = Cholesky.factor(q.gramOfColumns()).upperFactor();
            q = q.times(LU.factor(r).solve(Matrix.identity(n)));
        }
        return q;
    }

    /**
     * K' = QΛQᵀ with Λ the eigenvalues of the symmetric matrix K (n×n, symmetrised first) and Q = {@link #haarOrthogonal}.
     * K' is symmetric with K's spectrum. Cost: one symmetric eigendecomposition plus about 5n³ flops.
     */
    public static Matrix randomSpectrum(Matrix k, RandomGenerator rng) {
        if (k.rows() != k.cols()) {
            throw new IllegalArgumentException("random spectrum: K is " + k.shape() + ", not square");
        }
        Matrix sym = k.copy();
        sym.symmetrizeInPlace();
        double[] lambda = SymmetricEigen.of(sym).values();
        Matrix q = haarOrthogonal(k.rows(), rng);
        Matrix qLambda = q.copy();
        qLambda.scaleColumnsInPlace(lambda);
        Matrix out = qLambda.timesTranspose(q);
        out.symmetrizeInPlace();
        return out;
    }
}
