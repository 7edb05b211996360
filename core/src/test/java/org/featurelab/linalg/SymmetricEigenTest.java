package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.featurelab.linalg.LinalgFixtures.FACTORISATION;
import static org.featurelab.linalg.LinalgFixtures.naiveProduct;
import static org.featurelab.linalg.LinalgFixtures.randomSymmetric;
import static org.featurelab.linalg.LinalgFixtures.transposeNaive;
import static org.featurelab.linalg.LinalgFixtures.withSpectrum;
import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SymmetricEigen}: ordering, orthogonality, the eigen-equation and reconstruction. */
class SymmetricEigenTest {
    private static final int N = 80;

    @Test
    void knownTwoByTwo() {
        SymmetricEigen e = SymmetricEigen.of(Matrix.of(new double[][]{{2, 1}, {1, 2}}));
        assertClose(e.values(), new double[]{1, 3}, ROUNDOFF, ROUNDOFF, "eigenvalues");
        // eigenvector of 3 is ±(1, 1)/√2
        Matrix v = e.vectors();
        assertClose(Math.abs(v.get(0, 1)), Math.sqrt(0.5), ROUNDOFF, 0, "v(0,1)");
        assertClose(v.get(0, 1) * v.get(1, 1), 0.5, ROUNDOFF, 0, "v(0,1)·v(1,1)");
    }

    @Test
    void recoversAPrescribedSpectrumInAscendingOrder() {
        double[] d = {4.0, -2.5, 0.0, 7.25, 1.0, -9.0};
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        assertClose(SymmetricEigen.of(withSpectrum(d, 51)).values(), sorted, ROUNDOFF, ROUNDOFF, "spectrum");
    }

    @Test
    void valuesAscendVectorsOrthonormalAndSatisfyEigenEquation() {
        Matrix a = randomSymmetric(N, 52);
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] lambda = e.values();
        Matrix v = e.vectors();
        for (int i = 1; i < N; i++) {
            assertTrue(lambda[i - 1] <= lambda[i], "ascending at " + i);
        }
        assertClose(naiveProduct(transposeNaive(v), v), Matrix.identity(N), 0, FACTORISATION, "VᵀV");
        Matrix vLambda = v.copy();
        vLambda.scaleColumnsInPlace(lambda);
        assertClose(naiveProduct(a, v), vLambda, 0, FACTORISATION * a.maxAbs(), "A·V = V·Λ");
    }

    @Test
    void reconstructWithIdentityGivesBackTheMatrix() {
        Matrix a = randomSymmetric(N, 53);
        assertClose(SymmetricEigen.of(a).reconstruct(x -> x), a, 0, FACTORISATION * a.maxAbs(), "V·Λ·Vᵀ");
    }

    @Test
    void readsOnlyUpperTriangleAndDoesNotModifyInput() {
        Matrix a = randomSymmetric(12, 54);
        Matrix before = a.copy();
        Matrix garbledLower = a.copy();
        for (int i = 1; i < 12; i++) {
            for (int j = 0; j < i; j++) {
                garbledLower.set(i, j, 100.0);
            }
        }
        double[] values = SymmetricEigen.of(a).values();
        assertClose(a, before, 0, 0, "input");
        assertClose(SymmetricEigen.of(garbledLower).values(), values, ROUNDOFF, ROUNDOFF, "lower triangle ignored");
    }

    @Test
    void accessorsReturnCopiesAndErrorsAreTyped() {
        SymmetricEigen e = SymmetricEigen.of(Matrix.diagonal(new double[]{3, 1}));
        e.values()[0] = 99;
        e.vectors().set(0, 0, 99);
        assertClose(e.values(), new double[]{1, 3}, 0, 0, "values unchanged");
        assertClose(Math.abs(e.vectors().get(0, 0)), 0.0, 0, 0, "vectors unchanged");

        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(Matrix.zeros(2, 3)));
        Matrix nan = Matrix.identity(2);
        nan.set(0, 0, Double.NaN);
        assertThrows(ArithmeticException.class, () -> SymmetricEigen.of(nan));
        assertEquals(0, SymmetricEigen.of(Matrix.zeros(0, 0)).values().length);
    }
}
