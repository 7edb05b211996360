package org.featurelab.linalg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.featurelab.linalg.LinalgFixtures.gaussian;
import static org.featurelab.linalg.LinalgFixtures.naiveProduct;
import static org.featurelab.linalg.LinalgFixtures.transposeNaive;
import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BLAS-backed products (dgemm, dsyrk) of {@link Matrix} against naive triple loops. */
class MatrixProductTest {
    private static final int M = 37;
    private static final int K = 53;
    private static final int N = 29;

    @ParameterizedTest(name = "transA={0}, transB={1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void multiplyMatchesNaiveLoopForEveryTransposeCombination(boolean transA, boolean transB) {
        Matrix opA = gaussian(M, K, 1);
        Matrix opB = gaussian(K, N, 2);
        Matrix a = transA ? transposeNaive(opA) : opA;
        Matrix b = transB ? transposeNaive(opB) : opB;

        Matrix c = Matrix.multiply(a, transA, b, transB);

        assertEquals(M, c.rows());
        assertEquals(N, c.cols());
        assertClose(c, naiveProduct(opA, opB), ROUNDOFF, ROUNDOFF, "op(a)·op(b)");
    }

    /**
     * The arithmetic of {@link Matrix#multiply(Matrix, boolean, Matrix, boolean, Arithmetic)}: float64 is the dgemm
     * product; mixed and float32 are the product of the float32-rounded inputs accumulated in float32 (error about
     * k·2⁻²⁴·Σ|a||b| for k = 53), so they differ from the float64 product.
     */
    @ParameterizedTest(name = "transA={0}, transB={1}")
    @CsvSource({"false,false", "true,true"})
    void multiplyRunsInTheArithmeticItIsGiven(boolean transA, boolean transB) {
        Matrix opA = gaussian(M, K, 11);
        Matrix opB = gaussian(K, N, 12);
        Matrix a = transA ? transposeNaive(opA) : opA;
        Matrix b = transB ? transposeNaive(opB) : opB;
        Matrix exact = Matrix.multiply(a, transA, b, transB);
        assertClose(Matrix.multiply(a, transA, b, transB, Arithmetic.FLOAT64), exact, 0, 0, "float64 = dgemm");
        Matrix rounded = naiveProduct(roundedToFloat32(opA), roundedToFloat32(opB));
        for (Arithmetic arithmetic : new Arithmetic[]{Arithmetic.MIXED, Arithmetic.FLOAT32}) {
            Matrix c = Matrix.multiply(a, transA, b, transB, arithmetic);
            assertClose(c, rounded, 1e-5, 1e-5, arithmetic + ": product of the float32-rounded inputs");
            assertTrue(c.minus(exact).maxAbs() > 0, arithmetic + " should really run in float32");
        }
    }

    private static Matrix roundedToFloat32(Matrix m) {
        Matrix r = m.copy();
        double[] d = r.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) d[i];
        }
        return r;
    }

    @Test
    void namedProductsAgreeWithMultiply() {
        Matrix a = gaussian(M, K, 3);
        Matrix b = gaussian(K, N, 4);
        Matrix bt = transposeNaive(b);
        Matrix at = transposeNaive(a);
        Matrix expected = naiveProduct(a, b);

        assertClose(a.times(b), expected, ROUNDOFF, ROUNDOFF, "times");
        assertClose(a.timesTranspose(bt), expected, ROUNDOFF, ROUNDOFF, "timesTranspose");
        assertClose(at.transposeTimes(b), expected, ROUNDOFF, ROUNDOFF, "transposeTimes");
    }

    @Test
    void gemmInPlaceAccumulatesAlphaProductPlusBetaC() {
        Matrix a = gaussian(M, K, 5);
        Matrix bt = gaussian(N, K, 6);
        Matrix c0 = gaussian(M, N, 7);
        double alpha = -1.75;
        double beta = 0.5;
        Matrix expected = naiveProduct(a, transposeNaive(bt)).scale(alpha).plus(c0.scale(beta));

        Matrix c = c0.copy();
        Matrix.gemmInPlace(alpha, a, false, bt, true, beta, c);
        assertClose(c, expected, ROUNDOFF, ROUNDOFF, "alpha·a·btᵀ + beta·c");

        // a second call with beta = 1 adds the product again
        Matrix.gemmInPlace(alpha, a, false, bt, true, 1.0, c);
        Matrix twice = expected.plus(naiveProduct(a, transposeNaive(bt)).scale(alpha));
        assertClose(c, twice, ROUNDOFF, ROUNDOFF, "accumulated twice");
    }

    @Test
    void gemmWithEmptyInnerDimensionScalesCAndBetaZeroClearsNaN() {
        Matrix a = Matrix.zeros(3, 0);
        Matrix b = Matrix.zeros(0, 2);
        Matrix c = Matrix.of(new double[][]{{1, 2}, {3, 4}, {5, 6}});
        Matrix.gemmInPlace(1.0, a, false, b, false, 3.0, c);
        assertClose(c, Matrix.of(new double[][]{{3, 6}, {9, 12}, {15, 18}}), 0, 0, "beta·c for k = 0");

        Matrix poisoned = Matrix.of(new double[][]{{Double.NaN, 1}, {Double.POSITIVE_INFINITY, 2}, {3, 4}});
        Matrix.gemmInPlace(1.0, a, false, b, false, 0.0, poisoned);
        assertClose(poisoned, Matrix.zeros(3, 2), 0, 0, "beta = 0 does not read c");
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        Matrix a = gaussian(M, K, 8);
        Matrix b = gaussian(K - 1, N, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.times(b));
        assertTrue(e.getMessage().contains(M + "x" + K), e.getMessage());
        assertTrue(e.getMessage().contains((K - 1) + "x" + N), e.getMessage());

        Matrix wrongC = Matrix.zeros(M, N + 1);
        Matrix goodB = gaussian(K, N, 10);
        IllegalArgumentException ec = assertThrows(IllegalArgumentException.class,
                () -> Matrix.gemmInPlace(1, a, false, goodB, false, 0, wrongC));
        assertTrue(ec.getMessage().contains(M + "x" + (N + 1)), ec.getMessage());
    }

    @Test
    void gramOfColumnsIsSymmetricXtX() {
        Matrix x = gaussian(41, 17, 11);
        Matrix g = x.gramOfColumns();
        assertClose(g, naiveProduct(transposeNaive(x), x), ROUNDOFF, ROUNDOFF, "XᵀX");
        assertExactlySymmetric(g);
    }

    @Test
    void gramOfRowsIsSymmetricXXt() {
        Matrix x = gaussian(23, 38, 12);
        Matrix g = x.gramOfRows();
        assertClose(g, naiveProduct(x, transposeNaive(x)), ROUNDOFF, ROUNDOFF, "XXᵀ");
        assertExactlySymmetric(g);
    }

    private static void assertExactlySymmetric(Matrix g) {
        assertClose(g, transposeNaive(g), 0, 0, "symmetry");
    }
}
