package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;

/**
 * The single-neuron marginal of the mean-field model with the readout a integrated out (docs/mean-field.md,
 * "Mean-field solver"). For one neuron (a, w) with the other neurons' output lumped into the residual
 * r_μ = y_μ − f_{−i}(x_μ), the posterior energy is
 * <pre>
 *   E(a, w) = (1/(2κ²P)) Σ_μ (N^{−γ} a φ(wᵀx_μ) − r_μ)² + a²/(2σ_a²) + (d/(2σ_w²))‖w‖²
 *           = α(w) a² − β(w) a + (d/(2σ_w²))‖w‖² + Σ_μ r_μ²/(2κ²P),
 *   Σ(w) = (1/P) Σ_μ φ(wᵀx_μ)²,   J(w) = (1/P) Σ_μ φ(wᵀx_μ) r_μ,
 *   α(w) = 1/(2σ_a²) + Σ(w)/(2κ²N^{2γ}),   β(w) = J(w)/(κ²N^γ),
 * </pre>
 * so a | w ~ N(β/(2α), 1/(2α)), and ∫ exp(−αa² + βa) da = √(π/α)·exp(β²/(4α)) gives p(w) ∝ exp(−U(w)),
 * <pre>
 *   U(w) = (d/(2σ_w²))‖w‖² + ½ ln α(w) − β(w)²/(4α(w))
 *        = −ln ∫ exp(−E(a, w)) da + ½ ln π + Σ_μ r_μ²/(2κ²P).
 * </pre>
 * Gradient (φ' = step, φφ' = φ): ∇Σ = (2/P) Σ_μ φ_μ x_μ, ∇J = (1/P) Σ_μ step_μ r_μ x_μ, and
 * ∇U = (d/σ_w²) w + [1/(2α) + β²/(4α²)] ∇Σ/(2κ²N^{2γ}) − [β/(2α)] ∇J/(κ²N^γ).
 *
 * <p>MF-ARD ({@link ArdPrior}): with per-coordinate precisions ρ_j the prior term (d/(2σ_w²))‖w‖² becomes
 * Σ_j ρ_j w_j²/2 in U and (d/σ_w²)w becomes (ρ_j w_j)_j in ∇U; nothing else changes.
 *
 * <p>Batched over B particles (rows of W, B×d): pre-activations W·Xᵀ (one GEMM, 2BPd flops), the gradient one
 * more GEMM M·X (2BPd flops) with M_{bμ} = c₁_b (2/P) φ_{bμ} + c₂_b (1/P) step_{bμ} r_μ. Immutable.
 */
public final class NeuronMarginal {
    private final Matrix x;
    private final double[] r;
    private final double kappa;
    private final double width;
    private final double gamma;
    private final Priors priors;
    private final double[] precisions;

    /**
     * @param x      training inputs, P×d
     * @param r      residual field r_μ, length P
     * @param kappa  κ &gt; 0
     * @param width  N ≥ 1 (a double so that the N → ∞ limit can be approached continuously)
     * @param gamma  γ ≥ 0 (½ in the paper)
     */
    public NeuronMarginal(Matrix x, double[] r, double kappa, double width, double gamma, Priors priors) {
        this(x, r, kappa, width, gamma, priors, null);
    }

