package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import static org.featurelab.linalg.LinalgFixtures.FACTORISATION;
import static org.featurelab.linalg.LinalgFixtures.SOLVE_RESIDUAL;
import static org.featurelab.linalg.LinalgFixtures.gaussian;
import static org.featurelab.linalg.LinalgFixtures.naiveProduct;
import static org.featurelab.linalg.LinalgFixtures.randomSpd;
import static org.featurelab.linalg.LinalgFixtures.relativeResidual;
import static org.featurelab.linalg.LinalgFixtures.transposeNaive;
import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Cholesky}: solves, the factor, log-determinant and failure modes. */
class CholeskyTest {
    private static final int N = 120;

    @Test
    void solveWithSeveralRightHandSidesHasSmallResidualAndAgreesWithLu() {
        Matrix a = randomSpd(N, 31);
        Matrix b = gaussian(N, 3, 32);

        Matrix x = Cholesky.factor(a).solve(b);

        assertEquals(N, x.rows());
        assertEquals(3, x.cols());
        double residual = relativeResidual(a, x, b);
        assertTrue(residual < SOLVE_RESIDUAL, "relative residual " + residual);
        assertClose(x, LU.factor(a).solve(b), ROUNDOFF, ROUNDOFF, "cholesky vs lu");
    }

    @Test
    void upperFactorIsUpperTriangularAndReproducesA() {
        Matrix a = randomSpd(60, 33);
        Matrix u = Cholesky.factor(a).upperFactor();
        for (int i = 0; i < u.rows(); i++) {
            assertTrue(u.get(i, i) > 0, "positive diagonal at " + i);
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, u.get(i, j), "strict lower triangle at (" + i + "," + j + ")");
            }
        }
        assertClose(naiveProduct(transposeNaive(u), u), a, 0, FACTORISATION * a.maxAbs(), "UᵀU");
    }

    @Test
    void logDeterminantEqualsSumOfLogEigenvalues() {
        Matrix a = randomSpd(N, 34);
        double expected = 0;
        for (double lambda : SymmetricEigen.of(a).values()) {
            expected += Math.log(lambda);
        }
        assertClose(Cholesky.factor(a).logDeterminant(), expected, ROUNDOFF, 0, "log det");
        assertClose(Cholesky.factor(Matrix.diagonal(new double[]{2, 3, 0.5})).logDeterminant(), Math.log(3.0),
                ROUNDOFF, 0, "log det of diag(2, 3, 1/2)");
    }

    @Test
    void readsOnlyTheUpperTriangleAndDoesNotModifyItsInput() {
        Matrix a = randomSpd(25, 35);
        Matrix untouched = a.copy();
        Matrix garbledLower = a.copy();
        for (int i = 1; i < 25; i++) {
            for (int j = 0; j < i; j++) {
                garbledLower.set(i, j, -1e6);
            }
        }
        Matrix b = gaussian(25, 2, 36);

        Matrix x = Cholesky.factor(a).solve(b);

        assertClose(a, untouched, 0, 0, "input after factor");
        assertClose(Cholesky.factor(garbledLower).solve(b), x, ROUNDOFF, ROUNDOFF, "lower triangle ignored");
    }

    @Test
    void factorOverwritingGivesTheSameSolutions() {
        Matrix a = randomSpd(40, 39);
        Matrix b = gaussian(40, 2, 40);
        Matrix expected = Cholesky.factor(a).solve(b);
        assertClose(Cholesky.factorOverwriting(a.copy()).solve(b), expected, ROUNDOFF, ROUNDOFF, "overwriting");
    }

    @Test
    void indefiniteMatrixReportsOrderOfFailingMinor() {
        Matrix a = Matrix.diagonal(new double[]{1, -1, 1});
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.factor(a));
        assertEquals(2, e.order());
        assertTrue(e.getMessage().contains("3x3"), e.getMessage());
    }

    @Test
    void nonFiniteInputIsRejectedAsArithmeticNotAsIndefinite() {
        Matrix a = randomSpd(4, 37);
        a.set(2, 3, Double.NaN);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Cholesky.factor(a));
        assertFalse(e instanceof NotPositiveDefiniteException, "NaN is not an indefiniteness");
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void shapeErrorsAndEmptyMatrix() {
        assertThrows(IllegalArgumentException.class, () -> Cholesky.factor(Matrix.zeros(3, 4)));
        Cholesky c = Cholesky.factor(randomSpd(5, 38));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.solve(Matrix.zeros(4, 1)));
        assertTrue(e.getMessage().contains("5x5") && e.getMessage().contains("4x1"), e.getMessage());

        Cholesky empty = Cholesky.factor(Matrix.zeros(0, 0));
        assertEquals(0, empty.size());
        assertEquals(0.0, empty.logDeterminant());
        assertEquals(0, empty.solve(Matrix.zeros(0, 2)).rows());
    }
}
