package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Parallel;

/**
 * Squared Mahalanobis distances between row sets by one GEMM and two row-norm vectors:
 * ‖z−x‖²_M = zᵀMz + xᵀMx − 2·zᵀMx. The expansion cancels: a result below
 * {@value #CANCELLATION}·(zᵀMz + xᵀMx) is within round-off of zero and is set to exactly 0 (so a training
 * point's self-distance is 0, its Laplace kernel value exactly 1 and its gradient self-term dropped).
 *
 * <p>Holding {@code XM = X·M} and the norms of the reference rows lets a caller stream many query blocks
 * against the same centres: each block costs 2·b·n·d flops (GEMM) plus b·n element-wise operations.
 */
public final class MahalanobisDistances {
    /** Relative size under which a squared distance is indistinguishable from 0 in the GEMM expansion. */
    public static final double CANCELLATION = 1e-12;
    private final Matrix centers;      // X, n×d
    private final Matrix centersM;     // X·M, n×d
    private final double[] centerNorms; // xᵢᵀMxᵢ
    private final Metric metric;

    /** Precomputes X·M and the centres' squared norms. Cost 2·n·d² flops (full M). */
    public MahalanobisDistances(Matrix centers, Metric metric) {
        if (centers.cols() != metric.dimension()) {
            throw new IllegalArgumentException("distances: X is " + centers.shape() + ", M has dimension " + metric.dimension());
        }
        this.centers = centers;
        this.metric = metric;
        this.centersM = metric.apply(centers);
        this.centerNorms = centers.rowDots(centersM);
    }

    public Matrix centers() {
        return centers;
    }

    /** X·M for the centres (shared, do not modify). */
    public Matrix centersTimesMetric() {
        return centersM;
    }

    public Metric metric() {
        return metric;
    }

    /** Squared norms xᵢᵀMxᵢ of the centres (shared, do not modify). */
    double[] centerNorms() {
        return centerNorms;
    }

    /** The GEMM part −2·Z·M·Xᵀ (b×n) alone, for callers that fuse the rest into their own pass. */
    Matrix crossTerms(Matrix zM) {
        Matrix out = Matrix.zeros(zM.rows(), centers.rows());
        Matrix.gemmInPlace(-2.0, zM, false, centers, true, 0.0, out);
        return out;
    }

    /** Squared distance from the cross term and the two squared norms, with the cancellation cut-off. */
    static double squaredDistance(double cross, double zNorm, double xNorm) {
        double scale = zNorm + xNorm;
        double v = cross + scale;
        return v > CANCELLATION * scale ? v : 0.0;
    }

    /** b×n matrix of ‖zₐ − xᵢ‖²_M for the query rows Z (b×d). */
    public Matrix squared(Matrix z) {
        return squared(z, metric.apply(z));
    }

    /** As {@link #squared(Matrix)} with Z·M already computed. */
    public Matrix squared(Matrix z, Matrix zM) {
        if (z.cols() != centers.cols()) {
            throw new IllegalArgumentException("distances: Z is " + z.shape() + ", X is " + centers.shape());
        }
        int b = z.rows();
        int n = centers.rows();
        double[] zNorms = z.rowDots(zM);
        Matrix out = crossTerms(zM);
        double[] o = out.data();
        Parallel.rows(b, n, a -> {
            int off = a * n;
            double za = zNorms[a];
            for (int i = 0; i < n; i++) {
                o[off + i] = squaredDistance(o[off + i], za, centerNorms[i]);
            }
        });
        return out;
    }
}
