package org.featurelab.kernel;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Blas;
import org.featurelab.linalg.GemmStreams;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.NativeDoubles;
import org.featurelab.linalg.NativeFloats;
import org.featurelab.linalg.Parallel;

/**
 * {@link KernelBasis} of a {@link RadialKernel}: Gram blocks from one GEMM plus row norms, gradients from
 * two more GEMMs (the batched closed form of the reference, never an n×n×d tensor):
 * <pre>
 *   W_ai = w(‖zₐ−xᵢ‖²_M)                         (b×n, zero where the distance is &lt; 1e-10 for Laplace)
 *   centres = W · [α_·c ⊙ (X−μ)M]_c               (b × c·d, one GEMM: 2·b·n·c·d flops; at the training points
 *                                                 in float32 when the training Gram is {@link Arithmetic#MIXED})
 *   samples = (W·α)_ac · (zₐ−μ)M                 (b × c·d)
 *   ∇f_c(zₐ) = centres − samples
 * </pre>
 * Immutable: everything is precomputed from X and M at construction; the by-products of the training-Gram pass
 * live in the {@link TrainingGram} it returns.
 */
public final class RadialBasis implements KernelBasis {
    private final RadialKernel kernel;
    private final MahalanobisDistances distances;
    /** μM for the column mean μ of the centres (see {@link #meanTimesMetric(Matrix, Metric)}). */
    private final double[] meanM;

    RadialBasis(RadialKernel kernel, Matrix x, Metric metric) {
        this.kernel = kernel;
        this.distances = new MahalanobisDistances(x, metric);
        this.meanM = meanTimesMetric(x, metric);
    }

    public RadialKernel kernel() {
        return kernel;
    }

    @Override
    public Matrix centers() {
        return distances.centers();
    }

    /** X·M of the centres (shared, do not modify). */
    public Matrix centersTimesMetric() {
        return distances.centersTimesMetric();
    }

    public Metric metric() {
        return distances.metric();
    }

    @Override
    public int size() {
        return distances.centers().rows();
    }

    @Override
    public int dimension() {
        return distances.centers().cols();
    }

    @Override
    public Matrix gram(Matrix z) {
        int n = size();
        KernelMaps maps = KernelMaps.get();
        double l = kernel.bandwidth();
        if (kernel instanceof Laplace) { // one fused pass over the cross terms: distance, root and exponential
            Matrix zM = queryTimesMetric(z);
            double[] zNorms = z.rowDots(zM);
            double[] norms = distances.centerNorms();
            Matrix k = distances.crossTerms(zM);
            double[] v = k.data();
            Parallel.rows(k.rows(), n, a -> maps.laplaceRow(v, a * n, zNorms[a], norms, 0, n, l, v, a * n, null, null, 0));
            return k;
        }
        Matrix k = distances.squared(z);
        double[] v = k.data();
        Parallel.rows(k.rows(), n, a -> {
            for (int i = a * n, end = i + n; i < end; i++) {
                v[i] = kernel.valueAtSquaredDistance(v[i]);
            }
        });
        return k;
    }

    /** Z·M for query rows Z, after checking that Z has the centres' dimension. */
    private Matrix queryTimesMetric(Matrix z) {
        if (z.cols() != dimension()) {
            throw new IllegalArgumentException("distances: Z is " + z.shape() + ", X is " + centers().shape());
        }
        return distances.metric().apply(z);
    }

