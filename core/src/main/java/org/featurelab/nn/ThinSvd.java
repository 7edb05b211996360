package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;

/**
 * Thin singular value decomposition A = U·diag(s)·Vᵀ of an m×p matrix, r = min(m, p), singular values
 * descending, U m×r and V p×r with orthonormal columns.
 *
 * <p>Computed from the symmetric eigendecomposition of the (m+p)×(m+p) block matrix B = [[0, A], [Aᵀ, 0]], whose
 * eigenpairs are (±sₖ, (uₖ, ±vₖ)/√2): the r largest eigenpairs give sₖ, uₖ and vₖ with absolute accuracy
 * ε·‖A‖ (unlike AᵀA, which squares the condition number). Each half is renormalised; a singular value below
 * ε·(m+p)·s₁ is set to 0 and its pair is replaced by columns completing the orthonormal sets (U and V stay
 * orthonormal, A is reproduced). Cost about 9(m+p)³ flops: meant for the small matrices of initialisation.
 */
public record ThinSvd(Matrix u, double[] singularValues, Matrix v) {

    public static ThinSvd of(Matrix a) {
        a.requireFinite("svd");
        int m = a.rows();
        int p = a.cols();
        int r = Math.min(m, p);
        Matrix block = Matrix.zeros(m + p, m + p);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                block.set(i, m + j, a.get(i, j));
                block.set(m + j, i, a.get(i, j));
            }
        }
        SymmetricEigen e = SymmetricEigen.of(block);
        double[] lambda = e.values();
        Matrix vectors = e.vectors();
        int size = m + p;
        double[] s = new double[r];
        Matrix u = Matrix.zeros(m, r);
        Matrix v = Matrix.zeros(p, r);
        double top = lambda[size - 1];
        double cut = Math.ulp(1.0) * size * Math.max(top, Double.MIN_NORMAL);
        for (int k = 0; k < r; k++) {
            int col = size - 1 - k;
            double sk = lambda[col];
            if (sk <= cut) {
                break; // remaining columns are filled below
            }
            s[k] = sk;
            double nu = 0;
            double nv = 0;
            for (int i = 0; i < m; i++) {
                nu += vectors.get(i, col) * vectors.get(i, col);
            }
            for (int j = 0; j < p; j++) {
                nv += vectors.get(m + j, col) * vectors.get(m + j, col);
            }
            nu = Math.sqrt(nu);
            nv = Math.sqrt(nv);
            for (int i = 0; i < m; i++) {
                u.set(i, k, vectors.get(i, col) / nu);
            }
            for (int j = 0; j < p; j++) {
                v.set(j, k, vectors.get(m + j, col) / nv);
            }
        }
        completeOrthonormal(u, s);
        completeOrthonormal(v, s);
        return new ThinSvd(u, s, v);
    }

    /** Singular values (a copy). */
    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** U·diag(s)·Vᵀ. */
    public Matrix reconstruct() {
        Matrix us = u.copy();
        us.scaleColumnsInPlace(singularValues);
        return us.timesTranspose(v);
    }

    /** Fills the columns k with s[k] == 0 by Gram–Schmidt on unit vectors, orthogonal to all earlier columns. */
    private static void completeOrthonormal(Matrix q, double[] s) {
        int m = q.rows();
        int candidate = 0;
        for (int k = 0; k < s.length; k++) {
            if (s[k] != 0) {
                continue;
            }
            while (candidate < m) {
                double[] x = new double[m];
                x[candidate++] = 1.0;
                for (int pass = 0; pass < 2; pass++) {
                    for (int j = 0; j < q.cols(); j++) {
                        if (j == k || (s[j] == 0 && j > k)) {
                            continue;
                        }
                        double d = 0;
                        for (int i = 0; i < m; i++) {
                            d += q.get(i, j) * x[i];
                        }
                        for (int i = 0; i < m; i++) {
                            x[i] -= d * q.get(i, j);
                        }
                    }
                }
                double norm = 0;
                for (double xi : x) {
                    norm += xi * xi;
                }
                norm = Math.sqrt(norm);
                if (norm > 0.5) {
                    for (int i = 0; i < m; i++) {
                        q.set(i, k, x[i] / norm);
                    }
                    break;
                }
            }
        }
    }
}
