package org.featurelab.linalg;

/**
 * LU factorisation with partial pivoting (LAPACK dgetrf/dgetrs) of a square matrix, for general and
 * indefinite systems such as interpolation (ridge 0). Immutable; never overwrites its input.
 * Cost: 2n³/3 flops to factor, 2·n²·k to solve.
 */
public final class LU {
    private final int n;
    private final double[] lu;  // LAPACK column-major factors of Aᵀ
    private final int[] pivots;

    private LU(int n, double[] lu, int[] pivots) {
        this.n = n;
        this.lu = lu;
        this.pivots = pivots;
    }

    /**
     * @throws ArithmeticException if the matrix is not finite, or singular to working precision: a pivot
     *         |U_ii| ≤ n·ε·max|A_ij| (names the pivot). Exact LAPACK zero pivots are rare in floating point,
     *         e.g. a matrix with two equal random rows leaves a pivot of order ε·‖A‖ instead of 0.
     */
    public static LU factor(Matrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("lu: matrix is " + a.shape() + ", not square");
        }
        a.requireFinite("lu");
        int n = a.rows();
        double[] work = a.data().clone();
        int[] ipiv = new int[Math.max(1, n)];
        int info = Blas.getrfTransposedInPlace(n, work, ipiv);
        if (info > 0) {
            throw new ArithmeticException("lu: matrix " + n + "x" + n + " is singular (zero pivot " + info + ")");
        }
        if (info < 0) {
            throw new IllegalStateException("lu: LAPACK dgetrf rejected argument " + (-info));
        }
        double tol = n * Math.ulp(1.0) * a.maxAbs();
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(work[i * n + i]) > tol)) {
                throw new ArithmeticException("lu: matrix " + n + "x" + n + " is singular to working precision (pivot "
                        + (i + 1) + " is " + work[i * n + i] + ", tolerance " + tol + ")");
            }
        }
        return new LU(n, work, ipiv);
    }

    /** Solves A·X = B (B is n×k); returns a new matrix. */
    public Matrix solve(Matrix b) {
        if (b.rows() != n) {
            throw new IllegalArgumentException("lu solve: A is " + n + "x" + n + ", B is " + b.shape());
        }
        int k = b.cols();
        double[] colMajor = b.transpose().data(); // k×n row-major = n×k column-major
        int info = Blas.getrsTransposed(n, k, lu, pivots, colMajor);
        if (info != 0) {
            throw new IllegalStateException("lu solve: LAPACK dgetrs returned " + info);
        }
        Matrix x = Matrix.wrap(k, n, colMajor).transpose();
        return x.requireFinite("lu solve");
    }
}