    /**
     * K(Z, X)·α without storing K: for the Laplace kernel, the cross terms −2·Z·M·Xᵀ are streamed in row blocks
     * in native memory ({@link GemmStreams#rowBlocks}) and each query row, copied into an array, is reduced to its
     * outputs by {@link KernelMaps#laplaceRowDot} (distance, exponential and the dot products with α in one pass); other
     * kernels as {@link KernelBasis#predict}. Memory: one native block of about 2²¹ doubles and one row copy per running
     * thread besides the result. The sums run in a different order than
     * gram(Z)·α, so the two agree to rounding.
     */
    @Override
    public Matrix predict(Matrix z, Matrix alpha) {
        if (!(kernel instanceof Laplace)) {
            return KernelBasis.super.predict(z, alpha);
        }
        int n = size();
        if (alpha.rows() != n) {
            throw new IllegalArgumentException("predict: alpha is " + alpha.shape() + " for " + n + " centres");
        }
        int outputs = alpha.cols();
        Matrix zM = queryTimesMetric(z);
        double[] zNorms = z.rowDots(zM);
        double[] norms = distances.centerNorms();
        double[] alphaT = alpha.transpose().data();
        double l = kernel.bandwidth();
        KernelMaps maps = KernelMaps.get();
        Matrix out = Matrix.zeros(z.rows(), outputs);
        double[] o = out.data();
        int blockRows = Math.max(1, (1 << 21) / Math.max(1, n));
        GemmStreams.rowBlocks(z.rows(), n, dimension(), -2.0, zM.data(), centers().data(), blockRows,
                (r0, rows, block, stride) -> Parallel.rows(rows, (long) n * (outputs + 1), r -> maps.laplaceRowDot(block,
                        r * stride, zNorms[r0 + r], norms, n, l, alphaT, outputs, o, (r0 + r) * outputs)));
        return out;
    }

    /**
     * K(X, X), computing in the same pass the gradient weights W(X, X) that {@link #gradientsAtCenters} and
     * {@link #weightsAtCenters} then take from the returned value. The cross terms X·M·Xᵀ are streamed in row blocks
     * of the upper triangle ({@link GemmStreams}: n²·d flops, no n×n temporary); each block is turned into
     * kernel values and weights (one square root and one exponential per pair i ≤ j; for the Laplace kernel by
     * {@link KernelMaps#laplaceRow}, SIMD when the JVM has the Vector API).
     * <ul>
     *   <li>{@link Arithmetic#FLOAT64}: K and W in float64, both mirrored into full symmetric matrices.</li>
     *   <li>{@link Arithmetic#MIXED}: the upper triangles only, in native memory ({@link TrainingGram.Values.NativeUpper}):
     *   K in float64, where the mixed-precision solve reads it in place, and W in float32, where the symmetric gradient
     *   product does. The cross terms are computed into K's own storage and rewritten there in place. Skipping the two
     *   mirrors saves about 40 % of the pass; no n² heap array is allocated and zeroed, and no block is copied
     *   (docs/performance.md).</li>
     * </ul>
     * Memory: the n×n results, in the storage of {@code ws}; under float64 also one heap block of at most 2²¹ values.
     */
    @Override
    public TrainingGram trainingGram(Arithmetic arithmetic, GramWorkspace ws) {
        return trainingGram(arithmetic, ws, true);
    }

    /**
     * With {@code updateFollows} false the pass writes K only (no W: {@link TrainingGram.Weights.None}), which saves
     * the weights' division and their stores in a fit's last iteration (n²/2 float32 values under mixed arithmetic, n²
     * float64 values with the mirror under float64).
     */
    @Override
    public TrainingGram trainingGram(Arithmetic arithmetic, GramWorkspace ws, boolean updateFollows) {
        TrainingGram.requireKernelArithmetic(arithmetic);
        int n = size();
        int blockRows = Math.max(16, Math.min(512, (1 << 21) / Math.max(1, n)));
        return arithmetic.usesFloat32Gemm() ? mixedGram(n, blockRows, arithmetic, ws, updateFollows)
                : float64Gram(n, blockRows, arithmetic, ws, updateFollows);
    }

