package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;

/**
 * The closed-form NNGP kernel of a ReLU neuron with a Gaussian hidden weight, w ~ N(0, (σ_w²/d)·I_d):
 * <pre>
 *   K(x, x') = E_w[φ(wᵀx) φ(wᵀx')] = (σ_w²/d) · ‖x‖‖x'‖ · (sin θ + (π − θ) cos θ) / (2π),
 *   cos θ = xᵀx' / (‖x‖‖x'‖)  (clamped to [−1, 1]; θ := π/2 when x or x' is 0, where K = 0 anyway).
 * </pre>
 * Derivation (docs/mean-field.md): (u, v) = (wᵀx, wᵀx') is a centred Gaussian pair with variances
 * s²‖x‖², s²‖x'‖² and covariance s²xᵀx' (s² = σ_w²/d); Cho &amp; Saul's arc-cosine kernel of order 1,
 * k₁(x, x') = 2·E_{z~N(0,I)}[φ(zᵀx)φ(zᵀx')] = (1/π)‖x‖‖x'‖ J₁(θ), J₁ = sin θ + (π − θ) cos θ, gives the
 * factor 1/(2π); at θ = 0 it reduces to E[φ(u)²] = s²‖x‖²/2, which fixes the constant.
 */
public final class NngpKernel {
    private NngpKernel() {
    }

    /**
     * The kernel block K(a_i, b_j) for the rows of {@code a} (n×d) and {@code b} (m×d): one GEMM a·bᵀ plus the row
     * norms. Cost 2·n·m·d flops + O(n·m) transcendental calls.
     *
     * @return n×m matrix
     */
    public static Matrix block(Matrix a, Matrix b, Priors priors) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("nngp block: a is " + a.shape() + ", b is " + b.shape());
        }
        a.requireFinite("nngp block: a");
        b.requireFinite("nngp block: b");
        Matrix g = a.timesTranspose(b);
        double[] na = sqrt(a.rowSquaredNorms());
        double[] nb = sqrt(b.rowSquaredNorms());
        double scale = priors.weightCoordinateVariance(a.cols()) / (2 * Math.PI);
        double[] data = g.data();
        int m = b.rows();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < m; j++) {
                data[i * m + j] = scale * arcCosine1(data[i * m + j], na[i], nb[j]);
            }
        }
        return g;
    }

    /** The symmetric Gram matrix K(x_μ, x_ν) of the rows of {@code x} (P×d); P×P, exactly symmetric. */
    public static Matrix gram(Matrix x, Priors priors) {
        Matrix k = block(x, x, priors);
        k.symmetrizeInPlace();
        return k;
    }

    /** The diagonal K(x, x) = (σ_w²/d)·‖x‖²/2 for every row of {@code x}. */
    public static double[] diagonal(Matrix x, Priors priors) {
        double[] out = x.rowSquaredNorms();
        double s = priors.weightCoordinateVariance(x.cols()) / 2;
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }

    /** ‖x‖‖x'‖·(sin θ + (π − θ) cos θ) from the inner product and the two norms. */
    static double arcCosine1(double dot, double nx, double ny) {
        double nn = nx * ny;
        if (nn == 0) {
            return 0;
        }
        double c = Math.max(-1.0, Math.min(1.0, dot / nn));
        double theta = Math.acos(c);
        double s = Math.sqrt(Math.max(0.0, 1 - c * c));
        return nn * (s + (Math.PI - theta) * c);
    }

    private static double[] sqrt(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sqrt(v[i]);
        }
        return v;
    }
}
