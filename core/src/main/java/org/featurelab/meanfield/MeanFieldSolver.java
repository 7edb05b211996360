package org.featurelab.meanfield;

import org.featurelab.linalg.Cholesky;
import org.featurelab.linalg.Matrix;

import java.util.random.RandomGenerator;

/**
 * The particle solver of the mean-field (MF) model (docs/mean-field.md, "Mean-field solver").
 *
 * <p>B particles w_b sample the single-neuron marginal p(w) ∝ exp(−U(w)) of {@link NeuronMarginal}. Each outer
 * iteration t:
 * <ol>
 *   <li>{@code innerSteps} MALA steps on U with the lagged field r = y − f_{t−1}: proposal
 *       w' = w − h∇U(w) + √(2h)ξ, h = c·stepSize·σ_w²/d (c the adaptive multiplier below), accepted with probability
 *       min(1, exp(U(w) − U(w') + ‖ξ‖²/2 − ‖w − w' + h∇U(w')‖²/(4h)));</li>
 *   <li>the linear self-consistency on the training points, (I + K) f_t = K y, with
 *       K = (N^{1−γ}/(B·P)) Φᵀ diag(s) Φ, Φ_{bμ} = φ(w_bᵀx_μ), s_b = 1/(2α_b κ² N^γ), by Cholesky.</li>
 * </ol>
 * It stops when ‖f_t − f_{t−1}‖/‖f_t‖ &lt; tolerance or after maxIterations. The formula for K follows from
 * ⟨f⟩(x) = N·N^{−γ}·E_w[E(a|w) φ(wᵀx)] with E(a|w) = β/(2α) = J/(2ακ²N^γ) and J = (1/P)Σ_μ φ_μ r_μ linear in
 * r = y − f; so f = K(y − f). Particles start from the prior, f_0 = 0.
 *
 * <p>MF-ARD ({@code config.ard()} non-null, {@link ArdPrior}): U carries the per-coordinate prior Σ_j ρ_j w_j²/2,
 * ρ starts at d/σ_w², MALA is preconditioned per coordinate (h_j = c·stepSize/ρ_j; at the start h_j = h), and after
 * step 2 ρ is updated once from the particles' second moments; convergence then also needs
 * max_j |Δρ_j|/ρ_j &lt; tolerance. Without ARD the arithmetic is that of the isotropic solver, unchanged.
 *
 * <p>Adaptive step. Every h_j is multiplied by one step multiplier c, c = 1 at the start. After each outer
 * iteration t, c ← c·exp(acc_t − 0.574) clamped to [1e-4, 1], acc_t the fraction of that iteration's
 * B·innerSteps proposals accepted: c shrinks while acc_t is below the MALA target 0.574 (Roberts &amp; Rosenthal
 * 1998, optimal for d → ∞) and grows back toward 1 above it; inside the clamps its only fixed point is
 * acc_t = 0.574. Why: U's curvature grows like 1/κ², so the default step has acceptance ≈ 0.04 at κ = 0.01
 * (d = 8, P = 128, B = 500) and the particles freeze; adapted, ≈ 0.56 (AdaptiveStepTest).
 * {@code stepSize} is both the initial and the largest step. Once the particles equilibrate to the lagged field
 * within one iteration, the undamped outer iteration can fall into a period-2 cycle (κ = 0.01, N = 512, d = 6,
 * P = 300, B = 2000: acceptance alternating ≈ 0.38/0.94, ‖f‖ 16.9/14.3; seen with the fixed step 0.2 as well, so it
 * is not caused by the adaptation); a small initial step damps it, and letting c grow above 1 (tried: clamp 1e2)
 * grew the step 0.005 to c = 60–80 and brought the cycle back (m_S 0.97 or 0.84 by the parity of the last
 * iteration, instead of 0.93). Damping the field would be the real fix; not done.
 * The adaptation happens only between outer iterations: within one, c and the field r are fixed, so the inner
 * steps are a valid MALA kernel (reversible with respect to exp(−U) for that r); across iterations r changes
 * anyway, the solver being a fixed-point iteration, not one Markov chain. The fixed-point check uses the final c
 * (the one after the last adaptation). The adaptation draws no random numbers: same rng state, same result.
 *
 * <p>Cost per outer iteration: innerSteps·(4BPd) flops for MALA, BP² for K (syrk), P³/3 for the solve.
 */
