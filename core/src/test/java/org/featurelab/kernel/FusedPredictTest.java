package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused Laplace predictor ({@link RadialBasis#predict}: K(Z, X)·α without storing K) equals gram(Z)·α to rounding
 * — 10⁻¹³ of Σ|K||α| per entry — on a full metric, across several row blocks and a SIMD tail (n = 1,003 centres), also
 * at the centres themselves (the zero distances); and the scalar and SIMD row reductions agree to the same bound.
 */
class FusedPredictTest {
    @Test
    void fusedPredictionEqualsGramTimesAlpha() {
        int n = 1003;
        Matrix x = RandomData.gaussian(n, 6, 1);
        Metric metric = RandomData.metric(6, false, 2);
        Matrix alpha = RandomData.gaussian(n, 3, 3);
        RadialBasis basis = (RadialBasis) new Laplace(2.5).basis(x, metric);
        Matrix z = RandomData.gaussian(5000, 6, 4); // 5000 rows: three blocks of 2²¹/1003 = 2090 rows
        for (Matrix q : new Matrix[]{z, x}) {
            Matrix k = basis.gram(q);
            Matrix expected = k.times(alpha);
            Matrix actual = basis.predict(q, alpha);
            Matrix bound = abs(k).times(abs(alpha));
            for (int i = 0; i < expected.data().length; i++) {
                assertTrue(Math.abs(expected.data()[i] - actual.data()[i]) <= 1e-13 * bound.data()[i],
                        "entry " + i + ": " + actual.data()[i] + " vs " + expected.data()[i]);
            }
        }
    }

    private static Matrix abs(Matrix m) {
        Matrix a = m.copy();
        for (int i = 0; i < a.data().length; i++) {
            a.data()[i] = Math.abs(a.data()[i]);
        }
        return a;
    }

    @Test
    void scalarAndSimdRowReductionsAgree() {
        Matrix x = RandomData.gaussian(37, 4, 5);
        RadialBasis basis = (RadialBasis) new Laplace(1.5).basis(x, Metric.identity(4, false));
        Matrix zM = RandomData.gaussian(3, 4, 6);
        double[] norms = basis.centersTimesMetric().rowDots(x);
        double[] cross = zM.times(x.transpose()).scale(-2).data();
        double[] alphaT = RandomData.gaussian(2, 37, 7).data();
        for (int r = 0; r < 3; r++) {
            double rowNorm = zM.rowDots(zM)[r];
            double[] fast = new double[2];
            double[] ref = new double[2];
            KernelMaps.get().laplaceRowDot(cross.clone(), r * 37, rowNorm, norms, 37, 1.5, alphaT, 2, fast, 0);
            KernelMaps.scalar().laplaceRowDot(cross.clone(), r * 37, rowNorm, norms, 37, 1.5, alphaT, 2, ref, 0);
            for (int o = 0; o < 2; o++) {
                double scale = 0;
                for (int j = 0; j < 37; j++) {
                    scale += Math.abs(alphaT[o * 37 + j]);
                }
                assertEquals(ref[o], fast[o], 1e-14 * scale);
            }
        }
    }

    @Test
    void groupedOutputsGiveEachOutputsOwnBits() {
        int n = 53;   // not a multiple of any lane count: every output has a scalar tail
        int outputs = 6;   // one group of four, then two alone
        Matrix x = RandomData.gaussian(n, 4, 8);
        RadialBasis basis = (RadialBasis) new Laplace(1.5).basis(x, Metric.identity(4, false));
        double[] norms = basis.centersTimesMetric().rowDots(x);
        Matrix z = RandomData.gaussian(1, 4, 9);
        double rowNorm = z.rowDots(z)[0];
        double[] cross = z.times(x.transpose()).scale(-2).data();
        double[] alphaT = RandomData.gaussian(outputs, n, 10).data();
        for (KernelMaps maps : new KernelMaps[] {KernelMaps.get(), KernelMaps.scalar()}) {
            double[] all = new double[outputs];
            maps.laplaceRowDot(cross.clone(), 0, rowNorm, norms, n, 1.5, alphaT, outputs, all, 0);
            double[] ref = new double[outputs];
            KernelMaps.scalar().laplaceRowDot(cross.clone(), 0, rowNorm, norms, n, 1.5, alphaT, outputs, ref, 0);
            for (int o = 0; o < outputs; o++) {
                double[] alone = new double[1];
                double[] row = java.util.Arrays.copyOfRange(alphaT, o * n, (o + 1) * n);
                maps.laplaceRowDot(cross.clone(), 0, rowNorm, norms, n, 1.5, row, 1, alone, 0);
                assertEquals(alone[0], all[o], 0.0, maps.describe() + " output " + o + " alone and grouped");
                double scale = 0;
                for (int j = 0; j < n; j++) {
                    scale += Math.abs(alphaT[o * n + j]);
                }
                assertEquals(ref[o], all[o], 1e-14 * scale, maps.describe() + " output " + o + " against the scalar map");
            }
        }
    }
}
