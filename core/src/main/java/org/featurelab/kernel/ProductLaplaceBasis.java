package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Parallel;
import org.featurelab.linalg.PsdFunctions;

/**
 * {@link KernelBasis} of the {@link ProductLaplace} kernel. With S = M^½ (S = diag(√m) for a diagonal
 * metric) and u = S·x: k(z, x) = exp(−‖S z − S x‖₁ / L) and
 * ∇f_c(z) = (1/L) · S · Σᵢ α_ic k(z, xᵢ) sign(S xᵢ − S z) (sign 0 at ties: a sub-gradient).
 * Immutable. Its training Gram ({@link KernelBasis#trainingGram} by default) keeps nothing beside K, and gradients
 * at the centres come from the rows alone ({@link KernelBasis#gradientsAtCenters} by default): float64 in every
 * arithmetic.
 */
final class ProductLaplaceBasis implements KernelBasis {
    private final double bandwidth;
    private final Matrix s;          // S = M^½ (symmetric), d×d
    private final Matrix u;          // X·S, n×d
    private final Matrix x;

    ProductLaplaceBasis(double bandwidth, Matrix x, Metric metric) {
        if (x.cols() != metric.dimension()) {
            throw new IllegalArgumentException("product-laplace: X is " + x.shape() + ", M has dimension " + metric.dimension());
        }
        this.bandwidth = bandwidth;
        this.x = x;
        if (metric instanceof Metric.Diagonal diag) {
            double[] m = diag.m();
            for (int j = 0; j < m.length; j++) {
                m[j] = Math.sqrt(m[j]);
            }
            this.s = Matrix.diagonal(m);
        } else {
            this.s = PsdFunctions.sqrt(metric.toMatrix());
        }
        this.u = x.times(s);
    }

    @Override
    public Matrix centers() {
        return x;
    }

    @Override
    public int size() {
        return u.rows();
    }

    @Override
    public int dimension() {
        return u.cols();
    }

    @Override
    public Matrix gram(Matrix z) {
        Matrix uz = z.times(s);
        int b = z.rows();
        int n = size();
        int d = dimension();
        Matrix k = Matrix.zeros(b, n);
        double[] kd = k.data();
        double[] ud = u.data();
        double[] zd = uz.data();
        Parallel.rows(b, (long) n * d, a -> {
            for (int i = 0; i < n; i++) {
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    dist += Math.abs(zd[a * d + j] - ud[i * d + j]);
                }
                kd[a * n + i] = Math.exp(-dist / bandwidth);
            }
        });
        return k;
    }

    @Override
    public Matrix gradients(Matrix z, Matrix alpha) {
        int n = size();
        int d = dimension();
        int c = alpha.cols();
        if (alpha.rows() != n) {
            throw new IllegalArgumentException("gradients: alpha is " + alpha.shape() + " for " + n + " centres");
        }
        Matrix k = gram(z);
        Matrix uz = z.times(s);
        int b = z.rows();
        Matrix gu = Matrix.zeros(b, c * d); // gradients w.r.t. u = S z, then mapped by S
        double[] gd = gu.data();
        double[] kd = k.data();
        double[] ud = u.data();
        double[] zd = uz.data();
        double[] al = alpha.data();
        Parallel.rows(b, (long) n * c * d, a -> {
            double[] sign = new double[d];
            for (int i = 0; i < n; i++) {
                double kai = kd[a * n + i] / bandwidth;
                if (kai == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    sign[j] = Math.signum(ud[i * d + j] - zd[a * d + j]);
                }
                for (int q = 0; q < c; q++) {
                    double w = kai * al[i * c + q];
                    int off = a * c * d + q * d;
                    for (int j = 0; j < d; j++) {
                        gd[off + j] += w * sign[j];
                    }
                }
            }
        });
        // ∇_z = S·∇_u for every (a, c) row: (b·c)×d times S (symmetric)
        return Matrix.wrap(b * c, d, gd).times(s).viewAs(b, c * d);
    }
}