    /** The float64 pass: K (and W if {@code keepWeights}) on the heap, each block's rows mirrored below the diagonal. */
    private TrainingGram float64Gram(int n, int blockRows, Arithmetic arithmetic, GramWorkspace ws, boolean keepWeights) {
        double[] norms = distances.centerNorms();
        Matrix k = ws.k(n);
        Matrix w = keepWeights ? ws.w(n) : null;
        double[] kv = k.data();
        double[] wv = keepWeights ? w.data() : null;
        boolean laplace = kernel instanceof Laplace;
        double l = kernel.bandwidth();
        KernelMaps maps = KernelMaps.get();
        GemmStreams.upperRowBlocks(n, dimension(), -2.0, centersTimesMetric().data(), centers().data(), blockRows,
                (r0, rows, block) -> {
                    int cols = n - r0;
                    Parallel.rows(rows, cols, r -> {
                        int a = r0 + r;
                        if (laplace) { // the fused row of KernelMaps: j = r..cols−1 is i = a..n−1
                            maps.laplaceRow(block, r * cols + r, norms[a], norms, a, cols - r, l, kv, a * n + a, wv, null,
                                    a * n + a);
                            return;
                        }
                        for (int j = r; j < cols; j++) {
                            int i = r0 + j;
                            double r2 = MahalanobisDistances.squaredDistance(block[r * cols + j], norms[a], norms[i]);
                            double value = kernel.valueAtSquaredDistance(r2);
                            kv[a * n + i] = value;
                            if (wv != null) {
                                wv[a * n + i] = kernel.gradientWeight(r2, value);
                            }
                        }
                    });
                    // mirror the block's upper part below the diagonal: rows i > r0 receive columns [r0, min(i, r0 + rows))
                    Parallel.rows(cols, rows, j -> {
                        int i = r0 + j;
                        int end = Math.min(i, r0 + rows);
                        for (int a = r0; a < end; a++) {
                            kv[i * n + a] = kv[a * n + i];
                            if (wv != null) {
                                wv[i * n + a] = wv[a * n + i];
                            }
                        }
                    });
                });
        return new TrainingGram(k, keepWeights ? new TrainingGram.Weights.Float64(w) : new TrainingGram.Weights.None(),
                arithmetic);
    }

    /**
     * The mixed-precision pass, in native memory only: the cross terms of each block are computed into K's own upper
     * triangle ({@link GemmStreams#upperRowBlocksInto}) and replaced there by the kernel values, while the float32
     * weights (with {@code keepWeights}) go to W's; no block is copied and no n² heap array exists.
     */
    private TrainingGram mixedGram(int n, int blockRows, Arithmetic arithmetic, GramWorkspace ws, boolean keepWeights) {
        double[] norms = distances.centerNorms();
        NativeDoubles k64 = ws.kUpper((long) n * n);
        NativeFloats w32 = keepWeights ? ws.w32((long) n * n) : null;
        boolean laplace = kernel instanceof Laplace;
        double l = kernel.bandwidth();
        KernelMaps maps = KernelMaps.get();
        GemmStreams.upperRowBlocksInto(n, dimension(), -2.0, centersTimesMetric().data(), centers().data(), blockRows,
                k64, (r0, rows, block, stride) -> {
                    int cols = n - r0;
                    java.nio.ByteBuffer weights = w32 == null ? null
                            : w32.view((long) r0 * n + r0, (long) (rows - 1) * n + cols);
                    Parallel.rows(rows, cols, r -> {
                        int a = r0 + r;
                        int at = r * stride + r;   // entry (a, a); j = r..cols−1 is i = a..n−1
                        if (laplace) {
                            maps.laplaceRow(block, at, norms[a], norms, a, cols - r, l, weights, at);
                            return;
                        }
                        for (int j = 0; j < cols - r; j++) {
                            double r2 = MahalanobisDistances.squaredDistance(block.getDouble(8 * (at + j)), norms[a],
                                    norms[a + j]);
                            double value = kernel.valueAtSquaredDistance(r2);
                            block.putDouble(8 * (at + j), value);
                            if (weights != null) {
                                weights.putFloat(4 * (at + j), (float) kernel.gradientWeight(r2, value));
                            }
                        }
                    });
                });
        return new TrainingGram(new TrainingGram.Values.NativeUpper(n, k64), w32 == null ? new TrainingGram.Weights.None()
                : new TrainingGram.Weights.Float32(n, w32, ws.operand(), ws.product()), arithmetic);
    }

