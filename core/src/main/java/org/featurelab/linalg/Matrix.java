package org.featurelab.linalg;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Dense real matrix over one flat {@code double[]} in <b>row-major</b> order: element (i, j) lives at
 * {@code data[i * cols + j]}.
 *
 * <p>Methods that return a new matrix have plain names ({@link #plus}, {@link #times}); methods that
 * mutate this matrix end in {@code InPlace}. Products go to the native BLAS ({@link Blas}); element-wise
 * loops stay in Java. Shapes are checked and reported as {@code "times: 3x4 by 5x2"}.
 */
public final class Matrix implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix: negative shape " + rows + "x" + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("matrix: " + rows + "x" + cols + " needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A rows×cols matrix of independent N(0, std²) entries, drawn from {@code rng} in row-major order. */
    public static Matrix gaussian(int rows, int cols, double std, java.util.random.RandomGenerator rng) {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = std * rng.nextGaussian();
        }
        return m;
    }

    /** A rows×cols matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix: negative shape " + rows + "x" + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix: " + rows + "x" + cols + " exceeds one Java array");
        }
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    /** The n×n identity. */
    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    /** Wraps a row-major array without copying: later writes to {@code data} are visible in the matrix. */
    public static Matrix wrap(int rows, int cols, double[] data) {
        return new Matrix(rows, cols, data);
    }

    /** Copies a rectangular {@code double[][]} (rows of equal length). */
    public static Matrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        Matrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("matrix: row " + i + " has " + values[i].length + " values, expected " + c);
            }
            System.arraycopy(values[i], 0, m.data, i * c, c);
        }
        return m;
    }

    /** Diagonal matrix with the given diagonal. */
    public static Matrix diagonal(double[] diag) {
        Matrix m = zeros(diag.length, diag.length);
        for (int i = 0; i < diag.length; i++) {
            m.data[i * diag.length + i] = diag[i];
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing row-major array (no copy). */
    public double[] data() {
        return data;
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    public void set(int i, int j, double v) {
        data[i * cols + j] = v;
    }

    public String shape() {
        return rows + "x" + cols;
    }

    /** The same storage read with another shape (rows·cols must match); writes are shared. */
    public Matrix viewAs(int newRows, int newCols) {
        return new Matrix(newRows, newCols, data);
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Row i as a new array. */
    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** Column j as a new array. */
    public double[] column(int j) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = data[i * cols + j];
        }
        return out;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a new matrix. */
    public Matrix rowRange(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("rowRange: [" + from + ", " + to + ") of " + shape());
        }
        return new Matrix(to - from, cols, Arrays.copyOfRange(data, from * cols, to * cols));
    }

    /** The rows listed in {@code index}, in that order, as a new matrix. */
    public Matrix selectRows(int[] index) {
        Matrix out = zeros(index.length, cols);
        for (int k = 0; k < index.length; k++) {
            System.arraycopy(data, index[k] * cols, out.data, k * cols, cols);
        }
        return out;
    }

    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        final int bs = 64;
        for (int i0 = 0; i0 < rows; i0 += bs) {
            for (int j0 = 0; j0 < cols; j0 += bs) {
                int iMax = Math.min(rows, i0 + bs);
                int jMax = Math.min(cols, j0 + bs);
                for (int i = i0; i < iMax; i++) {
                    for (int j = j0; j < jMax; j++) {
                        t.data[j * rows + i] = data[i * cols + j];
                    }
                }
            }
        }
        return t;
    }

    /** {@code this · b} by BLAS dgemm; cost 2·m·n·k flops. */
    public Matrix times(Matrix b) {
        return multiply(this, false, b, false);
    }

    /** {@code this · bᵀ} by BLAS dgemm. */
    public Matrix timesTranspose(Matrix b) {
        return multiply(this, false, b, true);
    }

    /** {@code thisᵀ · b} by BLAS dgemm. */
    public Matrix transposeTimes(Matrix b) {
        return multiply(this, true, b, false);
    }

    /** {@code op(a)·op(b)} into a new matrix. */
    public static Matrix multiply(Matrix a, boolean transA, Matrix b, boolean transB) {
        int m = transA ? a.cols : a.rows;
        int n = transB ? b.rows : b.cols;
        Matrix c = zeros(m, n);
        gemmInPlace(1.0, a, transA, b, transB, 0.0, c);
        return c;
    }

    /**
     * {@code op(a)·op(b)} into a new matrix in the given arithmetic: dgemm under {@link Arithmetic#FLOAT64}, else
     * sgemm on the inputs rounded to float32, widened into the float64 result ({@link Blas#gemmFloat32}).
     */
    public static Matrix multiply(Matrix a, boolean transA, Matrix b, boolean transB, Arithmetic arithmetic) {
        if (!arithmetic.usesFloat32Gemm()) {
            return multiply(a, transA, b, transB);
        }
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (k != kb) {
            throw new IllegalArgumentException("gemm: op(a) is " + m + "x" + k + ", op(b) is " + kb + "x" + n);
        }
        Matrix c = zeros(m, n);
        Blas.gemmFloat32(transA, transB, m, n, k, a.data, Math.max(1, a.cols), b.data, Math.max(1, b.cols), c.data,
                Math.max(1, n));
        return c;
    }

    /**
     * {@code c ← alpha·op(a)·op(b) + beta·c} (BLAS dgemm), writing into {@code c}. Cost 2·m·n·k flops.
     */
    public static void gemmInPlace(double alpha, Matrix a, boolean transA, Matrix b, boolean transB, double beta, Matrix c) {
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (k != kb || c.rows != m || c.cols != n) {
            throw new IllegalArgumentException("gemm: op(a) is " + m + "x" + k + ", op(b) is " + kb + "x" + n
                    + ", c is " + c.shape());
        }
        Blas.gemm(transA, transB, m, n, k, alpha, a.data, Math.max(1, a.cols), b.data, Math.max(1, b.cols),
                beta, c.data, Math.max(1, c.cols));
    }

    /** Gram matrix {@code thisᵀ·this} (cols×cols) by BLAS dsyrk, symmetrised; cost rows·cols² flops. */
    public Matrix gramOfColumns() {
        Matrix c = zeros(cols, cols);
        Blas.syrkUpper(true, cols, rows, 1.0, data, Math.max(1, cols), 0.0, c.data, Math.max(1, cols));
        c.mirrorUpperInPlace();
        return c;
    }

    /** Gram matrix {@code this·thisᵀ} (rows×rows) by BLAS dsyrk, symmetrised; cost rows²·cols flops. */
    public Matrix gramOfRows() {
        Matrix c = zeros(rows, rows);
        Blas.syrkUpper(false, rows, cols, 1.0, data, Math.max(1, cols), 0.0, c.data, Math.max(1, rows));
        c.mirrorUpperInPlace();
        return c;
    }

    /** Copies the upper triangle onto the lower one (square matrices). */
    public void mirrorUpperInPlace() {
        requireSquare("mirrorUpper");
        for (int i = 1; i < rows; i++) {
            for (int j = 0; j < i; j++) {
                data[i * cols + j] = data[j * cols + i];
            }
        }
    }

    /** {@code (this + thisᵀ)/2} in place (square matrices). */
    public void symmetrizeInPlace() {
        requireSquare("symmetrize");
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < cols; j++) {
                double v = 0.5 * (data[i * cols + j] + data[j * cols + i]);
                data[i * cols + j] = v;
                data[j * cols + i] = v;
            }
        }
    }

    public Matrix plus(Matrix b) {
        Matrix c = copy();
        c.addInPlace(1.0, b);
        return c;
    }

    public Matrix minus(Matrix b) {
        Matrix c = copy();
        c.addInPlace(-1.0, b);
        return c;
    }

    public Matrix scale(double s) {
        Matrix c = copy();
        c.scaleInPlace(s);
        return c;
    }

    /** {@code this ← this + s·b}. */
    public void addInPlace(double s, Matrix b) {
        requireSameShape("add", b);
        for (int i = 0; i < data.length; i++) {
            data[i] += s * b.data[i];
        }
    }

    public void scaleInPlace(double s) {
        for (int i = 0; i < data.length; i++) {
            data[i] *= s;
        }
    }

    /** Adds {@code s} to every diagonal entry (square matrices). */
    public void addToDiagonalInPlace(double s) {
        requireSquare("addToDiagonal");
        for (int i = 0; i < rows; i++) {
            data[i * cols + i] += s;
        }
    }

    /** Multiplies column j by {@code s[j]} in place. */
    public void scaleColumnsInPlace(double[] s) {
        if (s.length != cols) {
            throw new IllegalArgumentException("scaleColumns: " + shape() + " with " + s.length + " factors");
        }
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                data[o + j] *= s[j];
            }
        }
    }

    /** Squared Euclidean norm of every row: {@code out[i] = Σ_j x_ij²}. */
    public double[] rowSquaredNorms() {
        double[] out = new double[rows];
        IntStream range = IntStream.range(0, rows);
        if ((long) rows * cols > 1 << 16) {
            range = range.parallel();
        }
        range.forEach(i -> {
            double s = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                s += data[o + j] * data[o + j];
            }
            out[i] = s;
        });
        return out;
    }

    /** Row-wise dot products {@code out[i] = Σ_j this_ij · b_ij}. */
    public double[] rowDots(Matrix b) {
        requireSameShape("rowDots", b);
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                s += data[o + j] * b.data[o + j];
            }
            out[i] = s;
        }
        return out;
    }

    public double[] diag() {
        int n = Math.min(rows, cols);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = data[i * cols + i];
        }
        return out;
    }

    public double trace() {
        double s = 0;
        for (double v : diag()) {
            s += v;
        }
        return s;
    }

    /** Frobenius norm √(Σ x_ij²), computed with scaling against overflow. */
    public double frobeniusNorm() {
        double scale = maxAbs();
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double v : data) {
            double u = v / scale;
            s += u * u;
        }
        return scale * Math.sqrt(s);
    }

    public double maxAbs() {
        double m = 0;
        for (double v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Frobenius inner product ⟨this, b⟩ = Σ this_ij·b_ij. */
    public double dot(Matrix b) {
        requireSameShape("dot", b);
        double s = 0;
        for (int i = 0; i < data.length; i++) {
            s += data[i] * b.data[i];
        }
        return s;
    }

    /** True when no entry is NaN or infinite. */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Throws {@link ArithmeticException} naming {@code what} if any entry is NaN or infinite. */
    public Matrix requireFinite(String what) {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw nonFinite(what, i);
            }
        }
        return this;
    }

    /**
     * As {@link #requireFinite} for the upper triangle (j ≥ i) of a square matrix only: what a solver that reads one
     * triangle needs (the lower one may hold anything).
     */
    public Matrix requireFiniteUpper(String what) {
        requireSquare("requireFiniteUpper");
        for (int i = 0; i < rows; i++) {
            for (int p = i * cols + i, end = (i + 1) * cols; p < end; p++) {
                if (!Double.isFinite(data[p])) {
                    throw nonFinite(what, p);
                }
            }
        }
        return this;
    }

    private ArithmeticException nonFinite(String what, int i) {
        return new ArithmeticException(what + ": non-finite value " + data[i] + " at (" + i / cols + ", " + i % cols
                + ") of a " + shape() + " matrix");
    }

    private void requireSquare(String op) {
        if (rows != cols) {
            throw new IllegalArgumentException(op + ": matrix is " + shape() + ", not square");
        }
    }

    private void requireSameShape(String op, Matrix b) {
        if (rows != b.rows || cols != b.cols) {
            throw new IllegalArgumentException(op + ": " + shape() + " vs " + b.shape());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix " + shape());
        int r = Math.min(rows, 6);
        int c = Math.min(cols, 6);
        for (int i = 0; i < r; i++) {
            sb.append("\n ");
            for (int j = 0; j < c; j++) {
                sb.append(String.format(" %10.4g", get(i, j)));
            }
            if (c < cols) {
                sb.append(" ...");
            }
        }
        if (r < rows) {
            sb.append("\n  ...");
        }
        return sb.toString();
    }
}
