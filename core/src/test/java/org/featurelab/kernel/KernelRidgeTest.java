package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import static org.featurelab.testing.RandomData.gaussian;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelRidgeTest {

    /** Solution of (K + λI)α = Y by naive Gaussian elimination with partial pivoting, written here as the reference. */
    static Matrix directSolve(Matrix a, Matrix b) {
        int n = a.rows();
        int c = b.cols();
        double[][] m = new double[n][n + c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a.get(i, j);
            }
            for (int k = 0; k < c; k++) {
                m[i][n + k] = b.get(i, k);
            }
        }
        for (int p = 0; p < n; p++) {
            int best = p;
            for (int i = p + 1; i < n; i++) {
                if (Math.abs(m[i][p]) > Math.abs(m[best][p])) {
                    best = i;
                }
            }
            double[] tmp = m[p];
            m[p] = m[best];
            m[best] = tmp;
            for (int i = p + 1; i < n; i++) {
                double f = m[i][p] / m[p][p];
                for (int j = p; j < n + c; j++) {
                    m[i][j] -= f * m[p][j];
                }
            }
        }
        Matrix x = Matrix.zeros(n, c);
        for (int k = 0; k < c; k++) {
            for (int i = n - 1; i >= 0; i--) {
                double s = m[i][n + k];
                for (int j = i + 1; j < n; j++) {
                    s -= m[i][j] * x.get(j, k);
                }
                x.set(i, k, s / m[i][i]);
            }
        }
        return x;
    }

    @Test
    void choleskySolveMatchesDirectSolveAndResidualIdentity() {
        Matrix x = gaussian(60, 4, 11);
        Matrix y = gaussian(60, 3, 12);
        Matrix k = new Laplace(2.0).gram(x, x, Metric.identity(4, false));
        double ridge = 0.1;
        KernelRidge.Solution s = KernelRidge.solve(k, y, ridge);
        assertEquals("cholesky", s.method());
        Matrix shifted = k.copy();
        shifted.addToDiagonalInPlace(ridge);
        assertClose(s.alpha(), directSolve(shifted, y), 1e-9, 1e-10, "alpha");
        // f(xᵢ) − yᵢ = −λαᵢ on the training points
        Matrix fitted = k.times(s.alpha());
        Matrix expected = y.minus(s.alpha().scale(ridge));
        assertClose(fitted, expected, 1e-9, 1e-10, "fitted values");
    }

    @Test
    void zeroRidgeInterpolates() {
        Matrix x = gaussian(40, 3, 13);
        Matrix y = gaussian(40, 2, 14);
        Matrix k = new Laplace(1.0).gram(x, x, Metric.identity(3, false));
        KernelRidge.Solution s = KernelRidge.solve(k, y, 0.0);
        assertEquals("lu", s.method());
        assertClose(k.times(s.alpha()), y, 1e-8, 1e-9, "interpolation");
    }

    @Test
    void jitterRetryIsReportedForSemidefiniteKernel() {
        // K = vvᵀ has rank 1: the second pivot of its Cholesky factorisation is exactly 0
        Matrix v = Matrix.of(new double[][]{{1}, {2}, {3}});
        Matrix k = v.timesTranspose(v);
        Matrix y = Matrix.of(new double[][]{{1}, {2}, {3}});
        KernelRidge.Solution s = KernelRidge.solve(k, y, 1e-300);
        assertEquals("cholesky+jitter", s.method());
        assertClose(s.jitter(), 1e-12 * 14.0 / 3.0, 1e-12, 0, "jitter = 1e-12 · mean(diag K)");
        Matrix shifted = k.copy();
        shifted.addToDiagonalInPlace(s.jitter() + 1e-300);
        assertClose(shifted.times(s.alpha()), y, 1e-4, 1e-6, "solve with the reported jitter");
    }

    @Test
    void rejectsNonFiniteInputsAndBadRidge() {
        Matrix k = Matrix.identity(3);
        Matrix y = Matrix.zeros(3, 1);
        y.set(1, 0, Double.NaN);
        assertThrows(ArithmeticException.class, () -> KernelRidge.solve(k, y, 1.0));
        Matrix upperNaN = Matrix.identity(3);
        upperNaN.set(0, 2, Double.POSITIVE_INFINITY);
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> KernelRidge.solve(upperNaN, Matrix.zeros(3, 1), 1.0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at (0, 2)"), e.getMessage());
        Matrix lowerNaN = Matrix.identity(3);
        lowerNaN.set(2, 0, Double.NaN);   // below the diagonal: never read by the Cholesky solve
        Matrix e0 = Matrix.zeros(3, 1);
        e0.set(0, 0, 1.0);
        org.junit.jupiter.api.Assertions.assertEquals(0.5, KernelRidge.solve(lowerNaN, e0, 1.0).alpha().get(0, 0), 1e-15,
                "(I + I)⁻¹e₀");
        assertThrows(IllegalArgumentException.class, () -> KernelRidge.solve(k, Matrix.zeros(3, 1), -1.0));
    }
}
