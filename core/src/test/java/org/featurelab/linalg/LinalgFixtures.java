package org.featurelab.linalg;

import java.util.Random;

/**
 * Random test matrices with fixed seeds and naive reference computations (plain triple loops) that the
 * BLAS/LAPACK-backed methods are checked against, plus the tolerances the linalg tests share.
 */
final class LinalgFixtures {
    /** Relative residual ‖AX − B‖/‖B‖ a backward-stable solve of a well-conditioned system reaches. */
    static final double SOLVE_RESIDUAL = 1e-12;
    /** Entry-wise agreement of a factorisation product (UᵀU, V·Λ·Vᵀ, VᵀV) with its original, relative to ‖A‖. */
    static final double FACTORISATION = 1e-12;

    private LinalgFixtures() {
    }

    /** rows×cols matrix of standard normal entries from {@code seed}. */
    static Matrix gaussian(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian();
        }
        return m;
    }

    /** Symmetric positive-definite A = BᵀB + n·I with B n×n Gaussian; well conditioned. */
    static Matrix randomSpd(int n, long seed) {
        Matrix b = gaussian(n, n, seed);
        Matrix a = naiveProduct(transposeNaive(b), b);
        for (int i = 0; i < n; i++) {
            a.set(i, i, a.get(i, i) + n);
        }
        return a;
    }

    /** Symmetric matrix (G + Gᵀ)/2 with G Gaussian. */
    static Matrix randomSymmetric(int n, long seed) {
        Matrix g = gaussian(n, n, seed);
        Matrix s = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s.set(i, j, 0.5 * (g.get(i, j) + g.get(j, i)));
            }
        }
        return s;
    }

    /** Q·diag(d)·Qᵀ with Q = I − 2vvᵀ/‖v‖² a Householder reflection (orthogonal and symmetric): spectrum d. */
    static Matrix withSpectrum(double[] d, long seed) {
        Matrix q = householder(d.length, seed);
        return naiveProduct(naiveProduct(q, Matrix.diagonal(d)), transposeNaive(q));
    }

    /** The Householder reflection I − 2vvᵀ/‖v‖² for a Gaussian v. */
    static Matrix householder(int n, long seed) {
        double[] v = gaussian(n, 1, seed).data();
        double vv = 0;
        for (double x : v) {
            vv += x * x;
        }
        Matrix q = Matrix.identity(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q.set(i, j, q.get(i, j) - 2 * v[i] * v[j] / vv);
            }
        }
        return q;
    }

    /** a·b by the textbook triple loop. */
    static Matrix naiveProduct(Matrix a, Matrix b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("naiveProduct: " + a.shape() + " by " + b.shape());
        }
        Matrix c = Matrix.zeros(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int k = 0; k < a.cols(); k++) {
                    s += a.get(i, k) * b.get(k, j);
                }
                c.set(i, j, s);
            }
        }
        return c;
    }

    /** aᵀ by element copy. */
    static Matrix transposeNaive(Matrix a) {
        Matrix t = Matrix.zeros(a.cols(), a.rows());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                t.set(j, i, a.get(i, j));
            }
        }
        return t;
    }

    /** Relative residual ‖A·X − B‖_F / ‖B‖_F, with the product formed naively. */
    static double relativeResidual(Matrix a, Matrix x, Matrix b) {
        return naiveProduct(a, x).minus(b).frobeniusNorm() / b.frobeniusNorm();
    }
}