    /**
     * As above with per-coordinate prior precisions ρ_j (length d, positive and finite), or null for the isotropic
     * d/σ_w².
     */
    public NeuronMarginal(Matrix x, double[] r, double kappa, double width, double gamma, Priors priors,
                          double[] precisions) {
        if (r.length != x.rows()) {
            throw new IllegalArgumentException("neuron marginal: x is " + x.shape() + ", r has " + r.length + " entries");
        }
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive and finite, got " + kappa);
        }
        if (!(width >= 1) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("width must be >= 1 and finite, got " + width);
        }
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be >= 0 and finite, got " + gamma);
        }
        x.requireFinite("neuron marginal: x");
        for (double v : r) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("neuron marginal: r holds a non-finite value " + v);
            }
        }
        if (precisions != null) {
            if (precisions.length != x.cols()) {
                throw new IllegalArgumentException("neuron marginal: precisions has " + precisions.length
                        + " entries, x is " + x.shape());
            }
            for (double v : precisions) {
                if (!(v > 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("neuron marginal: precisions must be positive and finite, got "
                            + v);
                }
            }
        }
        this.precisions = precisions == null ? null : precisions.clone();
        this.x = x.copy();
        this.r = r.clone();
        this.kappa = kappa;
        this.width = width;
        this.gamma = gamma;
        this.priors = priors;
    }

    /**
     * α, β, U (and ∇U when asked) at every particle, plus the feature matrix Φ_{bμ} = φ(w_bᵀx_μ).
     *
     * @param features  Φ, B×P (particles × training points)
     * @param gradient  ∇U, B×d, or null when not asked for
     */
    public record Evaluation(double[] alpha, double[] beta, double[] energy, Matrix features, Matrix gradient) {
        /** E(a | w_b) = β_b/(2α_b). */
        public double readoutMean(int b) {
            return beta[b] / (2 * alpha[b]);
        }
    }

    /** Coefficient of Σ in α: 1/(2κ²N^{2γ}). */
    double sigmaCoefficient() {
        return 1.0 / (2 * kappa * kappa * Math.pow(width, 2 * gamma));
    }

    /** Coefficient of J in β: 1/(κ²N^γ). */
    double jCoefficient() {
        return 1.0 / (kappa * kappa * Math.pow(width, gamma));
    }

    /**
     * Evaluates the marginal at the rows of {@code w} (B×d). Cost 2BPd flops, 4BPd with the gradient.
     */
    public Evaluation evaluate(Matrix w, boolean withGradient) {
        int p = x.rows();
        int d = x.cols();
        if (w.cols() != d) {
            throw new IllegalArgumentException("neuron marginal: w is " + w.shape() + ", x is " + x.shape());
        }
        int b = w.rows();
        Matrix phi = w.timesTranspose(x); // B×P pre-activations, then φ in place
        double[] pd = phi.data();
        double cs = sigmaCoefficient();
        double cj = jCoefficient();
        double prior = precisions == null ? d / (2 * priors.weightVariance()) : 0.5;
        double[] wn = precisions == null ? w.rowSquaredNorms() : weightedSquaredNorms(w);
        double[] alpha = new double[b];
        double[] beta = new double[b];
        double[] energy = new double[b];
        Matrix m = withGradient ? Matrix.zeros(b, p) : null;
        for (int i = 0; i < b; i++) {
            int o = i * p;
            double sig = 0;
            double j = 0;
            for (int mu = 0; mu < p; mu++) {
                double v = Math.max(0.0, pd[o + mu]);
                pd[o + mu] = v;
                sig += v * v;
                j += v * r[mu];
            }
            sig /= p;
            j /= p;
            double a = 1 / (2 * priors.readoutVariance()) + cs * sig;
            double be = cj * j;
            alpha[i] = a;
            beta[i] = be;
            energy[i] = prior * wn[i] + 0.5 * Math.log(a) - be * be / (4 * a);
            if (withGradient) {
                double c1 = (1 / (2 * a) + be * be / (4 * a * a)) * cs * 2.0 / p;
                double c2 = -be / (2 * a) * cj / p;
                double[] md = m.data();
                for (int mu = 0; mu < p; mu++) {
                    double v = pd[o + mu];
                    md[o + mu] = v > 0 ? c1 * v + c2 * r[mu] : 0.0;
                }
            }
        }
        Matrix grad = null;
        if (withGradient) {
            grad = w.copy();
            if (precisions == null) {
                Matrix.gemmInPlace(1.0, m, false, x, false, 2 * prior, grad); // (d/σ_w²) w + M·X
            } else {
                grad.scaleColumnsInPlace(precisions);
                Matrix.gemmInPlace(1.0, m, false, x, false, 1.0, grad); // (ρ_j w_j) + M·X
            }
        }
        return new Evaluation(alpha, beta, energy, phi, grad);
    }

    /** Σ_j ρ_j w_bj² per row (times the coefficient ½ set in evaluate: Σ_j ρ_j w_j²/2). */
    private double[] weightedSquaredNorms(Matrix w) {
        int b = w.rows();
        int d = w.cols();
        double[] wd = w.data();
        double[] out = new double[b];
        for (int i = 0; i < b; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = wd[i * d + j];
                s += precisions[j] * v * v;
            }
            out[i] = s;
        }
        return out;
    }
}
