package org.featurelab.meanfield;

import org.apache.commons.numbers.gamma.Erfc;
import org.featurelab.linalg.Matrix;

/**
 * The single-neuron marginal of the mean-field model on sparse parity in the population limit P → ∞
 * (docs/mean-field.md, "Population limit"), in reduced coordinates.
 *
 * <p>With x uniform on {±1}^d and the field r = (1 − m)·χ_S (the exact form of the residual on the symmetric branch:
 * sign-flip symmetry removes every other Fourier component), a neuron's statistics are population averages,
 * Σ(w) = E_x φ(wᵀx)², J(w) = (1 − m)·ĉ(w), ĉ(w) = E_x[φ(wᵀx) χ_S(x)]. The off-support part of the pre-activation,
 * z = Σ_{j∉S} w_j x_j, is treated as Gaussian N(0, s²), s = ‖w_{−S}‖ (central limit in d − k; exact as d → ∞). Then
 * with a_σ = Σ_{i∈S} σ_i w_i over the 2^k sign patterns σ and Φ, ϕ the standard normal CDF and density,
 * <pre>
 *   g(a, s)  = E(a + sz)₊  = aΦ(a/s) + sϕ(a/s),          ∂_a g = Φ(a/s),   ∂_s g = ϕ(a/s),
 *   g₂(a, s) = E(a + sz)₊² = (a² + s²)Φ(a/s) + asϕ(a/s),  ∂_a g₂ = 2g,      ∂_s g₂ = 2sΦ(a/s),
 *   ĉ = 2^{−k} Σ_σ χ_σ g(a_σ, s),   Σ = 2^{−k} Σ_σ g₂(a_σ, s),   χ_σ = Π_i σ_i.
 * </pre>
 * A particle is (w_S, t) ∈ R^{k+1} with s = e^t; the prior N(0, (σ_w²/d)I_d) gives w_{−S} the radial density
 * s^{d−k−1}exp(−ds²/(2σ_w²)), and the Jacobian ds = s dt one more factor s, so
 * <pre>
 *   U(w_S, t) = (d/(2σ_w²))(‖w_S‖² + e^{2t}) − (d − k)·t + ½ ln α − β²/(4α),
 *   α = 1/(2σ_a²) + Σ/(2κ²N^{2γ}),   β = (1 − m)ĉ/(κ²N^γ),
 *   ∇U = ∇prior + [1/(2α) + β²/(4α²)]∇Σ/(2κ²N^{2γ}) − [β/(2α)](1 − m)∇ĉ/(κ²N^γ),   ∂_t = s∂_s.
 * </pre>
 * Cost per particle: 2^k·(k + 1) multiply-adds and 2^k (erfc, exp) pairs. Immutable.
 */
final class PopulationMarginal implements Mala.Potential {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private final int d;
    private final int k;
    private final double kappa;
    private final double width;
    private final double gamma;
    private final Priors priors;
    private final double m;
    private final double[] signs; // 2^k × k, row σ
    private final double[] parity; // χ_σ

    /**
     * @param d     input dimension, &gt; k
     * @param k     parity order ≥ 1
     * @param m     the order parameter of the field r = (1 − m)χ_S
     */
    PopulationMarginal(int d, int k, double kappa, double width, double gamma, Priors priors, double m) {
        if (k < 1 || k >= d) {
            throw new IllegalArgumentException("population limit needs 1 <= k < d, got k = " + k + ", d = " + d);
        }
        this.d = d;
        this.k = k;
        this.kappa = kappa;
        this.width = width;
        this.gamma = gamma;
        this.priors = priors;
        this.m = m;
        int n = 1 << k;
        signs = new double[n * k];
        parity = new double[n];
        for (int p = 0; p < n; p++) {
            double chi = 1;
            for (int i = 0; i < k; i++) {
                double s = ((p >> i) & 1) == 0 ? 1 : -1;
                signs[p * k + i] = s;
                chi *= s;
            }
            parity[p] = chi;
        }
    }

