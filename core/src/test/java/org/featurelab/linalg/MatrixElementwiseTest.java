package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import static org.featurelab.linalg.LinalgFixtures.gaussian;
import static org.featurelab.linalg.LinalgFixtures.transposeNaive;
import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Java-side element-wise methods of {@link Matrix}: copies, row views, norms and reductions. */
class MatrixElementwiseTest {

    @Test
    void transposeMatchesElementCopyAcrossBlockBoundaries() {
        Matrix a = gaussian(130, 67, 21); // spans more than one 64×64 block in both directions
        Matrix t = a.transpose();
        assertEquals(67, t.rows());
        assertEquals(130, t.cols());
        assertClose(t, transposeNaive(a), 0, 0, "transpose");
        assertClose(t.transpose(), a, 0, 0, "transpose twice");
    }

    @Test
    void selectRowsCopiesRowsInGivenOrderWithRepeats() {
        Matrix a = gaussian(9, 4, 22);
        int[] index = {7, 0, 7, 3};
        Matrix s = a.selectRows(index);
        assertEquals(4, s.rows());
        for (int k = 0; k < index.length; k++) {
            assertClose(s.row(k), a.row(index[k]), 0, 0, "row " + k);
        }
        s.set(0, 0, 1e9);
        assertTrue(a.get(7, 0) != 1e9, "selectRows returns a copy");
    }

    @Test
    void rowRangeCopiesHalfOpenRange() {
        Matrix a = gaussian(10, 3, 23);
        Matrix r = a.rowRange(2, 6);
        assertEquals(4, r.rows());
        for (int i = 0; i < 4; i++) {
            assertClose(r.row(i), a.row(i + 2), 0, 0, "row " + i);
        }
        assertEquals(0, a.rowRange(5, 5).rows());
        assertThrows(IndexOutOfBoundsException.class, () -> a.rowRange(4, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> a.rowRange(5, 4));
    }

    @Test
    void rowSquaredNormsAndRowDotsMatchLoops() {
        // 300×300 crosses the 2^16-element threshold of the parallel path
        for (int n : new int[]{7, 300}) {
            Matrix a = gaussian(n, n, 24 + n);
            Matrix b = gaussian(n, n, 25 + n);
            double[] norms = new double[n];
            double[] dots = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    norms[i] += a.get(i, j) * a.get(i, j);
                    dots[i] += a.get(i, j) * b.get(i, j);
                }
            }
            assertClose(a.rowSquaredNorms(), norms, ROUNDOFF, 0, "rowSquaredNorms n=" + n);
            assertClose(a.rowDots(b), dots, ROUNDOFF, ROUNDOFF, "rowDots n=" + n);
        }
        assertThrows(IllegalArgumentException.class, () -> gaussian(3, 2, 1).rowDots(gaussian(2, 3, 1)));
    }

    @Test
    void frobeniusNormOfKnownMatrices() {
        assertClose(Matrix.of(new double[][]{{3, 0}, {0, -4}}).frobeniusNorm(), 5.0, ROUNDOFF, 0, "3-4-5");
        assertEquals(0.0, Matrix.zeros(3, 3).frobeniusNorm());

        Matrix a = gaussian(20, 11, 26);
        double s = 0;
        for (double v : a.data()) {
            s += v * v;
        }
        assertClose(a.frobeniusNorm(), Math.sqrt(s), ROUNDOFF, 0, "random");
    }

    @Test
    void frobeniusNormDoesNotOverflowOrUnderflow() {
        // the naive Σx² would be 2e400 = Infinity (resp. 2e-400 = 0)
        Matrix big = Matrix.of(new double[][]{{1e200, 0}, {0, -1e200}});
        assertClose(big.frobeniusNorm(), Math.sqrt(2) * 1e200, ROUNDOFF, 0, "1e200");
        Matrix tiny = Matrix.of(new double[][]{{1e-200, 1e-200}});
        assertClose(tiny.frobeniusNorm(), Math.sqrt(2) * 1e-200, ROUNDOFF, 0, "1e-200");
        assertTrue(Double.isNaN(Matrix.of(new double[][]{{1, Double.NaN}}).frobeniusNorm()), "NaN propagates");
    }

    @Test
    void traceAndDiagOfSquareAndRectangularMatrices() {
        Matrix a = Matrix.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
        assertClose(a.diag(), new double[]{1, 5}, 0, 0, "diag 2x3");
        assertClose(a.trace(), 6.0, 0, 0, "trace 2x3");

        Matrix sq = gaussian(13, 13, 27);
        double tr = 0;
        for (int i = 0; i < 13; i++) {
            tr += sq.get(i, i);
        }
        assertClose(sq.trace(), tr, ROUNDOFF, ROUNDOFF, "trace");
        assertClose(Matrix.diagonal(new double[]{2, -1, 7}).diag(), new double[]{2, -1, 7}, 0, 0, "diagonal/diag");
    }

    @Test
    void zerosRejectsNegativeShapesWithShapeInMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(-1, 5));
        assertTrue(e.getMessage().contains("-1x5"), e.getMessage());
    }
}
