package org.featurelab.meanfield;

import org.featurelab.base.SampleStatistics;
import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The population limit P → ∞ of the mean-field model on sparse parity: a scalar fixed point for the order
 * parameter m = m_S, and its continuation in κ (docs/mean-field.md, "Population limit").
 *
 * <p>On the symmetric branch the posterior mean is ⟨f⟩ = m·χ_S, so the self-consistency (I + K)f = Ky of
 * {@link MeanFieldSolver} becomes one equation: with the particles of {@link PopulationMarginal} sampling p_m(w),
 * <pre>
 *   m = Q/(1 + Q),   Q(m) = N^{1−2γ} E_{w~p_m}[ ĉ(w)² / (2κ²α(w)) ],
 * </pre>
 * (from ⟨f⟩(x) = N^{1−γ}E_w[β/(2α)·φ(wᵀx)] and m = E_x[⟨f⟩χ_S], J = (1 − m)ĉ). Each outer iteration runs
 * {@code innerSteps} MALA steps on U with the field lagged one iteration, then sets m_t = Q_t/(1 + Q_t). The MALA
 * step is per coordinate h = c·stepSize·(σ_w²/d, …, σ_w²/d, 1/(2(d − k))) (the prior variances of w_S and of
 * t = ln s), the multiplier c adapted between iterations toward acceptance 0.574 and clamped to [1e-4, 1e2] ({@link Mala}; unlike
 * {@link MeanFieldSolver}, whose undamped P-dimensional iteration cycles with large steps, the scalar iteration here
 * converged with c above 1, so the step may grow).
 *
 * <p>Convergence: the reported Q is the mean over the last quarter of the iterations and m = Q/(1 + Q); the run
 * counts as converged when the means of m_t over the third and the fourth quarter differ by less than
 * {@code tolerance}. The residual
 * |m − Q̄/(1 + Q̄)| is evaluated on the final particles.
 *
 * <p>At N → ∞ (γ = ½) the tilt vanishes, p_m is the prior and Q = σ_a²λ_S/κ² with λ_S the NNGP kernel's eigenvalue on
 * χ_S ({@link NngpKernel#parityEigenvalue}): m = σ_a²λ_S/(σ_a²λ_S + κ²), the kernel limit, with no transition.
 */
public final class PopulationParity {
    private PopulationParity() {
    }

    /**
     * Settings.
     *
     * @param dimension  d &gt; k
     * @param k          parity order ≥ 1
     * @param width      N ≥ 1
     * @param gamma      γ ≥ 0
     * @param priors     σ_a², σ_w²
     * @param particles  B ≥ 1
     * @param innerSteps MALA steps per iteration ≥ 1
     * @param stepSize   initial MALA step in units of the prior variances, in (0, 10]
     * @param iterations outer iterations ≥ 4 (the last quarter is averaged)
     * @param tolerance  the allowed drift of m between the last two quarters, &gt; 0
     */
    public record Config(int dimension, int k, double width, double gamma, Priors priors, int particles, int innerSteps,
                         double stepSize, int iterations, double tolerance) {
        public Config {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
            if (dimension <= k) {
                throw new IllegalArgumentException("dimension must be > k = " + k + " in the population limit, got " + dimension);
            }
            MeanFieldConfig.requireParticleSettings(width, gamma, priors, particles, innerSteps, stepSize);
            if (iterations < 4) {
                throw new IllegalArgumentException("iterations must be >= 4, got " + iterations);
            }
            if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
                throw new IllegalArgumentException("tolerance must be positive and finite, got " + tolerance);
            }
        }

        /** γ = ½, standard priors, B = 4000, 5 MALA steps of 0.5 prior variances, 120 iterations, tolerance 0.01. */
        public static Config defaults(int dimension, int k, double width) {
            return new Config(dimension, k, width, 0.5, Priors.standard(), 4000, 5, 0.5, 120, 0.01);
        }

        public Config withParticles(int b) {
            return new Config(dimension, k, width, gamma, priors, b, innerSteps, stepSize, iterations, tolerance);
        }

        public Config withIterations(int n) {
            return new Config(dimension, k, width, gamma, priors, particles, innerSteps, stepSize, n, tolerance);
        }

        public Config withWidth(double n) {
            return new Config(dimension, k, n, gamma, priors, particles, innerSteps, stepSize, iterations, tolerance);
        }
    }

    /**
     * The state carried along a continuation: particles (B×(k+1), rows (w_S, ln s)), the order parameter and the step
     * multiplier. Immutable (the particles are copied on the way in and out).
     */
    public record State(Matrix particles, double m, double stepMultiplier) {
        public State {
            particles = particles.copy();
        }

        @Override
        public Matrix particles() {
            return particles.copy();
        }
    }

    /**
     * The fixed point at one κ.
     *
     * @param kappa       κ
     * @param m           m_S = Q/(1 + Q) with Q the mean over the last quarter of the iterations
     * @param q           Q, the same mean
     * @param qStandardError the standard error sd_b/√B of the Q estimate of the final particles (they are
     *                    independent given the field; the time average over the last quarter is no less precise)
     * @param mSd         standard deviation of m_t over the last quarter
     * @param converged   whether the last two quarters agree within the tolerance
     * @param drift       |mean of m over the 3rd quarter − mean over the 4th|
     * @param residual    |m − Q/(1 + Q)| with Q from the final particles
     * @param acceptance  MALA acceptance over the run
     * @param supportNorm E‖w_S‖² over the final particles (prior: kσ_w²/d)
     * @param offNorm     E s² = E‖w_{−S}‖² over the final particles (prior: (d − k)σ_w²/d)
     * @param state       the final state, to start the next κ from
     */
    public record Solution(double kappa, double m, double q, double qStandardError, double mSd, boolean converged, double drift,
                           double residual, double acceptance, double supportNorm, double offNorm, State state) {
    }

    /**
     * A κ continuation: the downward sweep from the disordered (prior) start, and the upward sweep from the ordered
     * start ({@link #orderedState}) at the smallest κ.
     */
    public record Continuation(List<Solution> down, List<Solution> up) {
        public Continuation {
            down = List.copyOf(down);
            up = List.copyOf(up);
        }

        /** κ at which m first exceeds ½ on the way down (log-linear interpolation), NaN when it never does. */
        public double criticalKappaDown() {
            return crossing(down);
        }

        /** κ at which m falls below ½ on the way up, NaN when it never does (or never was above). */
        public double criticalKappaUp() {
            return crossing(up);
        }

        private static double crossing(List<Solution> sweep) {
            for (int i = 1; i < sweep.size(); i++) {
                Solution a = sweep.get(i - 1);
                Solution b = sweep.get(i);
                if ((a.m() - 0.5) * (b.m() - 0.5) <= 0 && a.m() != b.m()) {
                    double f = (0.5 - a.m()) / (b.m() - a.m());
                    return Math.exp(Math.log(a.kappa()) + f * (Math.log(b.kappa()) - Math.log(a.kappa())));
                }
            }
            return Double.NaN;
        }
    }

    /** B particles from the prior (w_S ~ N(0, σ_w²/d), s = ‖w_{−S}‖ of a prior draw), m = 0, multiplier 1. */
    public static State priorState(Config c, RandomGenerator rng) {
        int k = c.k();
        int d = c.dimension();
        double sd = Math.sqrt(c.priors().weightCoordinateVariance(d));
        Matrix w = Matrix.zeros(c.particles(), k + 1);
        double[] wd = w.data();
        for (int b = 0; b < c.particles(); b++) {
            for (int j = 0; j < k; j++) {
                wd[b * (k + 1) + j] = sd * rng.nextGaussian();
            }
            double s2 = 0;
            for (int j = k; j < d; j++) {
                double z = sd * rng.nextGaussian();
                s2 += z * z;
            }
            wd[b * (k + 1) + k] = 0.5 * Math.log(s2);
        }
        return new State(w, 0, 1);
    }

    /**
     * The ordered start: every particle on the support, w_S = σ·(1 + 0.1ξ)/√k with random signs σ, s = 0.2·σ_w, m = 0,
     * multiplier 1 (U is invariant under sign flips of w_S, so the signs need no parity constraint).
     */
    public static State orderedState(Config c, RandomGenerator rng) {
        int k = c.k();
        Matrix w = Matrix.zeros(c.particles(), k + 1);
        double[] wd = w.data();
        double r = Math.sqrt(c.priors().weightVariance() / k);
        for (int b = 0; b < c.particles(); b++) {
            for (int j = 0; j < k; j++) {
                wd[b * (k + 1) + j] = (rng.nextBoolean() ? 1 : -1) * r * (1 + 0.1 * rng.nextGaussian());
            }
            wd[b * (k + 1) + k] = Math.log(0.2 * Math.sqrt(c.priors().weightVariance()));
        }
        return new State(w, 0, 1);
    }

    /**
     * Solves the scalar fixed point at noise κ from {@code start}. Cost: iterations·(innerSteps + 2)·B·2^k
     * (erfc, exp) pairs.
     */
    public static Solution solve(double kappa, Config c, State start, RandomGenerator rng) {
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive and finite, got " + kappa);
        }
        if (start.particles().rows() != c.particles() || start.particles().cols() != c.k() + 1) {
            throw new IllegalArgumentException("population solve: start has particles " + start.particles().shape()
                    + ", config wants " + c.particles() + "×" + (c.k() + 1));
        }
        int d = c.dimension();
        int k = c.k();
        Matrix w = start.particles();
        double mult = start.stepMultiplier();
        double m = start.m();
        double[] base = new double[k + 1];
        java.util.Arrays.fill(base, 0, k, c.stepSize() * c.priors().weightCoordinateVariance(d));
        base[k] = c.stepSize() / (2.0 * (d - k));
        int n = c.iterations();
        double[] ms = new double[n];
        double[] qs = new double[n];
        long[] total = new long[2];
        for (int t = 0; t < n; t++) {
            PopulationMarginal pm = marginal(kappa, c, m);
            long[] moves = new long[2];
            Mala.stepsInPlace(pm, w, c.innerSteps(), scaled(base, mult), rng, moves);
            double q = q(pm.statistics(w), kappa, c);
            m = q / (1 + q);
            ms[t] = m;
            qs[t] = q;
            total[0] += moves[0];
            total[1] += moves[1];
            mult = Mala.adaptedMultiplier(mult, (double) moves[0] / moves[1], 1e-4, 1e2);
        }
        int quarter = n / 4;
        double m3 = SampleStatistics.mean(ms, n - 2 * quarter, n - quarter);
        double m4 = SampleStatistics.mean(ms, n - quarter, n);
        double q4 = SampleStatistics.mean(qs, n - quarter, n);
        double mBar = q4 / (1 + q4);
        double sd = SampleStatistics.sampleSd(ms, n - quarter, n);
        PopulationMarginal pm = marginal(kappa, c, mBar);
        PopulationMarginal.Statistics st = pm.statistics(w);
        double qFinal = q(st, kappa, c);
        double qSe = qStandardError(st, kappa, c);
        double residual = Math.abs(mBar - qFinal / (1 + qFinal));
        double drift = Math.abs(m3 - m4);
        double[] wd = w.data();
        double sn = 0;
        double on = 0;
        for (int b = 0; b < c.particles(); b++) {
            for (int j = 0; j < k; j++) {
                sn += wd[b * (k + 1) + j] * wd[b * (k + 1) + j];
            }
            on += Math.exp(2 * wd[b * (k + 1) + k]);
        }
        double acc = total[1] == 0 ? 0 : (double) total[0] / total[1];
        return new Solution(kappa, mBar, q4, qSe, sd, drift < c.tolerance(), drift, residual, acc, sn / c.particles(),
                on / c.particles(), new State(w, mBar, mult));
    }

    /**
     * Solves at every κ of {@code kappas} (strictly decreasing) from the prior start, each start the previous
     * solution; then up the same grid from the ordered start. The downward κ_c is a dynamical threshold of the
     * lagged particle iteration (the disordered branch is metastable and its escape depends on the sampler budget);
     * the upward κ_c is where the ordered branch ends; an equilibrium transition lies between. Same rng state →
     * same result.
     */
    public static Continuation continuation(double[] kappas, Config c, RandomGenerator rng) {
        if (kappas.length < 1) {
            throw new IllegalArgumentException("kappas must hold at least one kappa");
        }
        for (int i = 1; i < kappas.length; i++) {
            if (!(kappas[i] < kappas[i - 1])) {
                throw new IllegalArgumentException("kappas must be strictly decreasing for the continuation");
            }
        }
        List<Solution> down = sweep(kappas, c, priorState(c, rng), rng);
        double[] rev = new double[kappas.length];
        for (int i = 0; i < rev.length; i++) {
            rev[i] = kappas[kappas.length - 1 - i];
        }
        List<Solution> up = sweep(rev, c, orderedState(c, rng), rng);
        return new Continuation(down, up);
    }

    /**
     * Solves at every κ of {@code kappas} in the given order, the first from {@code start}, each next one from the
     * previous solution. Same rng state → same result.
     */
    public static List<Solution> sweep(double[] kappas, Config c, State start, RandomGenerator rng) {
        List<Solution> out = new ArrayList<>();
        State s = start;
        for (double kappa : kappas) {
            Solution sol = solve(kappa, c, s, rng);
            out.add(sol);
            s = sol.state();
        }
        return out;
    }

    private static PopulationMarginal marginal(double kappa, Config c, double m) {
        return new PopulationMarginal(c.dimension(), c.k(), kappa, c.width(), c.gamma(), c.priors(), m);
    }

    /** Q = N^{1−2γ}·mean_b ĉ_b²/(2κ²α_b). */
    private static double q(PopulationMarginal.Statistics st, double kappa, Config c) {
        double[] cc = st.coefficient();
        double[] al = st.alpha();
        double s = 0;
        for (int b = 0; b < cc.length; b++) {
            s += cc[b] * cc[b] / (2 * kappa * kappa * al[b]);
        }
        return Math.pow(c.width(), 1 - 2 * c.gamma()) * s / cc.length;
    }

    private static double qStandardError(PopulationMarginal.Statistics st, double kappa, Config c) {
        double[] cc = st.coefficient();
        double[] al = st.alpha();
        double[] v = new double[cc.length];
        for (int b = 0; b < cc.length; b++) {
            v[b] = Math.pow(c.width(), 1 - 2 * c.gamma()) * cc[b] * cc[b] / (2 * kappa * kappa * al[b]);
        }
        return SampleStatistics.sampleSd(v) / Math.sqrt(v.length);
    }

    private static double[] scaled(double[] base, double mult) {
        double[] h = new double[base.length];
        for (int j = 0; j < h.length; j++) {
            h[j] = base[j] * mult;
        }
        return h;
    }

}