public final class MeanFieldSolver {
    /** The MALA acceptance rate the step multiplier is adapted toward. */
    public static final double TARGET_ACCEPTANCE = Mala.TARGET_ACCEPTANCE;
    /** Smallest step multiplier c. */
    public static final double MIN_MULTIPLIER = 1e-4;
    /** Largest step multiplier c: the step never exceeds {@code stepSize} (see the class comment). */
    public static final double MAX_MULTIPLIER = 1;

    private MeanFieldSolver() {
    }

    /**
     * Solves the MF self-consistency for training inputs {@code x} (P×d) and targets {@code y} (length P).
     * Same rng state → same result.
     */
    public static MeanFieldResult solve(Matrix x, double[] y, MeanFieldConfig config, RandomGenerator rng) {
        int p = x.rows();
        int d = x.cols();
        if (y.length != p) {
            throw new IllegalArgumentException("mean-field solve: x is " + x.shape() + ", y has " + y.length + " entries");
        }
        if (p < 1) {
            throw new IllegalArgumentException("P must be >= 1, got " + p);
        }
        x.requireFinite("mean-field solve: x");
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("mean-field solve: y holds a non-finite value " + v);
            }
        }
        Priors priors = config.priors();
        Matrix w = Matrix.gaussian(config.particles(), d, Math.sqrt(priors.weightCoordinateVariance(d)), rng);
        double h = config.stepSize() * priors.weightCoordinateVariance(d);
        ArdPrior ard = config.ard();
        double[] rho = ard == null ? null : ArdPrior.isotropic(priors, d);
        double[] f = new double[p];
        long[] moves = new long[2]; // accepted, proposed, over the whole run
        double mult = 1; // the step multiplier c
        double lastAcceptance = Double.NaN;
        int iter = 0;
        double change = Double.POSITIVE_INFINITY;
        boolean converged = false;
        NeuronMarginal.Evaluation ev = null;
        double[] r = null;
        while (iter < config.maxIterations()) {
            iter++;
            r = residual(y, f);
            NeuronMarginal nm = marginal(x, r, config, rho);
            long[] itMoves = new long[2];
            ev = mala(nm, w, config, h, rho, mult, rng, itMoves);
            moves[0] += itMoves[0];
            moves[1] += itMoves[1];
            lastAcceptance = (double) itMoves[0] / itMoves[1];
            mult = adaptedMultiplier(mult, lastAcceptance);
            double[] fNew = selfConsistent(ev, y, config);
            change = norm(diff(fNew, f)) / Math.max(norm(fNew), Double.MIN_NORMAL);
            f = fNew;
            if (rho != null) {
                change = Math.max(change, ard.updateInPlace(rho, w, priors));
            }
            if (change < config.tolerance()) {
                converged = true;
                break;
            }
        }
        r = residual(y, f);
        // readout coefficients of the particles of the final solve: v_b = c·s_b·(Φ r)_b
        double c = Math.pow(config.width(), 1 - config.gamma()) / ((double) config.particles() * p);
        double[] s = weights(ev, config);
        double[] phiR = ev.features().times(Matrix.wrap(p, 1, r)).data();
        double[] v = new double[phiR.length];
        for (int b = 0; b < v.length; b++) {
            v[b] = c * s[b] * phiR[b];
        }
        // fixed-point check on a copy of the particles advanced under the final field, with the final step
        Matrix wCheck = w.copy();
        NeuronMarginal nmCheck = marginal(x, r, config, rho);
        NeuronMarginal.Evaluation evCheck = mala(nmCheck, wCheck, config, h, rho, mult, rng, new long[2]);
        Matrix k = kernel(evCheck, config);
        double[] ky = k.times(Matrix.wrap(p, 1, y)).data();
        double[] kf = k.times(Matrix.wrap(p, 1, f)).data();
        double[] res = new double[p];
        for (int mu = 0; mu < p; mu++) {
            res[mu] = f[mu] + kf[mu] - ky[mu];
        }
        double fixedPoint = norm(res) / Math.max(norm(ky), Double.MIN_NORMAL);
        double acceptance = moves[1] == 0 ? 0 : (double) moves[0] / moves[1];
        MeanFieldResult.Sampling sampling = new MeanFieldResult.Sampling(acceptance, lastAcceptance, mult,
                steps(config, w.cols(), h, rho, mult));
        return new MeanFieldResult(config, w, v, f, iter, converged, change, fixedPoint, sampling, rho == null
                ? ArdPrior.isotropic(priors, d) : rho);
    }

    /**
     * The adaptation between outer iterations: c ← clamp(c·exp(acc_t − {@value #TARGET_ACCEPTANCE}), [{@value
     * #MIN_MULTIPLIER}, {@value #MAX_MULTIPLIER}]), acc_t the acceptance rate of iteration t. Fixed points: only
     * acc_t = target (or a clamp).
     */
    static double adaptedMultiplier(double mult, double acceptance) {
        return Mala.adaptedMultiplier(mult, acceptance, MIN_MULTIPLIER, MAX_MULTIPLIER);
    }

    /** One outer iteration's MALA with the current multiplier: isotropic step c·h, or ARD steps c·stepSize/ρ_j. */
    private static NeuronMarginal.Evaluation mala(NeuronMarginal nm, Matrix w, MeanFieldConfig config, double h,
                                                  double[] rho, double mult, RandomGenerator rng, long[] moves) {
        return malaInPlace(nm, w, config.innerSteps(), steps(config, w.cols(), h, rho, mult), rng, moves);
    }

    /**
     * K = (N^{1−γ}/(B·P)) Φᵀ diag(s) Φ (P×P) from the particles' features Φ (B×P) and s_b = 1/(2α_b κ² N^γ);
     * one syrk on the rows of Φ scaled by √s_b, cost B·P² flops.
     */
    static Matrix kernel(NeuronMarginal.Evaluation ev, MeanFieldConfig config) {
        Matrix phi = ev.features().copy();
        int b = phi.rows();
        int p = phi.cols();
        double[] s = weights(ev, config);
        double[] pd = phi.data();
        for (int i = 0; i < b; i++) {
            double q = Math.sqrt(s[i]);
            for (int mu = 0; mu < p; mu++) {
                pd[i * p + mu] *= q;
            }
        }
        Matrix k = phi.gramOfColumns();
        k.scaleInPlace(Math.pow(config.width(), 1 - config.gamma()) / ((double) b * p));
        return k;
    }

    /** Solves (I + K) f = K y by Cholesky. */
    private static double[] selfConsistent(NeuronMarginal.Evaluation ev, double[] y, MeanFieldConfig config) {
        Matrix k = kernel(ev, config);
        int p = y.length;
        double[] ky = k.times(Matrix.wrap(p, 1, y)).data();
        k.addToDiagonalInPlace(1.0);
        return Cholesky.factorOverwriting(k).solve(Matrix.wrap(p, 1, ky)).data();
    }

    private static double[] weights(NeuronMarginal.Evaluation ev, MeanFieldConfig config) {
        double kk = config.kappa() * config.kappa() * Math.pow(config.width(), config.gamma());
        double[] alpha = ev.alpha();
        double[] s = new double[alpha.length];
        for (int b = 0; b < s.length; b++) {
            s[b] = 1.0 / (2 * alpha[b] * kk);
        }
        return s;
    }

    private static NeuronMarginal marginal(Matrix x, double[] r, MeanFieldConfig config, double[] rho) {
        return new NeuronMarginal(x, r, config.kappa(), config.width(), config.gamma(), config.priors(), rho);
    }

    /** Per-coordinate MALA steps (length d): h_j = c·h without ARD, h_j = c·stepSize/ρ_j with it. */
    private static double[] steps(MeanFieldConfig config, int d, double h, double[] rho, double mult) {
        double[] hj = new double[d];
        for (int j = 0; j < d; j++) {
            hj[j] = rho == null ? mult * h : mult * config.stepSize() / rho[j];
        }
        return hj;
    }

    /**
     * {@link Mala#stepsInPlace} on U of {@code nm} with per-coordinate steps h_j; {@code moves} accumulates
     * {accepted, proposed}. Returns the evaluation (features, α, β, U) at the final particles.
     */
    static NeuronMarginal.Evaluation malaInPlace(NeuronMarginal nm, Matrix w, int steps, double[] hj,
                                                 RandomGenerator rng, long[] moves) {
        Mala.stepsInPlace(particles -> {
            NeuronMarginal.Evaluation e = nm.evaluate(particles, true);
            return new Mala.Point(e.energy(), e.gradient());
        }, w, steps, hj, rng, moves);
        return nm.evaluate(w, false);
    }

    private static double[] residual(double[] y, double[] f) {
        return diff(y, f);
    }

    private static double[] diff(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
