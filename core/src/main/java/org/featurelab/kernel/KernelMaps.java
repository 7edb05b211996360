package org.featurelab.kernel;

/**
 * The element-wise maps of the Laplace kernel, from squared distances to kernel values and gradient weights, over
 * contiguous array ranges — the exp- and sqrt-bound part of every Gram matrix (the Gaussian kernel keeps
 * {@code Math.exp} everywhere, so that its K(X, X) and K(Z, X) use one exponential):
 * <pre>
 *   k = exp(−√r² / L)            w = k / (L·√r²), 0 where √r² &lt; {@link RadialKernel#MIN_DISTANCE}
 * </pre>
 * Two implementations with the same contract: {@link ScalarKernelMaps} ({@code Math.exp}, {@code Math.sqrt}) and, when
 * the JDK's incubating module {@code jdk.incubator.vector} is in the boot layer (the launcher adds it), SIMD lanes of
 * the Vector API ({@code SimdKernelMaps}: its own polynomial exp from IEEE operations, so that the bits do not depend
 * on the JIT tier, and the vector square root; within 4 ulp of {@code Math.exp}, bounded by {@code KernelMapsTest}).
 * Both are deterministic; the two differ from each other in the last bits. {@link #get()} picks once per JVM; the system property
 * {@code featurelab.simd=false} forces the scalar maps.
 */
public interface KernelMaps {
    /** v[i] ← exp(−√v[i] / bandwidth) for i in [from, to); v holds squared distances ≥ 0. */
    void laplaceInPlace(double[] v, int from, int to, double bandwidth);

    /**
     * One row segment of the fused training-Gram pass of the Laplace kernel: for j in [0, len),
     * r² = {@link MahalanobisDistances#squaredDistance}(cross[c + j], rowNorm, norms[o + j]),
     * k[kOff + j] = exp(−√r²/L) and the gradient weight into {@code w64[wOff + j]} (if non-null) or
     * {@code w32[wOff + j]} (float32, if non-null).
     */
    void laplaceRow(double[] cross, int c, double rowNorm, double[] norms, int o, int len, double bandwidth,
                    double[] k, int kOff, double[] w64, float[] w32, int wOff);

    /**
     * The Laplace predictor at one query row without storing its kernel row: with r²_j as in {@link #laplaceRow}
     * and k_j = exp(−√r²_j / L), out[outOff + o] = Σ_j k_j · alphaT[o·n + j] for o &lt; outputs (alphaT: the outputs×n
     * transpose of α). Cost n·(outputs + 1) multiply-adds and n exponentials. May overwrite cross[c, c + n).
     */
    void laplaceRowDot(double[] cross, int c, double rowNorm, double[] norms, int n, double bandwidth,
                       double[] alphaT, int outputs, double[] out, int outOff);

    /**
     * {@link #laplaceRow} on native memory (direct buffers in the platform's byte order, indices in elements): the cross
     * terms at doubles [c, c + len) of {@code kc} are replaced by the kernel values, the float32 weights (if {@code w32}
     * is non-null) go to floats [wOff, wOff + len) of it. The same values, bit for bit, as the array form, which runs
     * on chunks of {@value #CHUNK} entries copied into arrays and back (bulk copies of data in the cache; measured
     * faster than the Vector API's ByteBuffer lanes on JDK 17, which lose about a third to their per-access checks).
     */
    default void laplaceRow(java.nio.ByteBuffer kc, int c, double rowNorm, double[] norms, int o, int len,
                            double bandwidth, java.nio.ByteBuffer w32, int wOff) {
        int size = Math.min(len, CHUNK);
        double[] row = new double[size];
        float[] w = w32 == null ? null : new float[size];
        java.nio.DoubleBuffer values = kc.asDoubleBuffer();
        java.nio.FloatBuffer weights = w32 == null ? null : w32.asFloatBuffer();
        for (int from = 0; from < len; from += size) {
            int part = Math.min(size, len - from);
            values.get(c + from, row, 0, part);
            laplaceRow(row, 0, rowNorm, norms, o + from, part, bandwidth, row, 0, null, w, 0);
            values.put(c + from, row, 0, part);
            if (weights != null) {
                weights.put(wOff + from, w, 0, part);
            }
        }
    }

    /**
     * {@link #laplaceRowDot} with the cross terms at doubles [c, c + n) of native memory (a direct buffer in the
     * platform's byte order). The same values, bit for bit, as the array form, on a copy of the row in this thread's
     * reused scratch row ({@link RowScratch}).
     */
    default void laplaceRowDot(java.nio.ByteBuffer cross, int c, double rowNorm, double[] norms, int n, double bandwidth,
                               double[] alphaT, int outputs, double[] out, int outOff) {
        double[] row = RowScratch.atLeast(n);
        cross.asDoubleBuffer().get(c, row, 0, n);
        laplaceRowDot(row, 0, rowNorm, norms, n, bandwidth, alphaT, outputs, out, outOff);
    }

