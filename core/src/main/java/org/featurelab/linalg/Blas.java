package org.featurelab.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_full;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.IntSupplier;

/**
 * The one narrow door to the native BLAS/LAPACK (OpenBLAS, shipped through the bytedeco Maven artifacts).
 *
 * <p>Every array is a row-major {@code double[]}; LAPACK routines are called in column-major mode on the
 * same memory (a row-major matrix is the column-major storage of its transpose), which avoids the full
 * transposition copy that {@code LAPACK_ROW_MAJOR} performs on every call. The other classes that touch
 * {@code org.bytedeco} are {@link GemmStreams} (products streamed in row blocks), the native buffers these calls run
 * in ({@link NativeBuffer} and its two element types, held by {@link SolverWorkspace} and the kernel package's
 * workspace), {@link MixedCholesky} and {@link ThinBlas}; nothing outside {@code linalg} does (checked by the layering
 * test).
 */
public final class Blas {
    /**
     * Stack reserved (not committed) for the thread that runs dgetrf. OpenBLAS's recursive getrf_parallel puts
     * a job array sized by its compile-time MAX_CPU_NUMBER on the stack at every level, which overflows the
     * 1 MiB default Java thread stack and kills the JVM with SIGSEGV for n ≳ 150 when more than one BLAS thread
     * runs (OpenBLAS issues #246, #1082, #3229; about 3 MiB are needed here up to n = 4000).
     */
    private static final long GETRF_STACK_BYTES = 64L << 20;

    private Blas() {
    }

    /** Rejects an array too short for the shape a native call will read or write (native code does not check). */
    private static void requireLength(int length, long needed, String what) {
        if (length < needed) {
            throw new IllegalArgumentException("blas: " + what + " has " + length + " values, the call needs " + needed);
        }
    }

    private static void requireShift(double shift) {
        if (!Double.isFinite(shift)) {
            throw new IllegalArgumentException("blas: the diagonal shift must be finite, got " + shift);
        }
    }

    private static long extent(int rows, int cols, int ld) {
        return rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
    }

    /** Length checks of the operands of op(A)·op(B), op(A) m×k, op(B) k×n, row-major with leading dimensions. */
    private static void requireOperands(boolean transA, boolean transB, int m, int n, int k, int aLength, int lda,
                                        int bLength, int ldb) {
        requireLength(aLength, transA ? extent(k, m, lda) : extent(m, k, lda), "A");
        requireLength(bLength, transB ? extent(n, k, ldb) : extent(k, n, ldb), "B");
    }

