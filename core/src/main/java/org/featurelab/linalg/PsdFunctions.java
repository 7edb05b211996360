package org.featurelab.linalg;

/** Functions of symmetric positive semi-definite matrices through their eigendecomposition. */
public final class PsdFunctions {
    private PsdFunctions() {
    }

    /**
     * Matrix power A^s = V·diag(max(λ, 0)^s)·Vᵀ of a symmetric matrix, with eigenvalues clipped at 0 so that
     * round-off negatives of a PSD matrix do not produce NaN. For s = 1 this is the PSD projection of A.
     *
     * @throws IllegalArgumentException if s ≤ 0
     */
    public static Matrix power(Matrix a, double s) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("psd power: exponent must be positive and finite, got " + s);
        }
        SymmetricEigen e = SymmetricEigen.of(symmetricCopy(a));
        return e.reconstruct(v -> v > 0 ? Math.pow(v, s) : 0.0);
    }

    /** Symmetric PSD square root (A^½). */
    public static Matrix sqrt(Matrix a) {
        return power(a, 0.5);
    }

    private static Matrix symmetricCopy(Matrix a) {
        Matrix c = a.copy();
        c.symmetrizeInPlace();
        return c;
    }
}
