package org.featurelab.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The two level-3 operations of the mixed-precision refinement ({@link MixedCholesky}) for a few right-hand sides
 * (n×k, k about 10), re-blocked into GEMM calls. OpenBLAS's {@code dsymm} and {@code strsm} read an n×n triangle
 * at 3.5–5 GB/s for such a thin operand, against 28–35 GB/s for a plain streaming read of the same triangle: they
 * split their work over the k columns and pack the triangle for a general product. In blocks of b rows, all but the
 * b×b diagonal blocks (a small dsymm or strsm each) goes to GEMM calls that split over their long dimension and read
 * their part of the triangle once, the second use of a block panel coming from the cache (docs/performance.md, issue
 * 13's eleventh look: 1.3–1.35× for the product, 1.45–2× for the solves at n = 1,600 and 6,000). All matrices
 * column-major with leading dimension n; A and L are read from their lower triangle (the row-major upper triangle of
 * the kernel matrix and of its factor), the strict upper triangle is never read.
 * <pre>
 *   C ← C − A·X:   for each block B = [i0, i1):  C_B −= A_BB·X_B (dsymm, b×b),
 *                  C_B −= A_RBᵀ·X_R,  C_R −= A_RB·X_B  (two dgemm; R = [i1, n), A_RB the block's panel below it)
 *   X ← (L·Lᵀ)⁻¹X: forward,  for B in order:    X_B ← L_BB⁻¹·X_B (strsm), X_R −= L_RB·X_B (sgemm)
 *                  backward, for B in reverse:  X_B −= L_RBᵀ·X_R (sgemm),   X_B ← L_BBᵀ⁻¹·X_B (strsm)
 * </pre>
 * The same operations as {@code dsymm} and {@code spotrs} in another summation order: results agree to rounding, and
 * are deterministic for a given n, k and BLAS thread count.
 */
final class ThinBlas {
    /** Below this n the calls stay unblocked (a block would be most of the matrix). */
    private static final int MIN_BLOCKED = 512;

    private ThinBlas() {
    }

    /**
     * Rows per block: about n/24, between 64 and 256 (of the heights 64, 128, 256 and 512 measured, 64 was best at
     * n = 1,600 and 128–512 alike at n = 6,000).
     */
    static int blockRows(int n) {
        return Math.max(64, Math.min(256, n / 24));
    }

    /** C ← C − A·X for the symmetric A given by its lower triangle; X and C n×k. */
    static void subtractSymmetricProductInPlace(int n, int k, DoublePointer a, DoublePointer x, DoublePointer c) {
        int ld = Math.max(1, n);
        if (n < MIN_BLOCKED) {
            openblas.cblas_dsymm(openblas.CblasColMajor, openblas.CblasLeft, openblas.CblasLower, n, k, -1.0, a, ld, x, ld,
                    1.0, c, ld);
            return;
        }
        int b = blockRows(n);
        for (int i0 = 0; i0 < n; i0 += b) {
            int i1 = Math.min(n, i0 + b);
            int rows = i1 - i0;
            int rest = n - i1;
            openblas.cblas_dsymm(openblas.CblasColMajor, openblas.CblasLeft, openblas.CblasLower, rows, k, -1.0,
                    a.getPointer((long) i0 * n + i0), ld, x.getPointer(i0), ld, 1.0, c.getPointer(i0), ld);
            if (rest > 0) {
                DoublePointer panel = a.getPointer((long) i0 * n + i1);   // A[i1.., i0..i1), rest × rows
                openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasTrans, openblas.CblasNoTrans, rows, k, rest,
                        -1.0, panel, ld, x.getPointer(i1), ld, 1.0, c.getPointer(i0), ld);
                openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, rest, k, rows,
                        -1.0, panel, ld, x.getPointer(i0), ld, 1.0, c.getPointer(i1), ld);
            }
        }
    }

    /** X ← (L·Lᵀ)⁻¹·X for the Cholesky factor L (lower triangle); X n×k. What {@code spotrs} computes. */
    static void choleskySolveInPlace(int n, int k, FloatPointer l, FloatPointer x) {
        int ld = Math.max(1, n);
        if (n < MIN_BLOCKED) {
            openblas.LAPACKE_spotrs_work(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, k, l, ld, x, ld);
            return;
        }
        int b = blockRows(n);
        for (int i0 = 0; i0 < n; i0 += b) {   // L·Y = X
            int i1 = Math.min(n, i0 + b);
            int rows = i1 - i0;
            int rest = n - i1;
            openblas.cblas_strsm(openblas.CblasColMajor, openblas.CblasLeft, openblas.CblasLower, openblas.CblasNoTrans,
                    openblas.CblasNonUnit, rows, k, 1f, l.getPointer((long) i0 * n + i0), ld, x.getPointer(i0), ld);
            if (rest > 0) {
                openblas.cblas_sgemm(openblas.CblasColMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, rest, k, rows,
                        -1f, l.getPointer((long) i0 * n + i1), ld, x.getPointer(i0), ld, 1f, x.getPointer(i1), ld);
            }
        }
        int last = (n - 1) / b * b;
        for (int i0 = last; i0 >= 0; i0 -= b) {   // Lᵀ·X = Y, the same blocks in reverse
            int i1 = Math.min(n, i0 + b);
            int rows = i1 - i0;
            int rest = n - i1;
            if (rest > 0) {
                openblas.cblas_sgemm(openblas.CblasColMajor, openblas.CblasTrans, openblas.CblasNoTrans, rows, k, rest,
                        -1f, l.getPointer((long) i0 * n + i1), ld, x.getPointer(i1), ld, 1f, x.getPointer(i0), ld);
            }
            openblas.cblas_strsm(openblas.CblasColMajor, openblas.CblasLeft, openblas.CblasLower, openblas.CblasTrans,
                    openblas.CblasNonUnit, rows, k, 1f, l.getPointer((long) i0 * n + i0), ld, x.getPointer(i0), ld);
        }
    }
}
