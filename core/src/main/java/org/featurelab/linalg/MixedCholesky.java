package org.featurelab.linalg;

import org.bytedeco.openblas.global.openblas;

import java.util.stream.IntStream;

/**
 * The mixed-precision one-shot solve of (A + shift·I)·X = B for a symmetric positive-definite A given by the upper
 * triangle (j ≥ i) of its row-major n×n storage in native memory — LAPACK dsposv's algorithm, written out so that A
 * is read where it lies and is never modified:
 * <pre>
 *   S  = fl32(A + shift·I)  (lower triangle, column-major: the same memory), ‖A + shift·I‖∞, finiteness — one pass
 *   S  = LLᵀ                 spotrf, float32 (twice the float64 GEMM rate)
 *   X₀ = fl64(L⁻ᵀL⁻¹·fl32(B))   two triangular solves ({@link ThinBlas}, what spotrs does)
 *   R  = B − A·X − shift·X   the symmetric product on A in float64 (2·n²·nrhs flops; {@link ThinBlas})
 *   Xₖ₊₁ = Xₖ + fl64(L⁻ᵀL⁻¹·fl32(R))   until every column has ‖r‖∞ ≤ ‖x‖∞ · ‖A + shift·I‖∞ · ε₆₄ · √n
 * </pre>
 * with ε₆₄ = 2⁻⁵³ and at most 30 refinement steps, as dsposv (BWDMAX = 1, ITERMAX = 30). When an entry overflows
 * float32, the float32 factorisation fails or refinement does not converge, it falls back to dpotrf + dpotrs on a
 * float64 copy of A + shift·I (dsposv's own fallback, but A itself stays intact, so a caller can retry with a larger
 * shift). Against dsposv on a copy this drops the n² copy, LAPACK's separate norm and conversion passes (dlansy,
 * dlat2s, single-threaded) and the caller's finiteness scan: one parallel pass reads A's triangle once.
 */
final class MixedCholesky {
    private static final int MAX_REFINEMENTS = 30;
    private static final double EPS = Math.ulp(1.0) / 2;   // LAPACK dlamch('E') under rounding

    private MixedCholesky() {
    }

    /**
     * Solves into {@code b} (row-major n×nrhs, overwritten with X). {@code upper} holds A's upper triangle in its
     * first n² values; with {@code scratch} it may be overwritten by the float64 fallback (it is then the caller's
     * copy), otherwise it is left exactly as it was.
     *
     * @throws ArithmeticException for NaN or ∞ in the triangle (with its position)
     */
    static Blas.SpdSolve solve(int n, NativeDoubles upper, boolean scratch, double shift, double[] b, int nrhs,
                               SolverWorkspace ws) {
        long nn = (long) n * n;
        NativeFloats factor = ws.factor(Math.max(1, nn));
        Conversion c = convert(n, upper, shift, factor);
        double[] bc = columnMajor(b, n, nrhs);
        double[] x = new double[bc.length];
        int refinements = -1;
        if (!c.overflow && fitsFloat32(bc)) {
            int ld = Math.max(1, n);
            int info = openblas.LAPACKE_spotrf_work(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, factor.pointer(nn), ld);
            if (info == 0) {
                refinements = refine(n, upper, shift, factor, bc, x, nrhs, c.norm * EPS * Math.sqrt(n), ws);
            }
        }
        if (refinements < 0) {
            int info = float64Solve(n, upper, scratch, shift, bc, nrhs, ws);
            if (info != 0) {
                return new Blas.SpdSolve(info, Arithmetic.FLOAT64, 0);
            }
            System.arraycopy(bc, 0, x, 0, bc.length);
        }
        rowMajorInto(x, b, n, nrhs);
        return refinements >= 0 ? new Blas.SpdSolve(0, Arithmetic.MIXED, refinements)
                : new Blas.SpdSolve(0, Arithmetic.FLOAT64, 0);
    }

    /**
     * X from the float32 factor, refined in float64; returns the number of refinement steps, or −1 when it did not
     * converge (or a correction overflowed float32) — then the float64 solve takes over.
     */
    private static int refine(int n, NativeDoubles a, double shift, NativeFloats factor, double[] b, double[] x, int nrhs,
                              double tolerance, SolverWorkspace ws) {
        long size = (long) n * nrhs;
        NativeFloats s = ws.rhs32(Math.max(1, size));
        NativeDoubles xs = ws.solution(Math.max(1, size));
        NativeDoubles r = ws.rhs(Math.max(1, size));
        float[] f = new float[b.length];
        double[] residual = new double[b.length];
        correction(n, nrhs, factor, s, b, f, x, false);
        for (int step = 0; ; step++) {
            // R = B − A·X − shift·X
            xs.put(0, x, 0, x.length);
            r.put(0, b, 0, b.length);
            ThinBlas.subtractSymmetricProductInPlace(n, nrhs, a.pointer((long) n * n), xs.pointer(size),
                    r.pointer(size));
            r.get(0, residual, 0, residual.length);
            for (int i = 0; i < residual.length; i++) {
                residual[i] -= shift * x[i];
            }
            if (converged(residual, x, n, nrhs, tolerance)) {
                return step;
            }
            if (step == MAX_REFINEMENTS || !fitsFloat32(residual)) {
                return -1;
            }
            correction(n, nrhs, factor, s, residual, f, x, true);
        }
    }

    /** x ← x + fl64(S⁻¹·fl32(v)) (or x ← fl64(S⁻¹·fl32(v)) when not {@code add}), column-major n×nrhs. */
    private static void correction(int n, int nrhs, NativeFloats factor, NativeFloats s, double[] v, float[] f,
                                   double[] x, boolean add) {
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        s.put(0, f, 0, f.length);
        ThinBlas.choleskySolveInPlace(n, nrhs, factor.pointer((long) n * n), s.pointer(f.length));
        s.get(0, f, 0, f.length);
        for (int i = 0; i < x.length; i++) {
            x[i] = add ? x[i] + f[i] : f[i];
        }
    }

