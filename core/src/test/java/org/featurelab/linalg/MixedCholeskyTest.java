package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import static org.featurelab.linalg.LinalgFixtures.gaussian;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mixed-precision solve on a native upper triangle ({@link Cholesky#solveShiftedUpper}, {@link MixedCholesky}):
 * dsposv's stopping test holds for the returned X, the float32 failure falls back to float64, the triangle is read in
 * place and never changed (not even by the fallback), and NaN/∞ in it are reported with their position.
 */
class MixedCholeskyTest {

    /** Row-major n×n A written into a native buffer as its upper triangle, with {@code below} under the diagonal. */
    private static NativeDoubles upper(Matrix a, double below) {
        int n = a.rows();
        NativeDoubles t = new NativeDoubles().reserve((long) n * n);
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                row[j] = j >= i ? a.get(i, j) : below;
            }
            t.put((long) i * n, row, 0, n);
        }
        return t;
    }

    private static double[] snapshot(NativeDoubles t, long size) {
        double[] v = new double[(int) size];
        t.get(0, v, 0, v.length);
        return v;
    }

    /** An exp(−‖xᵢ − xⱼ‖/L) Gram matrix: positive definite, condition number large enough to need refinement. */
    private static Matrix laplaceGram(int n, int d, long seed) {
        Matrix x = gaussian(n, d, seed);
        Matrix k = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double diff = x.get(i, c) - x.get(j, c);
                    s += diff * diff;
                }
                k.set(i, j, Math.exp(-Math.sqrt(s) / 4.0));
            }
        }
        return k;
    }

    @Test
    void refinedSolutionMeetsTheDoublePrecisionStoppingTestAndLeavesTheTriangleAlone() {
        int n = 700;
        double shift = 1e-3;
        Matrix k = laplaceGram(n, 5, 61);
        Matrix b = gaussian(n, 3, 62);
        try (NativeDoubles t = upper(k, Double.NaN); SolverWorkspace ws = new SolverWorkspace()) {
            double[] before = snapshot(t, (long) n * n);
            Cholesky.ShiftedSolution s = Cholesky.solveShiftedUpper(n, t, shift, b, ws);
            assertEquals(Arithmetic.MIXED, s.arithmetic());
            assertTrue(s.refinements() >= 1 && s.refinements() <= 30, "refinements " + s.refinements());
            Matrix a = k.copy();
            a.addToDiagonalInPlace(shift);
            double norm = 0;   // ‖A + shift·I‖∞
            for (int i = 0; i < n; i++) {
                double row = 0;
                for (int j = 0; j < n; j++) {
                    row += Math.abs(a.get(i, j));
                }
                norm = Math.max(norm, row);
            }
            Matrix residual = a.times(s.x()).minus(b);
            for (int c = 0; c < 3; c++) {
                double r = 0;
                double xs = 0;
                for (int i = 0; i < n; i++) {
                    r = Math.max(r, Math.abs(residual.get(i, c)));
                    xs = Math.max(xs, Math.abs(s.x().get(i, c)));
                }
                // the solver's own residual passes ‖r‖ ≤ ‖x‖·‖A‖·ε·√n; recomputed here in another order, allow 4×
                assertTrue(r <= 4 * xs * norm * Math.ulp(1.0) / 2 * Math.sqrt(n), "column " + c + ": residual " + r);
            }
            Matrix dbl = Cholesky.solveShifted(k, shift, b, Arithmetic.FLOAT64, ws).x();
            assertClose(s.x(), dbl, 1e-9, 1e-12, "mixed against float64");
            double[] after = snapshot(t, (long) n * n);
            for (int i = 0; i < before.length; i++) {
                assertEquals(Double.doubleToRawLongBits(before[i]), Double.doubleToRawLongBits(after[i]), "A[" + i + "]");
            }
        }
    }

    /**
     * J = 11ᵀ with shift 10⁻⁹: in float32 1 + 10⁻⁹ rounds to 1, so the float32 factorisation meets a zero pivot; the
     * float64 fallback (on a copy) solves (J + 10⁻⁹I)x = b exactly enough, and the triangle stays as it was.
     */
    @Test
    void float32FailureFallsBackToFloat64OnACopy() {
        int n = 300;
        double shift = 1e-9;
        Matrix j = Matrix.zeros(n, n);
        java.util.Arrays.fill(j.data(), 1.0);
        Matrix b = gaussian(n, 2, 63);
        try (NativeDoubles t = upper(j, 7.0); SolverWorkspace ws = new SolverWorkspace()) {
            double[] before = snapshot(t, (long) n * n);
            Cholesky.ShiftedSolution s = Cholesky.solveShiftedUpper(n, t, shift, b, ws);
            assertEquals(Arithmetic.FLOAT64, s.arithmetic(), "fell back to float64");
            assertEquals(0, s.refinements());
            Matrix a = j.copy();
            a.addToDiagonalInPlace(shift);
            Matrix residual = a.times(s.x()).minus(b);
            assertTrue(residual.frobeniusNorm() <= 1e-5 * b.frobeniusNorm(), "residual " + residual.frobeniusNorm());
            double[] after = snapshot(t, (long) n * n);
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i], after[i], 0.0, "A[" + i + "]");
            }
            assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.solveShiftedUpper(n, t, -1.0, b, ws));
            double[] failed = snapshot(t, (long) n * n);
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i], failed[i], 0.0, "A[" + i + "] after a failed solve");
            }
        }
    }

    @Test
    void nonFiniteValuesInTheTriangleAreReportedWithTheirPosition() {
        int n = 300;
        Matrix b = gaussian(n, 1, 64);
        for (double bad : new double[]{Double.NaN, Double.POSITIVE_INFINITY}) {
            Matrix a = Matrix.identity(n);
            a.set(17, 250, bad);
            try (NativeDoubles t = upper(a, 0.0); SolverWorkspace ws = new SolverWorkspace()) {
                ArithmeticException e = assertThrows(ArithmeticException.class,
                        () -> Cholesky.solveShiftedUpper(n, t, 1.0, b, ws));
                assertFalse(e instanceof NotPositiveDefiniteException, "a non-finite value is not an indefiniteness");
                assertTrue(e.getMessage().contains("at (17, 250)") && e.getMessage().contains(Double.toString(bad)),
                        e.getMessage());
            }
        }
        Matrix a = Matrix.identity(4);
        a.set(2, 2, Double.NaN);   // the diagonal: small n runs on the calling thread
        try (NativeDoubles t = upper(a, 0.0); SolverWorkspace ws = new SolverWorkspace()) {
            ArithmeticException e = assertThrows(ArithmeticException.class,
                    () -> Cholesky.solveShiftedUpper(4, t, 1.0, gaussian(4, 1, 65), ws));
            assertTrue(e.getMessage().contains("at (2, 2)"), e.getMessage());
        }
    }

    @Test
    void shapesAndShiftAreChecked() {
        try (NativeDoubles t = new NativeDoubles().reserve(9); SolverWorkspace ws = new SolverWorkspace()) {
            for (double shift : new double[]{Double.NaN, Double.POSITIVE_INFINITY}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Cholesky.solveShiftedUpper(3, t, shift, Matrix.zeros(3, 1), ws));
                assertTrue(e.getMessage().contains("shift must be finite"), e.getMessage());
                assertThrows(IllegalArgumentException.class,
                        () -> Cholesky.solveShifted(Matrix.identity(3), shift, Matrix.zeros(3, 1), Arithmetic.MIXED, ws));
            }
            assertThrows(IllegalArgumentException.class, () -> Cholesky.solveShiftedUpper(3, t, 1.0, Matrix.zeros(4, 1), ws));
            assertThrows(IllegalArgumentException.class, () -> Cholesky.solveShiftedUpper(4, t, 1.0, Matrix.zeros(4, 1), ws));
        }
    }
}
