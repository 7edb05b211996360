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

    /**
     * The eigenvalue of the kernel's integral operator on the parity χ_S, |S| = k, for x uniform on {±1}^d:
     * <pre>
     *   λ_S = E_{x,x'}[K(x, x') χ_S(x) χ_S(x')] = Σ_{h=0..d} C(d,h) 2^{−d} · K(d − 2h) · K_k(h)/C(d,k),
     *   K_k(h) = Σ_j (−1)^j C(h,j) C(d−h,k−j)   (Krawtchouk),
     * </pre>
     * exact: with u = x∘x' uniform, xᵀx' = d − 2h (h the number of −1 in u) and E[χ_S(u) | h] = K_k(h)/C(d,k).
     * λ_S = E_w[ĉ_S(w)²], ĉ_S(w) = E_x[φ(wᵀx)χ_S(x)], so at P → ∞ kernel ridge with ridge κ²P/σ_a² gives
     * m_S = σ_a²λ_S/(σ_a²λ_S + κ²). Cost O(d·k).
     *
     * @param d dimension ≥ 1 (binomials in double precision: d ≤ 1000)
     * @param k parity order, 0 ≤ k ≤ d
     */
    public static double parityEigenvalue(int d, int k, Priors priors) {
        if (d < 1 || d > 1000 || k < 0 || k > d) {
            throw new IllegalArgumentException("parity eigenvalue needs 1 <= d <= 1000 and 0 <= k <= d, got d = " + d
                    + ", k = " + k);
        }
        double scale = priors.weightCoordinateVariance(d) / (2 * Math.PI);
        double sum = 0;
        for (int h = 0; h <= d; h++) {
            double krawtchouk = 0;
            for (int j = 0; j <= Math.min(h, k); j++) {
                if (k - j <= d - h) {
                    krawtchouk += ((j & 1) == 0 ? 1 : -1) * binomial(h, j) * binomial(d - h, k - j);
                }
            }
            double kernel = scale * arcCosine1(d - 2.0 * h, Math.sqrt(d), Math.sqrt(d));
            sum += Math.exp(logBinomial(d, h) - d * Math.log(2)) * kernel * krawtchouk;
        }
        return sum / binomial(d, k);
    }

    /** C(n, r) by the product Π (n − r + i)/i, each partial product the integer C(n − r + i, i). */
    private static double binomial(int n, int r) {
        double c = 1;
        for (int i = 1; i <= r; i++) {
            c = c * (n - r + i) / i;
        }
        return c;
    }

    private static double logBinomial(int n, int r) {
        double s = 0;
        for (int i = 1; i <= r; i++) {
            s += Math.log(n - r + i) - Math.log(i);
        }
        return s;
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
