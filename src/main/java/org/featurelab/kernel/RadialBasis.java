package org.featurelab.kernel;

import org.featurelab.linalg.Blas;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Parallel;
import org.featurelab.linalg.Precision;

/**
 * {@link KernelBasis} of a {@link RadialKernel}: Gram blocks from one GEMM plus row norms, gradients from
 * two more GEMMs (the batched closed form of the reference, never an n×n×d tensor):
 * <pre>
 *   W_ai = w(‖zₐ−xᵢ‖²_M)                         (b×n, zero where the distance is &lt; 1e-10 for Laplace)
 *   centres = W · [α_·c ⊙ (XM)]_c                 (b × c·d, one GEMM: 2·b·n·c·d flops; float32 under
 *                                                 Precision.MIXED for n ≥ 1500)
 *   samples = (W·α)_ac · (zₐM)                   (b × c·d)
 *   ∇f_c(zₐ) = centres − samples
 * </pre>
 */
public final class RadialBasis implements KernelBasis {
    private final RadialKernel kernel;
    private final MahalanobisDistances distances;
    /** W(X, X), kept by {@link #gramAtCenters()} for the gradient pass at the training points; null until then. */
    private Matrix centerWeights;
    /** W(X, X) in float32 instead of {@link #centerWeights} under mixed precision; null otherwise. */
    private float[] centerWeights32;
    /** μM, computed on first use by the gradient paths. */
    private double[] meanM;
    private static final double MIN_DISTANCE = RadialKernel.MIN_DISTANCE;

    private final boolean float32Gradients;

    RadialBasis(RadialKernel kernel, Matrix x, Metric metric, Precision precision) {
        this.kernel = kernel;
        this.float32Gradients = precision.mixedFor(x.rows());
        this.distances = new MahalanobisDistances(x, metric);
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
        Matrix k = distances.squared(z);
        double[] v = k.data();
        int n = size();
        Parallel.rows(k.rows(), n, a -> {
            for (int i = a * n, end = i + n; i < end; i++) {
                v[i] = kernel.valueAtSquaredDistance(v[i]);
            }
        });
        return k;
    }

    /**
     * K(X, X), computing in the same pass the gradient weights W(X, X) that {@link #gradientsAtCenters} and
     * {@link #weightsAtCenters} then reuse. The cross terms X·M·Xᵀ are streamed in row blocks of the upper
     * triangle ({@link Blas#gemmUpperRowBlocks}: n²·d flops, no n×n temporary); each block is turned into
     * kernel values and weights (one square root and one exponential per pair i ≤ j) and mirrored.
     * Memory: the two n×n results.
     */
    @Override
    public Matrix gramAtCenters() {
        return gramAtCenters(new GramWorkspace());
    }

    @Override
    public Matrix gramAtCenters(GramWorkspace ws) {
        int n = size();
        double[] norms = distances.centerNorms();
        Matrix k = ws.k(n);
        // mixed precision keeps W only as float32 (all the float32 gradient GEMM needs); else float64
        boolean f32 = float32Gradients;
        Matrix w = f32 ? null : ws.w(n);
        double[] wv = f32 ? null : w.data();
        float[] w32 = f32 ? ws.w32(n * n) : null;
        double[] kv = k.data();
        boolean laplace = kernel instanceof Laplace;
        double l = kernel.bandwidth();
        int blockRows = Math.max(16, Math.min(512, (1 << 21) / Math.max(1, n)));
        Blas.gemmUpperRowBlocks(n, dimension(), -2.0, centersTimesMetric().data(), centers().data(), blockRows,
                (r0, rows, block) -> {
                    int cols = n - r0;
                    Parallel.rows(rows, cols, r -> {
                        int a = r0 + r;
                        for (int j = r; j < cols; j++) {
                            int i = r0 + j;
                            double r2 = MahalanobisDistances.squaredDistance(block[r * cols + j], norms[a], norms[i]);
                            double value;
                            double weight;
                            if (laplace) {
                                double dist = Math.sqrt(r2);
                                value = Math.exp(-dist / l);
                                weight = dist < MIN_DISTANCE ? 0.0 : value / (l * dist);
                            } else {
                                value = kernel.valueAtSquaredDistance(r2);
                                weight = kernel.gradientWeight(r2, value);
                            }
                            kv[a * n + i] = value;
                            if (f32) {
                                w32[a * n + i] = (float) weight;
                            } else {
                                wv[a * n + i] = weight;
                            }
                        }
                    });
                    // mirror the block's upper part below the diagonal: rows i > r0 receive columns [r0, min(i, r0 + rows))
                    Parallel.rows(cols, rows, j -> {
                        int i = r0 + j;
                        int end = Math.min(i, r0 + rows);
                        for (int a = r0; a < end; a++) {
                            kv[i * n + a] = kv[a * n + i];
                        }
                        if (f32) {
                            for (int a = r0; a < end; a++) {
                                w32[i * n + a] = w32[a * n + i];
                            }
                        } else {
                            for (int a = r0; a < end; a++) {
                                wv[i * n + a] = wv[a * n + i];
                            }
                        }
                    });
                });
        centerWeights = w;
        centerWeights32 = w32;
        return k;
    }

