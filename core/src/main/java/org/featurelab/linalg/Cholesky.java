package org.featurelab.linalg;

/**
 * Cholesky factorisation A = UᵀU of a symmetric positive-definite matrix (LAPACK dpotrf), and solves
 * with it (two BLAS dtrsm calls). Immutable once built. {@link #factor} leaves its input untouched;
 * {@link #factorOverwriting} reuses the input's storage for the factor, as its name says.
 *
 * <p>Cost: n³/3 flops to factor, 2·n²·k to solve with k right-hand sides.
 */
public final class Cholesky {
    private final int n;
    private final double[] upper; // row-major; upper triangle holds U

    private Cholesky(int n, double[] upper) {
        this.n = n;
        this.upper = upper;
    }

    /**
     * Factors a copy of {@code a} (only its upper triangle is read).
     *
     * @throws NotPositiveDefiniteException if a leading minor is not positive
     * @throws ArithmeticException if {@code a} holds NaN or infinity
     */
    public static Cholesky factor(Matrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("cholesky: matrix is " + a.shape() + ", not square");
        }
        a.requireFinite("cholesky");
        double[] work = a.data().clone();
        return factorInPlace(a.rows(), work);
    }

    /**
     * Factors {@code a} using its storage for the factor: afterwards {@code a} must not be used. Saves one
     * n×n copy for large kernel systems.
     */
    public static Cholesky factorOverwriting(Matrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("cholesky: matrix is " + a.shape() + ", not square");
        }
        a.requireFinite("cholesky");
        return factorInPlace(a.rows(), a.data());
    }

    /** Factors the row-major n×n array {@code work}, which becomes the factor's storage. */
    static Cholesky factorInPlace(int n, double[] work) {
        int info = Blas.potrfUpperInPlace(n, work);
        if (info > 0) {
            throw new NotPositiveDefiniteException(info, n);
        }
        if (info < 0) {
            throw new IllegalStateException("cholesky: LAPACK dpotrf rejected argument " + (-info));
        }
        return new Cholesky(n, work);
    }

    /**
     * Solution of a one-shot solve and how it was reached.
     *
     * @param x           the solution X
     * @param arithmetic  what X was computed in: {@link Arithmetic#MIXED} (float32 factor refined in float64), or
     *                    {@link Arithmetic#FLOAT64} — asked for, or the fallback when float32 was not enough
     * @param refinements float64 refinement steps under {@link Arithmetic#MIXED}; 0 otherwise
     */
    public record ShiftedSolution(Matrix x, Arithmetic arithmetic, int refinements) {
    }

    /**
     * Solves (A + shift·I)·X = B without keeping the factor: the fastest path for one large system. The
     * factorisation runs in native memory with a single copy of A. Under {@link Arithmetic#MIXED} it is done in
     * float32 with float64 iterative refinement to double-precision backward error ({@link MixedCholesky}, LAPACK
     * dsposv's algorithm, falling back to float64 when float32 is not enough); under {@link Arithmetic#FLOAT64} in float64
     * ({@link Arithmetic#FLOAT32} is rejected). Only the upper triangle (j ≥ i) of the row-major A is read (and
     * checked for NaN and ∞; its lower one may hold anything). {@code a}, {@code b} are not modified.
     *
     * @throws NotPositiveDefiniteException if A + shift·I is not positive definite
     */
    public static ShiftedSolution solveShifted(Matrix a, double shift, Matrix b, Arithmetic arithmetic) {
        try (SolverWorkspace ws = new SolverWorkspace()) {
            return solveShifted(a, shift, b, arithmetic, ws);
        }
    }

    /** As {@link #solveShifted(Matrix, double, Matrix, Arithmetic)}, in the native buffers of a reusable workspace. */
    public static ShiftedSolution solveShifted(Matrix a, double shift, Matrix b, Arithmetic arithmetic,
                                               SolverWorkspace ws) {
        if (a.rows() != a.cols() || b.rows() != a.rows()) {
            throw new IllegalArgumentException("cholesky solve: A is " + a.shape() + ", B is " + b.shape());
        }
        if (arithmetic != Arithmetic.MIXED) {
            a.requireFiniteUpper("cholesky solve: A");   // the mixed solve checks the triangle in its conversion pass
        }
        b.requireFinite("cholesky solve: B");
        Matrix x = b.copy();
        return shiftedSolution(Blas.spdSolveShifted(a.rows(), a.data(), shift, x.data(), b.cols(), arithmetic, ws), x,
                a.rows());
    }

    /**
     * As {@link #solveShifted(Matrix, double, Matrix, Arithmetic, SolverWorkspace)} under {@link Arithmetic#MIXED}
     * for an n×n A given by the upper triangle of its row-major storage in native memory ({@link Blas#spdSolveShiftedUpper}):
     * read in place, checked for NaN and ∞ as it is read, and left unchanged.
     *
     * @throws NotPositiveDefiniteException if A + shift·I is not positive definite
     */
    public static ShiftedSolution solveShiftedUpper(int n, NativeDoubles a, double shift, Matrix b, SolverWorkspace ws) {
        if (b.rows() != n) {
            throw new IllegalArgumentException("cholesky solve: A is " + n + "x" + n + ", B is " + b.shape());
        }
        b.requireFinite("cholesky solve: B");
        Matrix x = b.copy();
        return shiftedSolution(Blas.spdSolveShiftedUpper(n, a, shift, x.data(), b.cols(), ws), x, n);
    }

    private static ShiftedSolution shiftedSolution(Blas.SpdSolve s, Matrix x, int n) {
        if (s.info() > 0) {
            throw new NotPositiveDefiniteException(s.info(), n);
        }
        if (s.info() < 0) {
            throw new IllegalStateException("cholesky: LAPACK rejected argument " + (-s.info()));
        }
        return new ShiftedSolution(x, s.arithmetic(), s.refinements());
    }

    public int size() {
        return n;
    }

    /** Solves A·X = B for X (B is n×k); returns a new matrix. */
    public Matrix solve(Matrix b) {
        if (b.rows() != n) {
            throw new IllegalArgumentException("cholesky solve: A is " + n + "x" + n + ", B is " + b.shape());
        }
        Matrix x = b.copy();
        Blas.trsmLeftUpper(true, n, b.cols(), upper, x.data());   // Uᵀ Y = B
        Blas.trsmLeftUpper(false, n, b.cols(), upper, x.data());  // U X = Y
        return x;
    }

    /** log det A = 2 Σ log U_ii. */
    public double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(upper[i * n + i]);
        }
        return 2 * s;
    }

    /** The upper-triangular factor U (A = UᵀU) as a new matrix. */
    public Matrix upperFactor() {
        Matrix u = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                u.set(i, j, upper[i * n + j]);
            }
        }
        return u;
    }
}