    /** All rows at once when {@code gram} holds W(X, X) (no extra n×n memory); else bounded blocks. */
    @Override
    public int gradientBlockRows(TrainingGram gram, int width) {
        return gram.weights() instanceof TrainingGram.Weights.None ? KernelBasis.blockRows(size(), width) : size();
    }

    /**
     * Rows [from, to) of W(X, X): from {@code gram} if its pass kept them (widened from float32 under mixed
     * arithmetic), else computed now. The full float64 range is returned without a copy: callers must not modify it.
     */
    public Matrix weightsAtCenters(TrainingGram gram, int from, int to) {
        gram.requireSize(size(), "weights");
        if (gram.weights() instanceof TrainingGram.Weights.Float64 held) {
            return from == 0 && to == size() ? held.w() : held.w().rowRange(from, to);
        }
        if (gram.weights() instanceof TrainingGram.Weights.Float32 held) {
            return UpperTriangle.widenedRows(held.upper(), size(), from, to);
        }
        return gradientWeights(centers().rowRange(from, to), centersTimesMetric().rowRange(from, to));
    }

    /** b×n matrix of gradient weights w(zₐ, xᵢ) given Z and Z·M. */
    public Matrix gradientWeights(Matrix z, Matrix zM) {
        Matrix w = distances.squared(z, zM);
        double[] v = w.data();
        int n = size();
        Parallel.rows(w.rows(), n, a -> {
            for (int i = a * n, end = i + n; i < end; i++) {
                double r2 = v[i];
                v[i] = kernel.gradientWeight(r2, kernel.valueAtSquaredDistance(r2));
            }
        });
        return w;
    }

    /** Gradients at query rows, in float64. */
    @Override
    public Matrix gradients(Matrix z, Matrix alpha) {
        return gradients(z, distances.metric().apply(z), alpha);
    }

    /**
     * Gradients at the centres [from, to) from the weights {@code gram} holds; the GEMM runs in the arithmetic of
     * {@code gram}, directly on the float32 W for all rows under {@link Arithmetic#MIXED}.
     */
    @Override
    public Matrix gradientsAtCenters(TrainingGram gram, int from, int to, Matrix alpha) {
        gram.requireSize(size(), "gradients");
        if (gram.weights() instanceof TrainingGram.Weights.Float32 held && from == 0 && to == size()) {
            return gradientsAtCentersFloat32(held, alpha);
        }
        return fromWeights(weightsAtCenters(gram, from, to), centersTimesMetric().rowRange(from, to), alpha,
                gram.arithmetic());
    }

    /**
     * All training-point gradients with the big product in float32: the symmetric W (its upper triangle, float32 in
     * native memory from the Gram pass) times [α ⊗ (X−μ)M | α], built in float32 and copied once into the workspace's
     * native operand buffer (ssymm, {@link Blas#ssymmUpper}); the float32 product is widened while the sample term is
     * subtracted.
     */
    private Matrix gradientsAtCentersFloat32(TrainingGram.Weights.Float32 held, Matrix alpha) {
        int n = size();
        requireAlpha(alpha);
        int width = alpha.cols() * dimension() + alpha.cols();
        float[] weighted = new float[n * width];
        fillWeightedCenters(alpha, (i, v) -> weighted[i] = (float) v);
        long size = (long) n * width;
        NativeFloats b = held.operand().reserve(size);
        NativeFloats product = held.product().reserve(size);
        b.put(0, weighted, 0, weighted.length);
        Blas.ssymmUpper(n, width, held.upper(), b, product);
        product.get(0, weighted, 0, weighted.length);   // the buffer now holds the product
        return subtractSamples(i -> weighted[i], n, centersTimesMetric(), alpha.cols());
    }

    /** Gradients at query rows with Z·M supplied, in float64. */
    public Matrix gradients(Matrix z, Matrix zM, Matrix alpha) {
        return fromWeights(gradientWeights(z, zM), zM, alpha, Arithmetic.FLOAT64);
    }