    /**
     * {@code C ← alpha·op(A)·op(B) + beta·C} for row-major arrays. op(A) is m×k, op(B) is k×n, C is m×n.
     * Cost 2·m·n·k flops.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        requireLength(c.length, extent(m, n, ldc), "C");
        if (k == 0) {
            if (beta != 1.0) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        // BLAS convention: beta = 0 means C is not read, so NaN/Inf in C do not propagate
                        c[i * ldc + j] = beta == 0.0 ? 0.0 : beta * c[i * ldc + j];
                    }
                }
            }
            return;
        }
        requireOperands(transA, transB, m, n, k, a.length, lda, b.length, ldb);
        openblas.cblas_dgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /**
     * {@code C ← op(A)·op(B)} computed in float32 (sgemm) on float64 row-major arrays: the inputs are rounded to
     * float32, the product accumulates in float32 and is widened into {@code c}. Twice the rate of dgemm; relative
     * error about √k·6·10⁻⁸ of Σ|a||b|. Cost 2·m·n·k flops in float32 plus m·k + k·n + m·n conversions.
     */
    public static void gemmFloat32(boolean transA, boolean transB, int m, int n, int k, double[] a, int lda,
                                   double[] b, int ldb, double[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        requireLength(c.length, extent(m, n, ldc), "C");
        requireOperands(transA, transB, m, n, k, a.length, lda, b.length, ldb);
        float[] af = toFloat(a);
        float[] bf = toFloat(b);
        float[] cf = new float[m * ldc];
        if (k > 0) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                    transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, 1.0f, af, lda, bf, ldb, 0.0f, cf, ldc);
        }
        Parallel.rows(m, ldc, i -> {
            for (int j = i * ldc, end = j + ldc; j < end; j++) {
                c[j] = cf[j];
            }
        });
    }

    /** {@code C ← A·B} in float32 for row-major float arrays: A m×k, B k×n, C m×n. Cost 2·m·n·k flops. */
    public static void sgemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        sgemm(false, false, m, n, k, 1.0f, a, Math.max(1, k), b, Math.max(1, n), 0.0f, c, Math.max(1, n));
    }

    /**
     * {@code C ← alpha·op(A)·op(B) + beta·C} in float32 for row-major float arrays: op(A) is m×k, op(B) is k×n,
     * C is m×n with leading dimensions lda, ldb, ldc. With {@code beta = 0} C is not read. Cost 2·m·n·k flops.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
                             float[] b, int ldb, float beta, float[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        requireLength(c.length, extent(m, n, ldc), "C");
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[i * ldc + j] = beta == 0f ? 0f : beta * c[i * ldc + j];
                }
            }
            return;
        }
        requireOperands(transA, transB, m, n, k, a.length, lda, b.length, ldb);
        openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /**
     * {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, float[], int, float, float[], int)} on direct
     * (native-memory) float buffers, read from index 0 whatever their position: no JNI copy of the operands, which for
     * a 512×784·784×1024 product halves the time of the float[] call (4.5 ms against 8.5–10 ms measured here).
     * Allocate them with {@code ByteBuffer.allocateDirect(4·len).order(ByteOrder.nativeOrder()).asFloatBuffer()}.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, java.nio.FloatBuffer a,
                             int lda, java.nio.FloatBuffer b, int ldb, float beta, java.nio.FloatBuffer c, int ldc) {
        if (!a.isDirect() || !b.isDirect() || !c.isDirect()) {
            throw new IllegalArgumentException("blas: sgemm on buffers needs direct buffers");
        }
        if (m == 0 || n == 0 || k == 0) {
            throw new IllegalArgumentException("blas: sgemm on buffers needs m, n, k >= 1, got " + m + ", " + n + ", " + k);
        }
        requireLength(c.capacity(), extent(m, n, ldc), "C");
        requireOperands(transA, transB, m, n, k, a.capacity(), lda, b.capacity(), ldb);
        openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, a.position(0), lda, b.position(0), ldb,
                beta, c.position(0), ldc);
    }

    /**
     * {@code C ← A·B} in float32 for a symmetric n×n A of which only the upper triangle (j ≥ i, row-major) is read,
     * B and C n×m row-major, all three in native memory (no JNI copy). Same cost as the GEMM, 2·n²·m flops (measured
     * here at n = 6,000, m = 1,010: ssymm 0.32–0.36 s against sgemm 0.35–0.39 s on the full matrix).
     */
    public static void ssymmUpper(int n, int m, NativeFloats a, NativeFloats b, NativeFloats c) {
        if (n == 0 || m == 0) {
            return;
        }
        long nn = (long) n * n;
        long nm = (long) n * m;
        openblas.cblas_ssymm(openblas.CblasRowMajor, openblas.CblasLeft, openblas.CblasUpper, n, m, 1.0f,
                a.pointer(nn), n, b.pointer(nm), m, 0.0f, c.pointer(nm), m);
    }

    /** Rounds {@code x} to float32 into {@code out} (length ≥ x.length), in parallel. */
    public static void toFloat(double[] x, float[] out) {
        int chunk = 1 << 16;
        Parallel.rows((x.length + chunk - 1) / chunk, chunk, blk -> {
            for (int i = blk * chunk, end = Math.min(x.length, i + chunk); i < end; i++) {
                out[i] = (float) x[i];
            }
        });
    }

    /** {@code x} rounded to float32, as a new array (in parallel for large arrays). */
    public static float[] toFloat(double[] x) {
        float[] out = new float[x.length];
        toFloat(x, out);
        return out;
    }

    /**
     * Symmetric rank-k update of the upper triangle: {@code C ← alpha·op(A)ᵀop(A) + beta·C} where with
     * {@code trans = true} C = AᵀA (A is k×n) and with {@code trans = false} C = AAᵀ (A is n×k).
     * Only the upper triangle of the row-major C is written; cost n²·k flops.
     */
    public static void syrkUpper(boolean trans, int n, int k, double alpha, double[] a, int lda,
                                 double beta, double[] c, int ldc) {
        if (n == 0) {
            return;
        }
        requireLength(c.length, extent(n, n, ldc), "C");
        requireLength(a.length, trans ? extent(k, n, lda) : extent(n, k, lda), "A");
        openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper,
                trans ? openblas.CblasTrans : openblas.CblasNoTrans, n, k, alpha, a, lda, beta, c, ldc);
    }

    /**
     * Triangular solve with many right-hand sides, row-major: {@code B ← op(T)⁻¹·B}, T n×n upper
     * triangular, B n×nrhs. Cost n²·nrhs flops.
     */
    public static void trsmLeftUpper(boolean transT, int n, int nrhs, double[] t, double[] b) {
        if (n == 0 || nrhs == 0) {
            return;
        }
        requireLength(t.length, (long) n * n, "T");
        requireLength(b.length, (long) n * nrhs, "B");
        openblas.cblas_dtrsm(openblas.CblasRowMajor, openblas.CblasLeft, openblas.CblasUpper,
                transT ? openblas.CblasTrans : openblas.CblasNoTrans, openblas.CblasNonUnit, n, nrhs, 1.0, t, n, b, nrhs);
    }

    /**
     * Cholesky factorisation in place of a symmetric positive-definite n×n row-major matrix.
     * On return the upper triangle (row-major) holds U with A = UᵀU; the strict lower triangle is untouched.
     *
     * @return 0 on success, or the order i > 0 of the leading minor that is not positive
     */
    public static int potrfUpperInPlace(int n, double[] a) {
        // Column-major view of row-major A is Aᵀ = A; its lower factor L (A = LLᵀ) read row-major is U = Lᵀ.
        return openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, a, Math.max(1, n));
    }

    /**
     * Outcome of {@link #spdSolveShifted}.
     *
     * @param info        0 on success, or the order i &gt; 0 of the first leading minor that is not positive
     * @param arithmetic  the arithmetic the solution was computed in: {@link Arithmetic#MIXED} when the float32
     *                    factor was refined to convergence, else {@link Arithmetic#FLOAT64} (asked for, or the
     *                    fallback when float32 was not enough)
     * @param refinements float64 refinement steps taken under {@link Arithmetic#MIXED}; 0 otherwise
     */
    public record SpdSolve(int info, Arithmetic arithmetic, int refinements) {
    }

    /**
     * One-shot solve of (A + shift·I)·X = B for a symmetric positive-definite row-major n×n A, B n×nrhs
     * row-major, overwritten with X. Only A's upper triangle is read. Runs in the native buffers of {@code ws}: A is
     * copied once and is not modified, avoiding the Java-array copies the JNI layer makes around every call.
     *
     * <p>{@link Arithmetic#MIXED}: float32 factorisation refined with float64 residuals until the backward error is at
     * double-precision level (‖r‖ ≤ √n·‖A‖·‖x‖·ε₆₄), falling back to float64 when float32 is not enough — LAPACK
     * dsposv's algorithm ({@link MixedCholesky}; NaN or ∞ in the triangle raise {@link ArithmeticException}).
     * {@link Arithmetic#FLOAT64}: dpotrf + dpotrs (the caller checks finiteness).
     * {@link Arithmetic#FLOAT32} is not offered (a float32 solve without refinement loses the float64 accuracy the
     * kernel machines keep). Cost n³/3 flops (in float32 when mixed) + 2·n²·nrhs per refinement step.
     *
     * @throws IllegalArgumentException for {@link Arithmetic#FLOAT32}
     */
    public static SpdSolve spdSolveShifted(int n, double[] a, double shift, double[] b, int nrhs, Arithmetic arithmetic,
                                           SolverWorkspace ws) {
        if (arithmetic == Arithmetic.FLOAT32) {
            throw new IllegalArgumentException("blas: the SPD solve offers float64 or mixed arithmetic, not float32");
        }
        requireShift(shift);
        long nn = (long) n * n;
        requireLength(a.length, nn, "A");
        requireLength(b.length, (long) n * nrhs, "B");
        NativeDoubles copy = ws.a(Math.max(1, nn));
        copy.put(0, a, 0, a.length);
        if (arithmetic == Arithmetic.MIXED) {
            return MixedCholesky.solve(n, copy, true, shift, b, nrhs, ws);
        }
        double[] colMajor = MixedCholesky.columnMajor(b, n, nrhs);
        int info = MixedCholesky.float64Solve(n, copy, true, shift, colMajor, nrhs, ws);
        if (info == 0) {
            MixedCholesky.rowMajorInto(colMajor, b, n, nrhs);
        }
        return new SpdSolve(info, Arithmetic.FLOAT64, 0);
    }

    /**
     * Mixed-precision one-shot solve of (A + shift·I)·X = B for A given by the upper triangle of its row-major n×n
     * storage in native memory (the kernel matrix a mixed-precision training-Gram pass writes there): the float32
     * factorisation with float64 refinement of {@link MixedCholesky}, reading A in place and leaving it unchanged
     * (also when it falls back to float64, which works on a copy), so that a caller may retry with a larger shift.
     * B (row-major n×nrhs) is overwritten with X. NaN or ∞ in the triangle raise {@link ArithmeticException}.
     */
    public static SpdSolve spdSolveShiftedUpper(int n, NativeDoubles a, double shift, double[] b, int nrhs,
                                                SolverWorkspace ws) {
        requireShift(shift);
        requireLength(b.length, (long) n * nrhs, "B");
        if (a.capacity() < (long) n * n) {
            throw new IllegalArgumentException("blas: A has " + a.capacity() + " values, the call needs " + (long) n * n);
        }
        return MixedCholesky.solve(n, a, false, shift, b, nrhs, ws);
    }

    /**
     * LU factorisation with partial pivoting, in place, of the column-major view (i.e. of Aᵀ for a row-major A).
     *
     * @return 0 on success, i > 0 if U(i,i) is exactly zero
     */
    public static int getrfTransposedInPlace(int n, double[] a, int[] ipiv) {
        return onLargeStack(() -> openblas.LAPACKE_dgetrf(openblas.LAPACK_COL_MAJOR, n, n, a, Math.max(1, n), ipiv));
    }

    /** Runs a native call on a fresh thread with a {@link #GETRF_STACK_BYTES} stack and waits for it. */
    private static int onLargeStack(IntSupplier call) {
        FutureTask<Integer> task = new FutureTask<>(call::getAsInt);
        Thread worker = new Thread(null, task, "featurelab-lapack", GETRF_STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the native call cannot be cancelled; finish it, then restore the flag
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("native call failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Solves A·X = B given {@link #getrfTransposedInPlace} of row-major A. {@code bColMajor} holds B in
     * column-major order (n×nrhs) and is overwritten with X, column-major.
     */
    public static int getrsTransposed(int n, int nrhs, double[] lu, int[] ipiv, double[] bColMajor) {
        // the factored matrix is Aᵀ (column-major view), so solve (Aᵀ)ᵀ X = B with trans = 'T'
        return openblas.LAPACKE_dgetrs(openblas.LAPACK_COL_MAJOR, (byte) 'T', n, nrhs, lu, Math.max(1, n), ipiv,
                bColMajor, Math.max(1, n));
    }

    /**
     * Symmetric eigendecomposition (divide and conquer) in place. On return {@code w} holds the eigenvalues
     * in ascending order and row j of the row-major array holds the j-th unit eigenvector.
     *
     * @return 0 on success, &gt; 0 if the algorithm failed to converge
     */
    public static int syevdInPlace(int n, double[] a, double[] w) {
        return openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) 'V', (byte) 'L', n, a, Math.max(1, n), w);
    }

    /**
     * Sets the number of threads the native BLAS uses (values &lt; 1 are ignored, and so is the call where the loaded
     * library is not OpenBLAS: {@code -Dorg.bytedeco.openblas.load} may substitute another BLAS).
     */
    public static void setThreads(int threads) {
        if (threads >= 1) {
            try {
                openblas_full.openblas_set_num_threads(threads);
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                // not OpenBLAS: its thread count is not ours to set
            }
        }
    }

    /**
     * Number of threads the native BLAS uses, from OpenBLAS's own {@code openblas_get_num_threads} (the bytedeco
     * preset's generic {@code blas_get_num_threads} answers −1 for OpenBLAS, so a caller that saved it to restore the
     * count after a single-threaded section left BLAS on one thread; measured, {@code BlasThreadsTest}). −1 where the
     * loaded library is not OpenBLAS.
     */
    public static int threads() {
        try {
            return openblas_full.openblas_get_num_threads();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return -1;   // another BLAS substituted for OpenBLAS: the count is not reported
        }
    }

    /** Name and configuration string of the loaded native library, for provenance and benchmarks. */
    public static String describe() {
        String version = openblas.OPENBLAS_VERSION.trim(); // already starts with "OpenBLAS"
        // the bytedeco build selects its kernels for the CPU at run time (DYNAMIC_ARCH); OPENBLAS_CHAR_CORENAME is
        // only the build target's baseline, so it is not reported
        return (version.startsWith("OpenBLAS") ? version : "OpenBLAS " + version) + " (bytedeco, dynamic arch, "
                + Runtime.getRuntime().availableProcessors() + " cores, " + threadTimeout(System.getenv("OPENBLAS_THREAD_TIMEOUT"))
                + ")";
    }

    /**
     * How long OpenBLAS's idle worker threads spin before they sleep, from the environment variable
     * OPENBLAS_THREAD_TIMEOUT as OpenBLAS reads it at load time (atoi): a positive t gives 2^t cycles, t clamped to
     * [4, 30]; unset, 0 or not a number gives its default 2^28. The launcher sets 16: spinning workers slow the Java
     * threads that run between BLAS calls (docs/performance.md).
     */
    static String threadTimeout(String env) {
        int parsed = 0;
        if (env != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*\\+?0*(\\d{1,9})").matcher(env);
            parsed = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
        int t = parsed > 0 ? Math.max(4, Math.min(30, parsed)) : 28;
        String source = parsed > 0 ? "OPENBLAS_THREAD_TIMEOUT" : "default";
        return "threads spin 2^" + t + " cycles (" + source + ")";
    }
}
