package org.featurelab.experiment.deeplinear;

import org.featurelab.linalg.Matrix;

/**
 * The Gaussian-link target f*(x) = (g(Aᵀx) − μ)/σ, g(z) = exp(−½‖z − 𝟙‖²), A d×r with orthonormal columns, μ and σ
 * the mean and standard deviation of g over the rows it was fitted on. Gradient ∇f*(x) = −A(z − 𝟙)g(z)/σ (z = Aᵀx).
 */
record GaussianLink(Matrix a, double mean, double sd) {
    /** Standardises g(Aᵀx) over the rows of x (n×d). */
    static GaussianLink fit(Matrix a, Matrix x) {
        double[] g = raw(a, x);
        double m = 0;
        double sq = 0;
        for (double t : g) {
            m += t;
            sq += t * t;
        }
        m /= g.length;
        double sd = Math.sqrt(Math.max(sq / g.length - m * m, 1e-300));
        return new GaussianLink(a, m, sd);
    }

    /** f*(x) per row, n×1. */
    Matrix values(Matrix x) {
        double[] g = raw(a, x);
        for (int i = 0; i < g.length; i++) {
            g[i] = (g[i] - mean) / sd;
        }
        return Matrix.wrap(g.length, 1, g);
    }

    /** (1/n)Σᵢ ∇f*(xᵢ)∇f*(xᵢ)ᵀ, d×d of rank ≤ r: A·[(1/n)Σᵢ g(zᵢ)²(zᵢ − 𝟙)(zᵢ − 𝟙)ᵀ/σ²]·Aᵀ. Cost O(n r² + d² r). */
    Matrix agop(Matrix x) {
        Matrix z = x.times(a);
        int r = a.cols();
        Matrix inner = Matrix.zeros(r, r);
        for (int i = 0; i < z.rows(); i++) {
            double q = 0;
            for (int k = 0; k < r; k++) {
                double t = z.get(i, k) - 1;
                q += t * t;
            }
            double w = Math.exp(-q) / (sd * sd * z.rows());       // g² = exp(−‖z − 𝟙‖²)
            for (int j = 0; j < r; j++) {
                for (int k = 0; k < r; k++) {
                    inner.set(j, k, inner.get(j, k) + w * (z.get(i, j) - 1) * (z.get(i, k) - 1));
                }
            }
        }
        return a.times(inner).timesTranspose(a);
    }

    private static double[] raw(Matrix a, Matrix x) {
        Matrix z = x.times(a);
        double[] g = new double[z.rows()];
        for (int i = 0; i < g.length; i++) {
            double q = 0;
            for (int k = 0; k < a.cols(); k++) {
                double t = z.get(i, k) - 1;
                q += t * t;
            }
            g[i] = Math.exp(-0.5 * q);
        }
        return g;
    }
}