    private void requireAlpha(Matrix alpha) {
        if (alpha.rows() != size()) {
            throw new IllegalArgumentException("gradients: alpha is " + alpha.shape() + " for " + size() + " centres");
        }
    }

    /**
     * ∇f_c(zₐ) = Σᵢ W_ai α_ic (xᵢ−μ)M − (Σᵢ W_ai α_ic)(zₐ−μ)M: both sums from ONE GEMM of W (b×n) with
     * [α ⊗ (X−μ)M | α] (n × (c·d + c)), in {@code arithmetic}.
     */
    private Matrix fromWeights(Matrix w, Matrix zM, Matrix alpha, Arithmetic arithmetic) {
        int n = size();
        requireAlpha(alpha);
        int c = alpha.cols();
        Matrix weighted = Matrix.zeros(n, c * dimension() + c);
        double[] o = weighted.data();
        fillWeightedCenters(alpha, (i, v) -> o[i] = v);
        Matrix both = Matrix.multiply(w, false, weighted, false, arithmetic); // b × (c·d + c)
        double[] bd = both.data();
        return subtractSamples(i -> bd[i], both.rows(), zM, c);
    }

    /** Receives one entry of a flat row-major buffer. */
    @FunctionalInterface
    private interface Store {
        void put(int index, double value);
    }

    /**
     * μM for the column mean μ of the centres X. Gradients are assembled from (xᵢ − μ)M and (z − μ)M: the same
     * value as from xᵢM and zM (the weights multiply xᵢ − z), but the two sums that are subtracted no longer
     * carry a large common offset when the data are not centred — which matters for the float32 GEMM.
     * Cost n·d + d² flops.
     */
    private static double[] meanTimesMetric(Matrix x, Metric metric) {
        int n = x.rows();
        int d = x.cols();
        Matrix mean = Matrix.zeros(1, d);
        double[] md = mean.data();
        double[] xd = x.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                md[j] += xd[i * d + j] / n;
            }
        }
        return metric.apply(mean).data();
    }

    /** Writes the n × (c·d + c) matrix whose row i is [α_i1·(xᵢ−μ)M, …, α_ic·(xᵢ−μ)M, α_i1, …, α_ic]. */
    private void fillWeightedCenters(Matrix alpha, Store out) {
        int n = size();
        int d = dimension();
        int c = alpha.cols();
        int width = c * d + c;
        double[] x = distances.centersTimesMetric().data();
        double[] mu = meanM;
        double[] al = alpha.data();
        Parallel.rows(n, width, i -> {
            for (int k = 0; k < c; k++) {
                double a = al[i * c + k];
                int off = i * width + k * d;
                for (int j = 0; j < d; j++) {
                    out.put(off + j, a * (x[i * d + j] - mu[j]));
                }
                out.put(i * width + c * d + k, a);
            }
        });
    }

    /**
     * From the b × (c·d + c) product [Σᵢ W_ai α_ic (xᵢM) | Σᵢ W_ai α_ic] (read through {@code both}) to the
     * gradients (b × c·d): subtracts (Σᵢ W_ai α_ic)·(zₐ − μ)M.
     */
    private Matrix subtractSamples(java.util.function.IntToDoubleFunction both, int b, Matrix zM, int c) {
        int d = dimension();
        int width = c * d + c;
        double[] mu = meanM;
        Matrix g = Matrix.zeros(b, c * d);
        double[] gd = g.data();
        double[] zm = zM.data();
        Parallel.rows(b, (long) c * d, a -> {
            for (int k = 0; k < c; k++) {
                double sak = both.applyAsDouble(a * width + c * d + k);
                int src = a * width + k * d;
                int dst = a * c * d + k * d;
                for (int j = 0; j < d; j++) {
                    gd[dst + j] = both.applyAsDouble(src + j) - sak * (zm[a * d + j] - mu[j]);
                }
            }
        });
        return g;
    }
}
