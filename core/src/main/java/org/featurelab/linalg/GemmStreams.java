package org.featurelab.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

import java.nio.ByteBuffer;

/**
 * Products C = alpha·A·Bᵀ (A m×k, B n×k, row-major {@code double[]}) streamed in row blocks to a consumer, so that a
 * kernel matrix is formed without an m×n temporary of cross terms: the Gram passes of the kernel package. A and B are
 * copied to native memory once per stream; each block is one dgemm (OpenBLAS), cost 2·rows·cols·k flops.
 * <ul>
 *   <li>{@link #upperRowBlocks}: the upper triangle of a symmetric product, each block copied into one reused Java
 *   array (the float64 Gram pass, which writes heap matrices).</li>
 *   <li>{@link #upperRowBlocksInto}: the same blocks computed straight into an n×n native matrix, which the consumer
 *   rewrites in place through a {@link ByteBuffer} view (the mixed-precision Gram pass: K never exists on the heap and
 *   no block is copied; docs/performance.md).</li>
 *   <li>{@link #rowBlocks}: all columns, each block in a native scratch block handed over as a view (prediction).</li>
 * </ul>
 */
public final class GemmStreams {
    private GemmStreams() {
    }

    /** Receives one row block copied into a Java array; see {@link #upperRowBlocks}. */
    @FunctionalInterface
    public interface RowBlockConsumer {
        /**
         * @param firstRow first row r0 of the block
         * @param rows     number of rows
         * @param block    rows × (n − r0) values, row-major: entry (r, j) is C[r0 + r][r0 + j]
         */
        void accept(int firstRow, int rows, double[] block);
    }

    /** Receives one row block in native memory; see {@link #upperRowBlocksInto} and {@link #rowBlocks}. */
    @FunctionalInterface
    public interface NativeBlockConsumer {
        /**
         * @param firstRow first row r0 of the block
         * @param rows     number of rows
         * @param block    a direct buffer in the platform's byte order; entry (r, j) of the block is the double at index
         *                 r·stride + j. Valid during the call only; the consumer may overwrite the block's entries.
         * @param stride   doubles from one block row to the next
         */
        void accept(int firstRow, int rows, ByteBuffer block, int stride);
    }

    /**
     * Streams the upper triangle (with the diagonal blocks) of C = alpha·A·Bᵀ, A and B both n×k row-major, in row
     * blocks of {@code blockRows}: block [r0, r1) holds columns [r0, n). Meant for symmetric products such as X·M·Xᵀ:
     * half the flops of a full GEMM and no n×n temporary. Every block is computed in native memory and copied into
     * one reused Java buffer. Cost n²·k flops.
     */
    public static void upperRowBlocks(int n, int k, double alpha, double[] a, double[] b, int blockRows,
                                      RowBlockConsumer consumer) {
        requireOperands(n, n, k, a, b);
        int rowsPerBlock = rowsPerBlock(blockRows, n);
        double[] buffer = new double[rowsPerBlock * n];
        try (DoublePointer pc = new DoublePointer((long) rowsPerBlock * n)) {
            stream(n, n, k, alpha, a, b, rowsPerBlock, true, pc, false, (r0, rows, cols, at) -> {
                pc.get(buffer, 0, rows * cols);
                consumer.accept(r0, rows, buffer);
            });
        }
    }

    /**
     * The blocks of {@link #upperRowBlocks} computed straight into {@code c}, an n×n row-major matrix in native memory
     * (leading dimension n): block [r0, r1) fills C[r][r0, n) for r in [r0, r1); then the consumer reads and may
     * rewrite it in place (block entry (r, j), j ≥ 0, is C[r0 + r][r0 + j], stride n). In each diagonal block the
     * entries below the diagonal receive cross terms too; no other entry below the diagonal is written, so the result
     * is an upper triangle. No block is copied. Cost n²·k flops.
     */
    public static void upperRowBlocksInto(int n, int k, double alpha, double[] a, double[] b, int blockRows,
                                          NativeDoubles c, NativeBlockConsumer consumer) {
        requireOperands(n, n, k, a, b);
        DoublePointer target = c.pointer((long) n * n);
        stream(n, n, k, alpha, a, b, rowsPerBlock(blockRows, n), true, target, true, (r0, rows, cols, at) ->
                consumer.accept(r0, rows, c.view(at, (long) (rows - 1) * n + cols), n));
    }

    /**
     * Streams C = alpha·A·Bᵀ (A m×k, B n×k) in row blocks of {@code blockRows}: block [r0, r1) holds every column,
     * entry (r, j) = C[r0 + r][j] (stride n), in one native scratch block of blockRows·n doubles reused for every
     * block. Neither an m×n array nor a Java copy of a block is made. Cost 2·m·n·k flops.
     */
    public static void rowBlocks(int m, int n, int k, double alpha, double[] a, double[] b, int blockRows,
                                 NativeBlockConsumer consumer) {
        requireOperands(m, n, k, a, b);
        int rowsPerBlock = rowsPerBlock(blockRows, m);
        try (NativeDoubles scratch = new NativeDoubles().reserve((long) rowsPerBlock * n)) {
            DoublePointer pc = scratch.pointer((long) rowsPerBlock * n);
            stream(m, n, k, alpha, a, b, rowsPerBlock, false, pc, false, (r0, rows, cols, at) ->
                    consumer.accept(r0, rows, scratch.view(0, (long) rows * n), n));
        }
    }

    /** Where a block was written: rows × cols values from element {@code at} of the target. */
    @FunctionalInterface
    private interface Written {
        void block(int r0, int rows, int cols, long at);
    }

    /**
     * The dgemm of every block into {@code c}: at element 0 with leading dimension cols (a scratch block), or with
     * {@code inPlace} at element r0·n + first with leading dimension n (the block's place in an n×n matrix). With
     * k = 0 the block is zero-filled instead (all cross terms are 0; a consumer may have written into it before).
     */
    private static void stream(int m, int n, int k, double alpha, double[] a, double[] b, int rowsPerBlock,
                               boolean upper, DoublePointer c, boolean inPlace, Written written) {
        if (m == 0 || n == 0) {
            return;
        }
        try (DoublePointer pa = new DoublePointer(a.length == 0 ? new double[1] : a);
             DoublePointer pb = new DoublePointer(b.length == 0 ? new double[1] : b)) {
            for (int r0 = 0; r0 < m; r0 += rowsPerBlock) {
                int rows = Math.min(rowsPerBlock, m - r0);
                int first = upper ? r0 : 0;
                int cols = n - first;
                long at = inPlace ? (long) r0 * n + first : 0;
                int ldc = inPlace ? n : cols;
                if (k == 0) {
                    for (int r = 0; r < rows; r++) {
                        DoublePointer row = c.getPointer(at + (long) r * ldc);
                        row.limit(cols);
                        row.fill(0);
                    }
                } else {
                    openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, rows, cols,
                            k, alpha, pa.getPointer((long) r0 * k), k, pb.getPointer((long) first * k), k, 0.0,
                            c.getPointer(at), ldc);
                }
                written.block(r0, rows, cols, at);
            }
        }
    }

    private static int rowsPerBlock(int blockRows, int m) {
        return Math.max(1, Math.min(blockRows, m));
    }

    private static void requireOperands(int m, int n, int k, double[] a, double[] b) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm stream: negative shape " + m + "×" + n + "×" + k);
        }
        if (a.length < (long) m * k || b.length < (long) n * k) {
            throw new IllegalArgumentException("gemm stream: A has " + a.length + " values for " + m + "×" + k
                    + ", B " + b.length + " for " + n + "×" + k);
        }
    }
}
