package org.featurelab.kernel;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Cholesky;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Precision;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.featurelab.testing.Close.assertClose;
import static org.featurelab.testing.Close.relativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused training-Gram pass and the one-shot large-system solve agree with the plain paths; a training Gram is a
 * value the basis does not depend on.
 */
class TrainingGramTest {

    /** The named radial kernel (bandwidth 3) on x with a random 6-dimensional metric of the given seed. */
    private static RadialBasis radialBasis(String name, Matrix x, long metricSeed) {
        return (RadialBasis) Kernel.parse(name, 3.0).basis(x, RandomData.metric(6, false, metricSeed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"laplace", "gaussian"})
    void fusedTriangularGramEqualsQueryGramAndKeepsGradientWeights(String name) {
        int n = 1100;   // row blocks of 512 in the Gram pass: three blocks, the last one ragged
        Matrix x = RandomData.gaussian(n, 6, 41);
        RadialBasis basis = radialBasis(name, x, 42);
        Matrix viaQuery = basis.gram(x);
        TrainingGram plain = TrainingGram.of(viaQuery, Arithmetic.FLOAT64);   // holds no weights: computed per block
        Matrix weightsBefore = basis.weightsAtCenters(plain, 0, n).copy();
        TrainingGram gram = basis.trainingGram(Arithmetic.FLOAT64);
        assertInstanceOf(TrainingGram.Weights.Float64.class, gram.weights());
        Matrix fused = gram.k();
        assertClose(fused, viaQuery, 1e-12, 1e-14, "K(X, X)");
        for (int i = 0; i < n; i++) {
            assertClose(fused.get(i, i), 1.0, 0, 0, "self similarity");
            for (int j = 0; j < i; j++) {
                assertClose(fused.get(i, j), fused.get(j, i), 0, 0, "exact symmetry");
            }
        }
        assertClose(basis.weightsAtCenters(gram, 0, n), weightsBefore, 1e-12, 1e-14, "held W (all blocks, mirrored)");
        assertClose(basis.weightsAtCenters(gram, 500, 600), weightsBefore.rowRange(500, 600), 1e-12, 1e-14, "held W rows");
        Matrix alpha = RandomData.gaussian(n, 2, 43);
        assertClose(basis.gradientsAtCenters(gram, 10, 40, alpha), basis.gradients(x.rowRange(10, 40), alpha), 1e-9, 1e-12,
                "gradients from held weights");
        assertClose(basis.gradientsAtCenters(plain, 10, 40, alpha), basis.gradients(x.rowRange(10, 40), alpha), 1e-9,
                1e-12, "gradients from weights computed for the rows");
        assertEquals(n, basis.gradientBlockRows(gram, 2 * 6), "held W: all rows in one block");
        assertEquals(KernelBasis.blockRows(n, 2 * 6), basis.gradientBlockRows(plain, 2 * 6), "no W: bounded blocks");
    }

    /**
     * A last-iteration pass (no feature update follows) keeps no weights, and its K is the full pass's to the bit in
     * both arithmetics (the values-only maps give the weighted maps' values); gradients then come from weights computed
     * for their rows, as for any Gram without W.
     */
    @ParameterizedTest
    @ValueSource(strings = {"laplace", "gaussian"})
    void passWithoutAFollowingUpdateKeepsNoWeightsAndTheSameK(String name) {
        int n = 1100;
        Matrix x = RandomData.gaussian(n, 6, 61);
        RadialBasis basis = radialBasis(name, x, 62);
        Matrix alpha = RandomData.gaussian(n, 2, 63);
        for (Arithmetic arithmetic : new Arithmetic[]{Arithmetic.FLOAT64, Arithmetic.MIXED}) {
            try (GramWorkspace withW = new GramWorkspace(); GramWorkspace withoutW = new GramWorkspace()) {
                TrainingGram full = basis.trainingGram(arithmetic, withW, true);
                TrainingGram last = basis.trainingGram(arithmetic, withoutW, false);
                assertInstanceOf(TrainingGram.Weights.None.class, last.weights(), arithmetic + ": no weights kept");
                assertTrue(!(full.weights() instanceof TrainingGram.Weights.None), arithmetic + ": the full pass keeps W");
                assertEquals(full.values().getClass(), last.values().getClass(), arithmetic + ": K held alike");
                assertClose(last.k(), full.k(), 0, 0, arithmetic + ": the same K to the bit");
                Matrix expected = basis.gradients(x.rowRange(10, 40), alpha);
                Matrix actual = basis.gradientsAtCenters(last, 10, 40, alpha);
                if (arithmetic == Arithmetic.MIXED) {   // a float32 gradient product: 10⁻⁵ relative in Frobenius norm
                    double relative = relativeError(actual, expected);
                    assertTrue(relative < 1e-5, arithmetic + ": gradients without held weights, relative " + relative);
                } else {
                    assertClose(actual, expected, 1e-9, 1e-12, arithmetic + ": gradients without held weights");
                }
            }
        }
    }

    /**
     * The basis keeps nothing from a Gram pass: the weights of one pass are read from the value it returned, so a
     * later pass of another arithmetic (into another workspace) changes nothing for the earlier value, and a
     * training Gram of another size is refused.
     */
    @Test
    void trainingGramsAreValuesTheBasisDoesNotDependOn() {
        int n = 300;
        Matrix x = RandomData.gaussian(n, 5, 51);
        Metric metric = RandomData.metric(5, false, 52);
        RadialBasis basis = (RadialBasis) new Laplace(4.0).basis(x, metric);
        Matrix alpha = RandomData.gaussian(n, 3, 53);
        TrainingGram first = basis.trainingGram(Arithmetic.FLOAT64);
        Matrix before = basis.gradientsAtCenters(first, 0, n, alpha);
        TrainingGram mixed = basis.trainingGram(Arithmetic.MIXED, new GramWorkspace());
        assertInstanceOf(TrainingGram.Weights.Float32.class, mixed.weights());
        assertEquals(Arithmetic.MIXED, mixed.arithmetic());
        assertClose(basis.gradientsAtCenters(first, 0, n, alpha), before, 0, 0, "the float64 value is unaffected");
        assertInstanceOf(TrainingGram.Values.NativeUpper.class, mixed.values(),
                "a mixed-arithmetic pass writes K's upper triangle into native memory");
        assertClose(mixed.k(), first.k(), 0, 0, "K is float64 under both arithmetics");
        double rel = basis.gradientsAtCenters(mixed, 0, n, alpha).minus(before).frobeniusNorm() / before.frobeniusNorm();
        assertTrue(rel > 0 && rel < 1e-5, "float32 GEMM from the float32 W: relative difference " + rel);

        RadialBasis other = (RadialBasis) new Laplace(4.0).basis(x.rowRange(0, n - 1), metric);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> other.gradientsAtCenters(first, 0, n - 1, alpha.rowRange(0, n - 1)));
        assertTrue(e.getMessage().contains("300 centres") && e.getMessage().contains("299"), e.getMessage());
    }