    /** Per-particle population statistics: ĉ, Σ, α and U (gradient in {@link #evaluate}). */
    record Statistics(double[] coefficient, double[] secondMoment, double[] alpha, double[] energy) {
    }

    @Override
    public Mala.Point evaluate(Matrix particles) {
        return compute(particles, true).point;
    }

    /** ĉ, Σ, α and U at every particle (rows (w_S, t), B×(k+1)). */
    Statistics statistics(Matrix particles) {
        return compute(particles, false).stats;
    }

    private record Both(Mala.Point point, Statistics stats) {
    }

    private Both compute(Matrix particles, boolean gradient) {
        if (particles.cols() != k + 1) {
            throw new IllegalArgumentException("population marginal: particles are " + particles.shape()
                    + ", expected B×" + (k + 1));
        }
        int b = particles.rows();
        int n = 1 << k;
        int dim = k + 1;
        double[] pd = particles.data();
        double[] c = new double[b];
        double[] sig = new double[b];
        double[] alpha = new double[b];
        double[] u = new double[b];
        Matrix grad = gradient ? Matrix.zeros(b, dim) : null;
        double[] dc = new double[dim];
        double[] ds = new double[dim];
        double k2 = kappa * kappa;
        double ng = Math.pow(width, gamma);
        double ng2 = ng * ng;
        double priorPrecision = d / priors.weightVariance();
        double inv = 1.0 / n;
        for (int i = 0; i < b; i++) {
            int o = i * dim;
            double t = pd[o + k];
            double s = Math.exp(t);
            java.util.Arrays.fill(dc, 0);
            java.util.Arrays.fill(ds, 0);
            double ci = 0;
            double si = 0;
            for (int p = 0; p < n; p++) {
                double a = 0;
                for (int j = 0; j < k; j++) {
                    a += signs[p * k + j] * pd[o + j];
                }
                double z = a / s;
                double cdf = 0.5 * Erfc.value(-z / SQRT2);
                double pdf = Math.exp(-0.5 * z * z) / SQRT_2PI;
                double g = a * cdf + s * pdf;
                double g2 = (a * a + s * s) * cdf + a * s * pdf;
                double chi = parity[p];
                ci += chi * g;
                si += g2;
                if (gradient) {
                    for (int j = 0; j < k; j++) {
                        double sg = signs[p * k + j];
                        dc[j] += chi * sg * cdf;
                        ds[j] += sg * 2 * g;
                    }
                    dc[k] += chi * pdf * s;        // s·∂_s g
                    ds[k] += 2 * s * cdf * s;      // s·∂_s g₂
                }
            }
            ci *= inv;
            si *= inv;
            double al = 1 / (2 * priors.readoutVariance()) + si / (2 * k2 * ng2);
            double be = (1 - m) * ci / (k2 * ng);
            double norm2 = s * s;
            for (int j = 0; j < k; j++) {
                norm2 += pd[o + j] * pd[o + j];
            }
            c[i] = ci;
            sig[i] = si;
            alpha[i] = al;
            u[i] = 0.5 * priorPrecision * norm2 - (d - k) * t + 0.5 * Math.log(al) - be * be / (4 * al);
            if (gradient) {
                double cs = (1 / (2 * al) + be * be / (4 * al * al)) * inv / (2 * k2 * ng2);
                double cc = -(be / (2 * al)) * (1 - m) * inv / (k2 * ng);
                double[] gd = grad.data();
                for (int j = 0; j < k; j++) {
                    gd[o + j] = priorPrecision * pd[o + j] + cs * ds[j] + cc * dc[j];
                }
                gd[o + k] = priorPrecision * s * s - (d - k) + cs * ds[k] + cc * dc[k];
            }
        }
        Statistics st = new Statistics(c, sig, alpha, u);
        return new Both(gradient ? new Mala.Point(u, grad) : null, st);
    }
}
