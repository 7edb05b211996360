package org.featurelab.kernel;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Cholesky;
import org.featurelab.linalg.LU;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.NotPositiveDefiniteException;
import org.featurelab.linalg.SolverWorkspace;

/**
 * Kernel ridge regression coefficients α = (K + λI)⁻¹·Y for multi-output targets Y (n×c).
 *
 * <p>λ &gt; 0: Cholesky (n³/3 flops). If the factorisation fails (K is PSD only up to round-off), the solve
 * is retried with jitter ε·I added, ε = 10⁻¹²·mean(diag K) growing ×100 up to 10⁻⁴·mean(diag K); the jitter
 * used is reported in {@link Solution#jitter()}. λ = 0 means interpolation: an LU solve with partial
 * pivoting (2n³/3 flops), which fails with a clear message if K is exactly singular.
 * On the training points the fitted values satisfy f(xᵢ) − yᵢ = −λ·αᵢ.
 */
public final class KernelRidge {
    private static final double FIRST_JITTER = 1e-12;
    private static final double LAST_JITTER = 1e-4;

    private KernelRidge() {
    }

    /** α and how it was obtained. */
    public record Solution(Matrix alpha, String method, double jitter) {
    }

    /**
     * Solves (K + λI)·α = Y in float64. {@code k} is not modified.
     *
     * @throws ArithmeticException if K or Y hold NaN/Inf, or no solve succeeded
     */
    public static Solution solve(Matrix k, Matrix y, double ridge) {
        return solve(k, y, ridge, Arithmetic.FLOAT64);
    }

    /**
     * As {@link #solve(Matrix, Matrix, double)} in the given arithmetic: under {@link Arithmetic#MIXED} the Cholesky
     * factorisation runs in float32 with float64 refinement (same backward error as float64). The caller resolves the
     * arithmetic ({@link org.featurelab.linalg.Precision#resolve}); {@link Arithmetic#FLOAT32} is rejected.
     */
    public static Solution solve(Matrix k, Matrix y, double ridge, Arithmetic arithmetic) {
        try (SolverWorkspace ws = new SolverWorkspace()) {
            return solve(k, y, ridge, arithmetic, ws);
        }
    }

    /**
     * Solves (K + λI)·α = Y for the K of a training Gram, in its arithmetic, reusing the native buffers of {@code ws}.
     * A K held {@link TrainingGram.Values.NativeUpper upper triangle in native memory} is solved in place by the
     * mixed-precision Cholesky solve ({@link Cholesky#solveShiftedUpper}, which leaves it unchanged for the jitter
     * retries); interpolation (λ = 0, LU) solves the full heap matrix mirrored from it.
     */
    public static Solution solve(TrainingGram gram, Matrix y, double ridge, SolverWorkspace ws) {
        if (!(gram.values() instanceof TrainingGram.Values.NativeUpper upper) || ridge == 0) {
            return solve(gram.k(), y, ridge, gram.arithmetic(), ws);
        }
        requireShapes(upper.n(), upper.n(), y, ridge, gram.arithmetic());
        y.requireFinite("kernel ridge: targets");
        return cholesky(shift -> Cholesky.solveShiftedUpper(upper.n(), upper.upper(), shift, y, ws), ridge,
                () -> gram.trace() / Math.max(1, upper.n()));
    }

    /**
     * As {@link #solve(Matrix, Matrix, double, Arithmetic)}, reusing the native buffers of {@code ws}. Under λ &gt; 0
     * only the upper triangle (j ≥ i) of K is read (and checked for NaN and ∞).
     */
    public static Solution solve(Matrix k, Matrix y, double ridge, Arithmetic arithmetic, SolverWorkspace ws) {
        requireShapes(k.rows(), k.cols(), y, ridge, arithmetic);
        y.requireFinite("kernel ridge: targets");   // K is checked by the factorisation itself (one n² scan, not two)
        if (ridge == 0) {
            return new Solution(LU.factor(k).solve(y), "lu", 0.0);
        }
        return cholesky(shift -> Cholesky.solveShifted(k, shift, y, arithmetic, ws), ridge,
                () -> k.trace() / Math.max(1, k.rows()));
    }

    private static void requireShapes(int rows, int cols, Matrix y, double ridge, Arithmetic arithmetic) {
        if (rows != cols || y.rows() != rows) {
            throw new IllegalArgumentException("kernel ridge: K is " + rows + "x" + cols + ", Y is " + y.shape());
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("kernel ridge: ridge must be finite and >= 0, got " + ridge);
        }
        if (arithmetic == Arithmetic.FLOAT32) {
            throw new IllegalArgumentException("kernel ridge: arithmetic must be float64 or mixed, not float32");
        }
    }

    /**
     * The Cholesky solve at shift λ, retried with jitter ε·mean(diag K) for ε = 10⁻¹², 10⁻¹⁰, … when K + λI is not
     * numerically positive definite (mean(diag K) is computed only then).
     */
    private static Solution cholesky(java.util.function.DoubleFunction<Cholesky.ShiftedSolution> solveAt, double ridge,
                                     java.util.function.DoubleSupplier meanDiagonal) {
        try {
            return solution(solveAt.apply(ridge), "cholesky", 0.0);
        } catch (NotPositiveDefiniteException first) {
            double meanDiag = Math.max(Double.MIN_NORMAL, meanDiagonal.getAsDouble());
            for (double eps = FIRST_JITTER; eps <= LAST_JITTER * 1.0001; eps *= 100) {
                try {
                    return solution(solveAt.apply(ridge + eps * meanDiag), "cholesky+jitter", eps * meanDiag);
                } catch (NotPositiveDefiniteException again) {
                    // try a larger jitter
                }
            }
            throw new ArithmeticException("kernel ridge: K + " + ridge + "·I is not positive definite even with jitter "
                    + LAST_JITTER * meanDiag + " (" + first.getMessage() + ")");
        }
    }

    private static Solution solution(Cholesky.ShiftedSolution s, String method, double jitter) {
        String m = s.arithmetic() == Arithmetic.MIXED
                ? method + " (mixed precision, " + s.refinements() + " refinements)" : method;
        return new Solution(s.x().requireFinite("kernel ridge"), m, jitter);
    }
}
