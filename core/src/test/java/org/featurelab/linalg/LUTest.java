package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import static org.featurelab.linalg.LinalgFixtures.SOLVE_RESIDUAL;
import static org.featurelab.linalg.LinalgFixtures.gaussian;
import static org.featurelab.linalg.LinalgFixtures.relativeResidual;
import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LU}: solves of general systems and detection of singular matrices. */
class LUTest {

    /**
     * n = 300 is past the size (≈150) where OpenBLAS's multi-threaded dgetrf used to overflow the 1 MiB Java
     * thread stack and crash the JVM; {@link Blas} now runs it on a thread with a large stack.
     */
    @Test
    void solvesRandomNonsymmetricSystemWithSeveralRightHandSides() {
        Matrix a = gaussian(300, 300, 41);
        a.addToDiagonalInPlace(40.0); // keeps the random matrix comfortably non-singular
        Matrix b = gaussian(300, 4, 42);
        Matrix x = LU.factor(a).solve(b);
        double residual = relativeResidual(a, x, b);
        assertTrue(residual < SOLVE_RESIDUAL, "relative residual " + residual);
    }

    @Test
    void solvesKnownPermutationSystem() {
        // needs a row exchange: the (0,0) entry is zero
        Matrix a = Matrix.of(new double[][]{{0, 2}, {3, 1}});
        Matrix x = LU.factor(a).solve(Matrix.of(new double[][]{{4}, {5}}));
        // 2y = 4, 3x + y = 5  →  y = 2, x = 1
        assertClose(x, Matrix.of(new double[][]{{1}, {2}}), ROUNDOFF, ROUNDOFF, "x");
    }

    @Test
    void exactlySingularMatrixWithEqualRowsIsRejected() {
        Matrix a = Matrix.of(new double[][]{{1, 2, 3}, {1, 2, 3}, {4, 5, 7}});
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> LU.factor(a));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }

    @Test
    void randomMatrixWithTwoEqualRowsIsSingularToWorkingPrecision() {
        // LAPACK leaves a pivot of order ε·‖A‖ here rather than an exact zero; the solve would return ~1e16 garbage
        Matrix a = gaussian(40, 40, 43);
        System.arraycopy(a.row(3), 0, a.data(), 17 * 40, 40);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> LU.factor(a));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }

    @Test
    void doesNotModifyItsInputOrRightHandSide() {
        Matrix a = gaussian(30, 30, 44);
        a.addToDiagonalInPlace(10.0);
        Matrix b = gaussian(30, 2, 45);
        Matrix a0 = a.copy();
        Matrix b0 = b.copy();
        LU.factor(a).solve(b);
        assertClose(a, a0, 0, 0, "A");
        assertClose(b, b0, 0, 0, "B");
    }

    @Test
    void shapeErrorsNonFiniteAndEmpty() {
        assertThrows(IllegalArgumentException.class, () -> LU.factor(Matrix.zeros(2, 3)));
        Matrix nan = Matrix.identity(3);
        nan.set(1, 2, Double.POSITIVE_INFINITY);
        assertThrows(ArithmeticException.class, () -> LU.factor(nan));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LU.factor(Matrix.identity(3)).solve(Matrix.zeros(2, 1)));
        assertTrue(e.getMessage().contains("3x3") && e.getMessage().contains("2x1"), e.getMessage());
        assertEquals(0, LU.factor(Matrix.zeros(0, 0)).solve(Matrix.zeros(0, 3)).rows());
    }
}
