package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Parallel;

/**
 * {@link KernelBasis} of a {@link RadialKernel}: Gram blocks from one GEMM plus row norms, gradients from
 * two more GEMMs (the batched closed form of the reference, never an n×n×d tensor):
 * <pre>
 *   W_ai = w(‖zₐ−xᵢ‖²_M)                         (b×n, zero where the distance is &lt; 1e-10 for Laplace)
 *   centres = W · [α_·c ⊙ (XM)]_c                 (b × c·d, one GEMM: 2·b·n·c·d flops)
 *   samples = (W·α)_ac · (zₐM)                   (b × c·d)
 *   ∇f_c(zₐ) = centres − samples
 * </pre>
 */
public final class RadialBasis implements KernelBasis {
    private final RadialKernel kernel;
    private final MahalanobisDistances distances;

    RadialBasis(RadialKernel kernel, Matrix x, Metric metric) {
        this.kernel = kernel;
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
        return gradients(centers().rowRange(from, to), centersTimesMetric().rowRange(from, to), alpha);
    }

    /** Gradients with Z·M supplied (e.g. rows of {@link #centersTimesMetric()} for training points). */
    public Matrix gradients(Matrix z, Matrix zM, Matrix alpha) {
        int n = size();
        int d = dimension();
        if (alpha.rows() != n) {
            throw new IllegalArgumentException("gradients: alpha is " + alpha.shape() + " for " + n + " centres");
        }
        int c = alpha.cols();
        Matrix weighted = weightedCenters(alpha);
        Matrix w = gradientWeights(z, zM);
        Matrix g = w.times(weighted);          // b × c·d
        Matrix s = w.times(alpha);             // b × c
        double[] gd = g.data();
        double[] sd = s.data();
        double[] zm = zM.data();
        Parallel.rows(z.rows(), (long) c * d, a -> {
            for (int k = 0; k < c; k++) {
                double sak = sd[a * c + k];
                int off = a * c * d + k * d;
                for (int j = 0; j < d; j++) {
                    gd[off + j] -= sak * zm[a * d + j];
                }
            }
        });
        return g;
    }

    /** n × (c·d) matrix whose row i is [α_i1·(xᵢM), …, α_ic·(xᵢM)]. */
    private Matrix weightedCenters(Matrix alpha) {
        int n = size();
        int d = dimension();
        int c = alpha.cols();
        Matrix xm = distances.centersTimesMetric();
        Matrix out = Matrix.zeros(n, c * d);
        double[] o = out.data();
        double[] x = xm.data();
        double[] al = alpha.data();
        Parallel.rows(n, (long) c * d, i -> {
            for (int k = 0; k < c; k++) {
                double a = al[i * c + k];
                int off = i * c * d + k * d;
                for (int j = 0; j < d; j++) {
                    o[off + j] = a * x[i * d + j];
                }
            }
        });
        return out;
    }
}
