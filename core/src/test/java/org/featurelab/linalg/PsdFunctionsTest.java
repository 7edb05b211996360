package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import static org.featurelab.linalg.LinalgFixtures.FACTORISATION;
import static org.featurelab.linalg.LinalgFixtures.gaussian;
import static org.featurelab.linalg.LinalgFixtures.naiveProduct;
import static org.featurelab.linalg.LinalgFixtures.randomSpd;
import static org.featurelab.linalg.LinalgFixtures.withSpectrum;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PsdFunctions}: matrix roots and powers through the eigendecomposition. */
class PsdFunctionsTest {
    private static final int N = 50;

    @Test
    void squareRootSquaredIsTheMatrix() {
        Matrix a = randomSpd(N, 61);
        Matrix r = PsdFunctions.sqrt(a);
        assertClose(r, r.transpose(), 0, 0, "sqrt symmetric");
        assertClose(naiveProduct(r, r), a, 0, FACTORISATION * a.maxAbs(), "sqrt(A)²");
    }

    @Test
    void cubeRootCubedIsTheMatrix() {
        Matrix a = randomSpd(N, 62);
        Matrix r = PsdFunctions.power(a, 1.0 / 3.0);
        assertClose(naiveProduct(naiveProduct(r, r), r), a, 0, FACTORISATION * a.maxAbs(), "(A^⅓)³");
    }

    @Test
    void knownPowerOfPrescribedSpectrum() {
        Matrix a = withSpectrum(new double[]{4, 9, 0.25}, 63);
        Matrix expected = withSpectrum(new double[]{8, 27, 0.125}, 63);
        assertClose(PsdFunctions.power(a, 1.5), expected, 0, FACTORISATION * 27, "A^1.5");
    }

    @Test
    void rankDeficientPsdMatrixWithRoundOffNegativeEigenvaluesGivesFiniteRoot() {
        Matrix x = gaussian(40, 5, 64);
        Matrix g = x.gramOfRows(); // 40×40 of rank 5
        double smallest = SymmetricEigen.of(g).values()[0];
        assertTrue(smallest < 0, "precondition: round-off makes the smallest eigenvalue negative, got " + smallest);

        Matrix r = PsdFunctions.sqrt(g);
        assertTrue(r.isFinite(), "no NaN from negative round-off eigenvalues");
        assertClose(naiveProduct(r, r), g, 0, FACTORISATION * g.maxAbs(), "sqrt(G)²");
        assertTrue(PsdFunctions.power(g, 0.25).isFinite(), "fourth root finite");
    }

    @Test
    void powerOneOfIndefiniteMatrixIsItsPsdProjection() {
        Matrix a = withSpectrum(new double[]{3, -2, 0.5, -7, 1}, 65);
        Matrix projection = withSpectrum(new double[]{3, 0, 0.5, 0, 1}, 65);
        assertClose(PsdFunctions.power(a, 1.0), projection, 0, FACTORISATION * a.maxAbs(), "PSD projection");
    }

    @Test
    void nonPositiveOrNonFiniteExponentsAreRejected() {
        Matrix a = Matrix.identity(3);
        for (double s : new double[]{0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PsdFunctions.power(a, s));
            assertTrue(e.getMessage().contains(String.valueOf(s)), e.getMessage());
        }
    }
}