    /** All rows at once when W(X, X) is already held (no extra n×n memory); else bounded blocks. */
    @Override
    public int gradientBlockRows(int width) {
        return centerWeights != null || centerWeights32 != null ? size() : KernelBasis.blockRows(size(), width);
    }

    /**
     * Rows [from, to) of W(X, X): from the pass of {@link #gramAtCenters()} if it ran (widened from float32 in
     * mixed precision), else computed now. The full float64 range is returned without a copy: callers must not
     * modify it.
     */
    public Matrix weightsAtCenters(int from, int to) {
        if (centerWeights != null && from == 0 && to == size()) {
            return centerWeights;
        }
        if (centerWeights != null) {
            return centerWeights.rowRange(from, to);
        }
        if (centerWeights32 != null) {
            int n = size();
            Matrix rows = Matrix.zeros(to - from, n);
            double[] rd = rows.data();
            for (int i = 0, src = from * n; i < rd.length; i++, src++) {
                rd[i] = centerWeights32[src];
            }
            return rows;
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

    @Override
    public Matrix gradients(Matrix z, Matrix alpha) {
        return gradients(z, distances.metric().apply(z), alpha);
    }

    @Override
    public Matrix gradientsAtCenters(int from, int to, Matrix alpha) {
        if (centerWeights32 != null && from == 0 && to == size()) {
            return gradientsAtCentersFloat32(alpha);
        }
        return fromWeights(weightsAtCenters(from, to), centersTimesMetric().rowRange(from, to), alpha);
    }

    /**
     * All training-point gradients with the big GEMM in float32: W (float32 copy from the Gram pass) times
     * [α ⊗ XM | α] built directly in float32; the float32 product is widened while the sample term is subtracted.
     */
    private Matrix gradientsAtCentersFloat32(Matrix alpha) {
        int n = size();
        int width = alpha.cols() * dimension() + alpha.cols();
        float[] weighted = new float[n * width];
        fillWeightedCenters(alpha, (i, v) -> weighted[i] = (float) v);
        float[] both = new float[n * width];
        Blas.sgemm(n, width, n, centerWeights32, weighted, both);
        return subtractSamples(i -> both[i], n, centersTimesMetric(), alpha.cols());
    }

    /** Gradients with Z·M supplied. */
    public Matrix gradients(Matrix z, Matrix zM, Matrix alpha) {
        return fromWeights(gradientWeights(z, zM), zM, alpha);
    }

    /**
     * ∇f_c(zₐ) = Σᵢ W_ai α_ic (xᵢM) − (Σᵢ W_ai α_ic)(zₐM): both sums from ONE GEMM of W (b×n) with
     * [α ⊗ XM | α] (n × (c·d + c)).
     */
    private Matrix fromWeights(Matrix w, Matrix zM, Matrix alpha) {
        int n = size();
        if (alpha.rows() != n) {
            throw new IllegalArgumentException("gradients: alpha is " + alpha.shape() + " for " + n + " centres");
        }
        int c = alpha.cols();
        Matrix weighted = Matrix.zeros(n, c * dimension() + c);
        double[] o = weighted.data();
        fillWeightedCenters(alpha, (i, v) -> o[i] = v);
        Matrix both = Matrix.multiply(w, false, weighted, false, float32Gradients); // b × (c·d + c)
        double[] bd = both.data();
        return subtractSamples(i -> bd[i], both.rows(), zM, c);
    }

    /** Receives one entry of a flat row-major buffer. */
    @FunctionalInterface
    private interface Store {
        void put(int index, double value);
    }

    /**
     * μM for the column mean μ of the centres. Gradients are assembled from (xᵢ − μ)M and (z − μ)M: the same
     * value as from xᵢM and zM (the weights multiply xᵢ − z), but the two sums that are subtracted no longer
     * carry a large common offset when the data are not centred — which matters for the float32 GEMM.
     */
    private double[] meanTimesMetric() {
        if (meanM == null) {
            Matrix x = centers();
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
            meanM = distances.metric().apply(mean).data();
        }
        return meanM;
    }

    /** Writes the n × (c·d + c) matrix whose row i is [α_i1·(xᵢ−μ)M, …, α_ic·(xᵢ−μ)M, α_i1, …, α_ic]. */
    private void fillWeightedCenters(Matrix alpha, Store out) {
        int n = size();
        int d = dimension();
        int c = alpha.cols();
        int width = c * d + c;
        double[] x = distances.centersTimesMetric().data();
        double[] mu = meanTimesMetric();
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
        double[] mu = meanTimesMetric();
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
