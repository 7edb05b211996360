package org.featurelab.nn;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Function;

/**
 * One limited-memory BFGS iteration on the full-batch objective 𝓛 (Nocedal &amp; Wright, <i>Numerical Optimization</i>,
 * Algorithms 7.4–7.5), with the solver's memory in an {@link OptimizerState}.
 * <ol>
 *   <li>Curvature pair from the previous iterate: s = θ − θ₋, y = g − g₋, kept when sᵀy &gt; 10⁻¹⁰‖s‖‖y‖
 *       (otherwise skipped, so the implicit inverse Hessian H stays positive definite); at most m pairs.</li>
 *   <li>Direction d = −Hg by the two-loop recursion with H₀ = γI, γ = sᵀy/yᵀy of the newest pair; without pairs
 *       d = −g. If gᵀd ≥ 0 the pairs are dropped and d = −g.</li>
 *   <li>Backtracking (Armijo) line search: t = 1 (t = min(t₀, t₀/‖g‖) for d = −g), halved until
 *       𝓛(θ + td) ≤ 𝓛(θ) + 10⁻⁴·t·gᵀd, at most 60 halvings; when none is accepted the pairs are dropped and θ stays
 *       (the next call restarts from −g).</li>
 * </ol>
 * Cost per iteration: one gradient evaluation per trial step (one when the unit step is accepted, the usual case
 * near a minimum) plus O(m·p) for the recursion. A stationary point of 𝓛 is a fixed point, so FACT_ℓ = W_ℓᵀW_ℓ holds
 * there as for gradient descent; unlike GD the rate does not degrade with the conditioning of 𝓛 (near a minimum
 * with weight decay λ the flat directions have curvature ≈ λ, where GD contracts only by 1 − ηλ per step).
 */
final class LbfgsSolver {
    private static final String HISTORY = "lbfgs.history";
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;

    private LbfgsSolver() {
    }

    /** Memory of one run: the last iterate, its gradient and the curvature pairs (newest last). */
    static final class History {
        double[] theta;
        double[] gradient;
        final Deque<double[][]> pairs = new ArrayDeque<>();
    }

    static Network step(Optimizer.Lbfgs rule, Network network, Gradients g, OptimizerState state) {
        Function<Network, Gradients> f = state.fullBatchObjective();
        if (f == null) {
            throw new IllegalStateException("lbfgs: needs the full-batch objective (train it with the Trainer, batch size 0)");
        }
        state.advance();
        History h = state.extra(HISTORY, History::new);
        double[] theta = ParameterVector.of(network);
        double[] grad = ParameterVector.of(g, network);
        if (h.theta != null) {
            double[] s = minus(theta, h.theta);
            double[] y = minus(grad, h.gradient);
            double sy = dot(s, y);
            if (sy > 1e-10 * Math.sqrt(dot(s, s) * dot(y, y))) {
                h.pairs.addLast(new double[][]{s, y, {1.0 / sy}});
                if (h.pairs.size() > rule.memory()) {
                    h.pairs.removeFirst();
                }
            }
        }
        double[] d = direction(h, grad);
        double slope = dot(grad, d);
        boolean steepest = h.pairs.isEmpty();
        if (!(slope < 0)) {
            h.pairs.clear();
            d = scaled(grad, -1);
            slope = dot(grad, d);
            steepest = true;
        }
        h.theta = theta;
        h.gradient = grad;
        if (!(slope < 0)) {
            return network; // ∇𝓛 = 0 exactly: a stationary point
        }
        double t = steepest ? Math.min(rule.initialStep(), rule.initialStep() / Math.sqrt(-slope)) : 1.0;
        for (int k = 0; k <= MAX_HALVINGS; k++, t *= 0.5) {
            double[] trial = theta.clone();
            axpyInPlace(t, d, trial);
            Network candidate = ParameterVector.withParameters(network, trial);
            Gradients gc = f.apply(candidate);
            if (Double.isFinite(gc.objective()) && gc.objective() <= g.objective() + ARMIJO * t * slope) {
                state.cacheGradients(candidate, gc);
                return candidate;
            }
        }
        h.pairs.clear();
        h.theta = null;
        return network;
    }

    /** d = −Hg, two-loop recursion over the stored pairs (s, y, 1/sᵀy). */
    private static double[] direction(History h, double[] g) {
        double[] q = g.clone();
        int m = h.pairs.size();
        double[] alpha = new double[m];
        int i = m - 1;
        for (Iterator<double[][]> it = h.pairs.descendingIterator(); it.hasNext(); i--) {
            double[][] p = it.next();
            alpha[i] = p[2][0] * dot(p[0], q);
            axpyInPlace(-alpha[i], p[1], q);
        }
        if (m > 0) {
            double[][] newest = h.pairs.peekLast();
            double gamma = 1.0 / (newest[2][0] * dot(newest[1], newest[1]));
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        i = 0;
        for (double[][] p : h.pairs) {
            double beta = p[2][0] * dot(p[1], q);
            axpyInPlace(alpha[i] - beta, p[0], q);
            i++;
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    private static double[] scaled(double[] a, double s) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = s * a[i];
        }
        return r;
    }

    private static void axpyInPlace(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