    /** Entries per chunk of the native-memory maps: 2,048 doubles and floats, 24 KiB, within a core's L1 and L2. */
    int CHUNK = 2048;

    /** A short description for benchmark output ("scalar (Math.exp)" or the SIMD species). */
    String describe();

    /** The implementation of this JVM. */
    static KernelMaps get() {
        return Holder.INSTANCE;
    }

    /** The scalar maps, whatever the JVM offers (the reference of the tests). */
    static KernelMaps scalar() {
        return ScalarKernelMaps.INSTANCE;
    }

    /**
     * Starts compiling the maps now, on a daemon thread, so that the first large Gram does not run them in the
     * interpreter: Vector API code is many times slower before the JIT's top tier compiles it, which cost about a second
     * in the first iteration of a 6,000-row fit. A command calls this before reading its input; the work (a few
     * thousand calls on rows of about 4,000 entries, {@link Holder#exercise}) overlaps the file parsing on another core.
     * Idempotent; no effect on results. {@code -Dfeaturelab.warmup=false} turns it off (the launcher's class-data
     * archive run, which runs in the interpreter, where the warm-up would only keep a core busy).
     */
    static void warmUpInBackground() {
        Holder.warmUp();
    }

    /** Lazily chosen implementation. */
    final class Holder {
        private Holder() {
        }

        static final KernelMaps INSTANCE = choose();
        private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

        static void warmUp() {
            if (INSTANCE == ScalarKernelMaps.INSTANCE || !Boolean.parseBoolean(System.getProperty("featurelab.warmup", "true"))
                    || !WARMED.compareAndSet(false, true)) {
                return;
            }
            Thread t = new Thread(Holder::exercise, "featurelab-simd-warm-up");
            t.setDaemon(true);
            t.start();
        }

        /**
         * Runs every map the fits and predictions run, in the forms they run them (native rows over several chunks
         * with float32 weights, array rows with float32, float64 or no weights, fused dot products on native and array
         * rows), on data that takes every branch they take:
         * each row starts with a zero distance (the diagonal of a training Gram) and some rows are short enough for
         * the zero to fall in the scalar tail. A warm-up that never saw a zero distance let C2 compile the tail's
         * cancellation test as never taken; the first Gram row shorter than a lane group then trapped, and the maps ran
         * in the interpreter and C1 for about two seconds of the first fit (validation and the next Gram pass).
         */
        static void exercise() {
            int len = 2 * CHUNK + 77;   // the native forms' chunk loop runs three times, with a tail
            double[] norms = new double[len];
            double[] row = new double[len];
            double[] k = new double[len];
            float[] w32 = new float[len];
            double[] w64 = new double[len];
            double[] alphaT = new double[3 * len];
            double[] out = new double[3];
            java.nio.ByteBuffer nativeRow = java.nio.ByteBuffer.allocateDirect(8 * len).order(java.nio.ByteOrder.nativeOrder());
            java.nio.ByteBuffer nativeWeights = java.nio.ByteBuffer.allocateDirect(4 * len).order(java.nio.ByteOrder.nativeOrder());
            double rowNorm = 2.0;
            for (int i = 0; i < len; i++) {
                norms[i] = 1 + i % 7;
                alphaT[i] = 1.0 / (1 + i);
            }
            for (int rep = 0; rep < 800; rep++) {
                int part = rep % 4 == 0 ? rep % 13 : len - rep % 9;   // short rows: the diagonal in the scalar tail
                for (int i = 0; i < part; i++) {
                    row[i] = i == 0 ? -(rowNorm + norms[0]) : -(i % 5);   // entry 0 at distance 0
                }
                System.arraycopy(row, 0, k, 0, part);
                INSTANCE.laplaceRow(k, 0, rowNorm, norms, 0, part, 10.0, k, 0, rep % 2 == 0 ? w64 : null,
                        rep % 2 == 0 ? null : w32, 0);
                nativeRow.asDoubleBuffer().put(0, row, 0, part);
                INSTANCE.laplaceRow(nativeRow, 0, rowNorm, norms, 0, part, 10.0, nativeWeights, 0);
                nativeRow.asDoubleBuffer().put(0, row, 0, part);
                INSTANCE.laplaceRowDot(nativeRow, 0, rowNorm, norms, part, 10.0, alphaT, 3, out, 0);
                System.arraycopy(row, 0, k, 0, part);
                INSTANCE.laplaceRowDot(k, 0, rowNorm, norms, part, 10.0, alphaT, 3, out, 0);
                System.arraycopy(norms, 0, k, 0, part);
                INSTANCE.laplaceInPlace(k, 0, part, 10.0);
            }
        }

        private static KernelMaps choose() {
            if (!Boolean.parseBoolean(System.getProperty("featurelab.simd", "true"))
                    || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return ScalarKernelMaps.INSTANCE;
            }
            try {
                return (KernelMaps) Class.forName("org.featurelab.kernel.SimdKernelMaps").getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return ScalarKernelMaps.INSTANCE;
            }
        }
    }
}