    /**
     * Under mixed arithmetic the pass writes only the upper triangles, K into native memory: K's upper triangle is the
     * float64 pass's to the bit, the Cholesky solve of the native triangle (with NaN below the diagonal) equals the
     * mixed solve of the full heap K exactly and leaves the triangle unchanged, and every row range of the float32 W
     * read back from the native triangle (the entries below the diagonal come from the rows above) is the float64 W
     * rounded to float32.
     */
    @ParameterizedTest
    @ValueSource(strings = {"laplace", "gaussian"})
    void upperOnlyMixedGramHoldsTheSymmetricMatrices(String name) {
        int n = 1100;
        Matrix x = RandomData.gaussian(n, 6, 55);
        RadialBasis basis = radialBasis(name, x, 56);
        TrainingGram full = basis.trainingGram(Arithmetic.FLOAT64);
        try (GramWorkspace ws = new GramWorkspace()) {
            TrainingGram upper = basis.trainingGram(Arithmetic.MIXED, ws);
            assertInstanceOf(TrainingGram.Values.Full.class, full.values());
            org.featurelab.linalg.NativeDoubles triangle =
                    assertInstanceOf(TrainingGram.Values.NativeUpper.class, upper.values()).upper();
            double[] value = new double[1];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    assertEquals(full.k().get(i, j), triangle.get((long) i * n + j), 0.0, "K(" + i + ", " + j + ")");
                }
                for (int j = 0; j < i; j++) {
                    value[0] = (i + j) % 2 == 0 ? Double.NaN : 1e6;   // whatever stands below the diagonal is not read
                    triangle.put((long) i * n + j, value, 0, 1);
                }
            }
            assertEquals(full.k().trace(), upper.trace(), 0.0, "trace from the native diagonal");
            Matrix y = RandomData.gaussian(n, 2, 57);
            try (org.featurelab.linalg.SolverWorkspace sw = new org.featurelab.linalg.SolverWorkspace()) {
                Matrix fromUpper = KernelRidge.solve(upper, y, 1e-2, sw).alpha();
                assertClose(fromUpper, KernelRidge.solve(full.k(), y, 1e-2, Arithmetic.MIXED).alpha(), 0, 0,
                        "the Cholesky solve reads the upper triangle only, in place");
                Matrix interpolated = KernelRidge.solve(upper, y, 0.0, sw).alpha();   // LU on the mirrored heap K
                assertClose(interpolated, KernelRidge.solve(full.k(), y, 0.0, Arithmetic.FLOAT64).alpha(), 0, 0,
                        "interpolation (λ = 0) solves the mirrored K");
            }
            Matrix w64 = basis.weightsAtCenters(full, 0, n);
            for (int[] range : new int[][]{{0, n}, {0, 1}, {37, 211}, {512, 1024}, {n - 5, n}}) {
                Matrix rows = basis.weightsAtCenters(upper, range[0], range[1]);
                assertEquals(range[1] - range[0], rows.rows());
                for (int r = 0; r < rows.rows(); r++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals((double) (float) w64.get(range[0] + r, j), rows.get(r, j), 0.0,
                                "W(" + (range[0] + r) + ", " + j + ") of rows " + range[0] + ".." + range[1]);
                    }
                }
            }
            assertClose(upper.k(), full.k(), 0, 0, "the native triangle is unchanged by the solves");
        }
    }

    /** One workspace serves every pass: the second pass reuses the storage the first value borrowed. */
    @Test
    void passesIntoOneWorkspaceReuseItsStorage() {
        Matrix x = RandomData.gaussian(200, 4, 54);
        GramWorkspace ws = new GramWorkspace();
        TrainingGram a = new Gaussian(3.0).basis(x, Metric.identity(4, false)).trainingGram(Arithmetic.FLOAT64, ws);
        TrainingGram b = new Gaussian(5.0).basis(x, Metric.identity(4, false)).trainingGram(Arithmetic.FLOAT64, ws);
        assertSame(a.k(), b.k(), "K storage borrowed from the workspace");
        assertSame(((TrainingGram.Weights.Float64) a.weights()).w(), ((TrainingGram.Weights.Float64) b.weights()).w(),
                "W storage borrowed from the workspace");
        assertClose(b.k(), new Gaussian(5.0).gram(x, x, Metric.identity(4, false)), 1e-12, 1e-14, "K of the second pass");
    }

    @Test
    void aNativeTriangleIsSolvedInMixedArithmeticOnly() {
        try (org.featurelab.linalg.NativeDoubles t = new org.featurelab.linalg.NativeDoubles().reserve(9)) {
            TrainingGram.Values.NativeUpper upper = new TrainingGram.Values.NativeUpper(3, t);
            assertEquals(3, new TrainingGram(upper, new TrainingGram.Weights.None(), Arithmetic.MIXED).size());
            assertThrows(IllegalArgumentException.class,
                    () -> new TrainingGram(upper, new TrainingGram.Weights.None(), Arithmetic.FLOAT64));
            assertThrows(IllegalArgumentException.class, () -> new TrainingGram.Values.NativeUpper(4, t));
        }
    }

    @Test
    void float32IsNotAKernelMachineArithmetic() {
        Matrix k = Matrix.identity(3);
        assertThrows(IllegalArgumentException.class, () -> TrainingGram.of(k, Arithmetic.FLOAT32));
        assertThrows(IllegalArgumentException.class, () -> KernelRidge.solve(k, Matrix.identity(3), 1.0, Arithmetic.FLOAT32));
        assertThrows(IllegalArgumentException.class,
                () -> Cholesky.solveShifted(k, 1.0, Matrix.identity(3), Arithmetic.FLOAT32));
    }

    @Test
    void mixedPrecisionSolveReachesDoublePrecisionBackwardError() {
        int n = 1600;
        Matrix x = RandomData.gaussian(n, 8, 44);
        Matrix k = new Laplace(4.0).gram(x, x, Metric.identity(8, false));
        Matrix y = RandomData.gaussian(n, 3, 45);
        double ridge = 1e-3;
        Cholesky.ShiftedSolution mixed = Cholesky.solveShifted(k, ridge, y, Arithmetic.MIXED);
        Cholesky.ShiftedSolution dbl = Cholesky.solveShifted(k, ridge, y, Arithmetic.FLOAT64);
        assertEquals(Arithmetic.MIXED, mixed.arithmetic());
        assertTrue(mixed.refinements() >= 1, "refined in mixed precision: " + mixed.refinements());
        assertEquals(Arithmetic.FLOAT64, dbl.arithmetic());
        assertEquals(0, dbl.refinements());
        assertTrue(KernelRidge.solve(k, y, ridge, Arithmetic.MIXED).method()
                .matches("cholesky \\(mixed precision, \\d+ refinements\\)"), "solve method names the refinements");
        assertEquals("cholesky", KernelRidge.solve(k, y, ridge, Arithmetic.FLOAT64).method());
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
        int n = 1600;   // ≥ Precision.MIXED_MIN_SIZE, so a mixed-precision fit takes the float32 GEMM path
        assertEquals(Arithmetic.MIXED, Precision.MIXED.resolve(n));
        Matrix x = RandomData.gaussian(n, 12, 46);
        Matrix y = RandomData.gaussian(n, 3, 47);
        Metric metric = RandomData.metric(12, false, 48);
        KernelBasis basis = new Laplace(6.0).basis(x, metric);
        TrainingGram dbl = basis.trainingGram(Arithmetic.FLOAT64);
        TrainingGram mixed = basis.trainingGram(Arithmetic.MIXED);
        Matrix k = dbl.k();
        assertClose(mixed.k(), k, 0, 0, "the Gram matrix itself stays float64");
        Matrix alpha = KernelRidge.solve(k, y, 1e-2).alpha();
        Matrix gd = basis.gradientsAtCenters(dbl, 0, n, alpha);
        Matrix gm = basis.gradientsAtCenters(mixed, 0, n, alpha);
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
        KernelBasis basis = new Laplace(8.0).basis(x, metric);
        TrainingGram dbl = basis.trainingGram(Arithmetic.FLOAT64);
        TrainingGram mixed = basis.trainingGram(Arithmetic.MIXED);
        Matrix k = dbl.k();
        Matrix alpha = KernelRidge.solve(k, y, 1e-2).alpha();
        Matrix gd = basis.gradientsAtCenters(dbl, 0, n, alpha);
        Matrix gm = basis.gradientsAtCenters(mixed, 0, n, alpha);
        double rel = gm.minus(gd).frobeniusNorm() / gd.frobeniusNorm();
        assertTrue(rel < 1e-5, "mixed vs double gradients on offset data: relative error " + rel);
        // FACT from the float32-held weights (widened row blocks) against float64
        Matrix factD = org.featurelab.rfm.FeatureMatrices.fact(basis, dbl, alpha);
        Matrix factM = org.featurelab.rfm.FeatureMatrices.fact(basis, mixed, alpha);
        double relFact = factM.minus(factD).frobeniusNorm() / factD.frobeniusNorm();
        assertTrue(relFact < 1e-5, "mixed vs double FACT on offset data: relative error " + relFact);
    }

    @Test
    void solverWorkspaceRefusesUseAfterClose() {
        org.featurelab.linalg.SolverWorkspace ws = new org.featurelab.linalg.SolverWorkspace();
        Matrix a = Matrix.identity(3);
        Matrix b = Matrix.of(new double[][]{{1}, {2}, {3}});
        assertClose(Cholesky.solveShifted(a, 1.0, b, Arithmetic.MIXED, ws).x(), b.scale(0.5), 1e-15, 0, "(I + I)x = b");
        ws.close();
        assertThrows(IllegalStateException.class, () -> Cholesky.solveShifted(a, 1.0, b, Arithmetic.MIXED, ws));
    }
}
