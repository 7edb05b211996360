package org.featurelab.kernel;

import org.featurelab.linalg.Cholesky;
import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fused training-Gram pass and the one-shot large-system solve agree with the plain paths. */
class TrainingGramTest {

    @ParameterizedTest
    @ValueSource(strings = {"laplace", "gaussian"})
    void fusedTriangularGramEqualsQueryGramAndKeepsGradientWeights(String name) {
        int n = 1100;   // row blocks of 512 in the Gram pass: three blocks, the last one ragged
        Matrix x = RandomData.gaussian(n, 6, 41);
        RadialBasis basis = (RadialBasis) Kernel.parse(name, 3.0).basis(x, RandomData.metric(6, false, 42));
        Matrix viaQuery = basis.gram(x);
        Matrix weightsBefore = basis.weightsAtCenters(0, n).copy();
        Matrix fused = basis.gramAtCenters();
        assertClose(fused, viaQuery, 1e-12, 1e-14, "K(X, X)");
        for (int i = 0; i < n; i++) {
            assertClose(fused.get(i, i), 1.0, 0, 0, "self similarity");
            for (int j = 0; j < i; j++) {
                assertClose(fused.get(i, j), fused.get(j, i), 0, 0, "exact symmetry");
            }
        }
        assertClose(basis.weightsAtCenters(0, n), weightsBefore, 1e-12, 1e-14, "cached W (all blocks, mirrored)");
        assertClose(basis.weightsAtCenters(500, 600), weightsBefore.rowRange(500, 600), 1e-12, 1e-14, "cached W rows");
        Matrix alpha = RandomData.gaussian(n, 2, 43);
        assertClose(basis.gradientsAtCenters(10, 40, alpha), basis.gradients(x.rowRange(10, 40), alpha), 1e-9, 1e-12,
                "gradients from cached weights");
    }

    @Test
    void mixedPrecisionSolveReachesDoublePrecisionBackwardError() {
        int n = 1600;
        Matrix x = RandomData.gaussian(n, 8, 44);
        Matrix k = new Laplace(4.0).gram(x, x, Metric.identity(8, false));
        Matrix y = RandomData.gaussian(n, 3, 45);
        double ridge = 1e-3;
        Cholesky.ShiftedSolution mixed = Cholesky.solveShifted(k, ridge, y, true);
        Cholesky.ShiftedSolution dbl = Cholesky.solveShifted(k, ridge, y, false);
        assertTrue(mixed.mixedPrecision() && mixed.refinements() >= 1, "refined in mixed precision");
        Matrix shifted = k.copy();
        shifted.addToDiagonalInPlace(ridge);
        double bound = Math.sqrt(n) * 1.2e-16 * shifted.frobeniusNorm();
        for (Matrix sol : new Matrix[]{mixed.x(), dbl.x()}) {
            Matrix residual = shifted.times(sol).minus(y);
            for (int c = 0; c < 3; c++) {
                double r = 0;
                double xs = 0;
                for (int i = 0; i < n; i++) {
                    r = Math.max(r, Math.abs(residual.get(i, c)));
                    xs = Math.max(xs, Math.abs(sol.get(i, c)));
                }
                assertTrue(r <= bound * xs, "residual " + r + " > " + bound * xs);
            }
        }
        double diff = mixed.x().minus(dbl.x()).frobeniusNorm() / dbl.x().frobeniusNorm();
        assertTrue(diff < 1e-8, "mixed vs double relative difference " + diff);
    }

    @Test
    void mixedPrecisionGradientsStayWithinFloat32RoundOffOfDouble() {
        int n = 1600;   // ≥ Precision.MIXED_MIN_SIZE, so the float32 GEMM path is taken
        Matrix x = RandomData.gaussian(n, 12, 46);
        Matrix y = RandomData.gaussian(n, 3, 47);
        Metric metric = RandomData.metric(12, false, 48);
        KernelBasis dbl = new Laplace(6.0).basis(x, metric, org.featurelab.linalg.Precision.DOUBLE);
        KernelBasis mixed = new Laplace(6.0).basis(x, metric, org.featurelab.linalg.Precision.MIXED);
        Matrix k = dbl.gramAtCenters(new GramWorkspace());
        assertClose(mixed.gramAtCenters(new GramWorkspace()), k, 0, 0, "the Gram matrix itself stays float64");
        Matrix alpha = KernelRidge.solve(k, y, 1e-2).alpha();
        Matrix gd = dbl.gradientsAtCenters(0, n, alpha);
        Matrix gm = mixed.gradientsAtCenters(0, n, alpha);
        double rel = gm.minus(gd).frobeniusNorm() / gd.frobeniusNorm();
        assertTrue(rel < 1e-5, "mixed vs double gradients: relative error " + rel);
        assertTrue(rel > 0, "the mixed path should really run in float32");
    }

    @Test
    void mixedPrecisionGradientsStayAccurateForDataFarFromTheOrigin() {
        int n = 1600;
        Matrix x = RandomData.gaussian(n, 10, 49);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] += 100.0;   // raw, uncentred data: the gradient sums share a large common offset
        }
        Matrix y = RandomData.gaussian(n, 2, 50);
        Metric metric = Metric.identity(10, false);
        KernelBasis dbl = new Laplace(8.0).basis(x, metric, org.featurelab.linalg.Precision.DOUBLE);
        KernelBasis mixed = new Laplace(8.0).basis(x, metric, org.featurelab.linalg.Precision.MIXED);
        Matrix k = dbl.gramAtCenters(new GramWorkspace());
        mixed.gramAtCenters(new GramWorkspace());
        Matrix alpha = KernelRidge.solve(k, y, 1e-2).alpha();
        Matrix gd = dbl.gradientsAtCenters(0, n, alpha);
        Matrix gm = mixed.gradientsAtCenters(0, n, alpha);
        double rel = gm.minus(gd).frobeniusNorm() / gd.frobeniusNorm();
        assertTrue(rel < 1e-5, "mixed vs double gradients on offset data: relative error " + rel);
        // FACT from the float32-held weights (widened row blocks) against float64
        Matrix factD = org.featurelab.rfm.FeatureMatrices.fact(dbl, alpha);
        Matrix factM = org.featurelab.rfm.FeatureMatrices.fact(mixed, alpha);
        double relFact = factM.minus(factD).frobeniusNorm() / factD.frobeniusNorm();
        assertTrue(relFact < 1e-5, "mixed vs double FACT on offset data: relative error " + relFact);
    }

    @Test
    void solverWorkspaceRefusesUseAfterClose() {
        org.featurelab.linalg.SolverWorkspace ws = new org.featurelab.linalg.SolverWorkspace();
        Matrix a = Matrix.identity(3);
        Matrix b = Matrix.of(new double[][]{{1}, {2}, {3}});
        assertClose(Cholesky.solveShifted(a, 1.0, b, true, ws).x(), b.scale(0.5), 1e-15, 0, "(I + I)x = b");
        ws.close();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Cholesky.solveShifted(a, 1.0, b, true, ws));
    }
}
