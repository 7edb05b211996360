package org.featurelab.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.featurelab.linalg.LinalgFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The re-blocked refinement operations ({@link ThinBlas}) against what they replace: C − A·X against the product
 * with both triangles of A in float64, and the blocked (L·Lᵀ)⁻¹·X against LAPACK's spotrs on the same float32 factor.
 * Sizes below, at and past the blocking threshold, with n not a multiple of the block and two block heights (64 and
 * 108); the triangle that must not be read holds NaN, so any read of it shows.
 */
class ThinBlasTest {
    private static final int K = 10;

    @ParameterizedTest
    @ValueSource(ints = {300, 512, 1100, 2600})
    void subtractSymmetricProductIsCMinusAXWithoutReadingTheUpperTriangle(int n) {
        Matrix a = diagonallyDominant(n, 71);
        Matrix x = gaussian(n, K, 72);
        Matrix c = gaussian(n, K, 73);
        try (DoublePointer pa = new DoublePointer((long) n * n); DoublePointer px = columnMajor(x);
             DoublePointer pc = columnMajor(c)) {
            for (int j = 0; j < n; j++) {          // column-major lower triangle = row-major upper; NaN above it
                for (int i = 0; i < n; i++) {
                    pa.put((long) j * n + i, i >= j ? a.get(i, j) : Double.NaN);
                }
            }
            ThinBlas.subtractSymmetricProductInPlace(n, K, pa, px, pc);
            Matrix expected = c.minus(a.times(x));
            double scale = a.maxAbs() * x.maxAbs() * n;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < K; k++) {
                    double got = pc.get((long) k * n + i);
                    assertTrue(Math.abs(got - expected.get(i, k)) <= 1e-14 * scale,
                            "n = " + n + ": C[" + i + "][" + k + "] = " + got + ", expected " + expected.get(i, k));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 512, 1100, 2600})
    void choleskySolveInPlaceAgreesWithSpotrsOnTheSameFactor(int n) {
        Matrix a = diagonallyDominant(n, 81);
        Matrix b = gaussian(n, K, 82);
        try (FloatPointer l = new FloatPointer((long) n * n); FloatPointer blocked = new FloatPointer((long) n * K);
             FloatPointer reference = new FloatPointer((long) n * K)) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    l.put((long) j * n + i, i >= j ? (float) a.get(i, j) : Float.NaN);
                }
            }
            assertEquals(0, openblas.LAPACKE_spotrf_work(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, l, n));
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < K; k++) {
                    blocked.put((long) k * n + i, (float) b.get(i, k));
                    reference.put((long) k * n + i, (float) b.get(i, k));
                }
            }
            ThinBlas.choleskySolveInPlace(n, K, l, blocked);
            assertEquals(0, openblas.LAPACKE_spotrs_work(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, K, l, n, reference, n));
            for (int k = 0; k < K; k++) {
                double max = 0;
                double diff = 0;
                for (int i = 0; i < n; i++) {
                    float r = reference.get((long) k * n + i);
                    assertTrue(Float.isFinite(blocked.get((long) k * n + i)), "n = " + n + ": X[" + i + "][" + k + "]");
                    max = Math.max(max, Math.abs(r));
                    diff = Math.max(diff, Math.abs(blocked.get((long) k * n + i) - r));
                }
                // two float32 triangular solves summed in another order: a few hundred float32 ulps of the largest entry
                assertTrue(diff <= 1e-4 * max, "n = " + n + ", column " + k + ": max difference " + diff + " of " + max);
            }
        }
    }

    /** Symmetric, off-diagonal entries uniform in [−1, 1), diagonal n + 1: positive definite by diagonal dominance. */
    private static Matrix diagonallyDominant(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        Matrix a = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            a.set(i, i, n + 1);
            for (int j = 0; j < i; j++) {
                double v = 2 * random.nextDouble() - 1;
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        return a;
    }

    private static DoublePointer columnMajor(Matrix m) {
        DoublePointer p = new DoublePointer((long) m.rows() * m.cols());
        for (int i = 0; i < m.rows(); i++) {
            for (int k = 0; k < m.cols(); k++) {
                p.put((long) k * m.rows() + i, m.get(i, k));
            }
        }
        return p;
    }
}