    /** dsposv's test, column by column: max|r| ≤ max|x| · tolerance. */
    private static boolean converged(double[] r, double[] x, int n, int nrhs, double tolerance) {
        for (int k = 0; k < nrhs; k++) {
            double rMax = 0;
            double xMax = 0;
            for (int i = k * n, end = i + n; i < end; i++) {
                rMax = Math.max(rMax, Math.abs(r[i]));
                xMax = Math.max(xMax, Math.abs(x[i]));
            }
            if (!(rMax <= xMax * tolerance)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsFloat32(double[] v) {
        for (double e : v) {
            if (!(Math.abs(e) <= Float.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    /**
     * dpotrf + dpotrs on A + shift·I in float64, in {@code upper} itself when it is scratch (else on a copy in
     * {@code ws}); {@code b} (column-major n×nrhs) ← X. Returns LAPACK's info. Also the plain float64 one-shot solve
     * of {@link Blas#spdSolveShifted}.
     */
    static int float64Solve(int n, NativeDoubles upper, boolean scratch, double shift, double[] b, int nrhs,
                            SolverWorkspace ws) {
        long nn = (long) n * n;
        NativeDoubles a = upper;
        if (!scratch) {
            a = ws.a(Math.max(1, nn));
            org.bytedeco.javacpp.Pointer.memcpy(a.pointer(nn), upper.pointer(nn), nn * Double.BYTES);
        }
        double[] diagonal = new double[1];
        for (long i = 0; i < n; i++) {
            long k = i * (n + 1);
            a.get(k, diagonal, 0, 1);
            diagonal[0] += shift;
            a.put(k, diagonal, 0, 1);
        }
        int ld = Math.max(1, n);
        int info = openblas.LAPACKE_dpotrf_work(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, a.pointer(nn), ld);
        if (info != 0) {
            return info;
        }
        NativeDoubles r = ws.rhs(Math.max(1, b.length));
        r.put(0, b, 0, b.length);
        info = openblas.LAPACKE_dpotrs_work(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, nrhs, a.pointer(nn), ld,
                r.pointer(b.length), ld);
        r.get(0, b, 0, b.length);
        return info;
    }

    /** Row-major n×nrhs → a new column-major array (LAPACK's layout for the right-hand sides). */
    static double[] columnMajor(double[] b, int n, int nrhs) {
        double[] c = new double[b.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nrhs; k++) {
                c[k * n + i] = b[i * nrhs + k];
            }
        }
        return c;
    }

    /** Column-major n×nrhs {@code c} → row-major into {@code b}. */
    static void rowMajorInto(double[] c, double[] b, int n, int nrhs) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nrhs; k++) {
                b[i * nrhs + k] = c[k * n + i];
            }
        }
    }

    /** ‖A + shift·I‖∞ and whether an entry overflowed float32, from the conversion pass. */
    private record Conversion(double norm, boolean overflow) {
    }

    /**
     * factor ← fl32(A + shift·I) on the triangle, in one parallel pass that also sums |A + shift·I| by rows and columns
     * (the ∞-norm of the symmetric matrix) and checks every value read for NaN and ∞. Rows are dealt to stripes
     * (row i to stripe i mod S), each with its own column sums, so no two threads write the same sum.
     */
    private static Conversion convert(int n, NativeDoubles upper, double shift, NativeFloats factor) {
        int stripes = Math.max(1, Math.min(n, 2 * (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1)));
        double[] rowSums = new double[n];
        double[][] columnSums = new double[stripes][];
        long[] firstBad = new long[stripes];
        boolean[] overflow = new boolean[stripes];
        java.util.Arrays.fill(firstBad, Long.MAX_VALUE);
        IntStream range = IntStream.range(0, stripes);
        (n >= 256 ? range.parallel() : range).forEach(s -> {
            double[] cols = new double[n];
            double[] row = new double[n];
            float[] out = new float[n];
            boolean over = false;
            for (int i = s; i < n; i += stripes) {
                int length = n - i;
                long at = (long) i * n + i;
                upper.get(at, row, 0, length);
                row[0] += shift;
                double sum = 0;
                for (int j = 0; j < length; j++) {
                    double v = row[j];
                    double abs = Math.abs(v);
                    if (!(abs <= Double.MAX_VALUE)) {
                        firstBad[s] = Math.min(firstBad[s], at + j);
                        abs = 0;
                    }
                    float fv = (float) v;
                    over |= abs > Float.MAX_VALUE;
                    out[j] = fv;
                    sum += abs;
                    cols[i + j] += j == 0 ? 0 : abs;
                }
                rowSums[i] = sum;
                factor.put(at, out, 0, length);
            }
            columnSums[s] = cols;
            overflow[s] = over;
        });
        long bad = Long.MAX_VALUE;
        boolean over = false;
        for (int s = 0; s < stripes; s++) {
            bad = Math.min(bad, firstBad[s]);
            over |= overflow[s];
        }
        if (bad != Long.MAX_VALUE) {
            int i = (int) (bad / n);
            int j = (int) (bad % n);
            throw new ArithmeticException("cholesky solve: A: non-finite value " + upper.get(bad) + " at (" + i + ", "
                    + j + ") of a " + n + "x" + n + " matrix");
        }
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double total = rowSums[i];
            for (double[] cols : columnSums) {
                total += cols[i];
            }
            norm = Math.max(norm, total);
        }
        return new Conversion(norm, over);
    }
}
