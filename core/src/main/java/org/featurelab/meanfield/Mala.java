package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;

import java.util.random.RandomGenerator;

/**
 * Batched, preconditioned Metropolis-adjusted Langevin steps on an energy U over the rows of a particle matrix
 * (B×D): for each particle the proposal w'_j = w_j − h_j ∂_jU(w) + √(2h_j) ξ_j (ξ ~ N(0, I)) is accepted with
 * probability
 * <pre>
 *   min(1, exp(U(w) − U(w') + ‖ξ‖²/2 − Σ_j (w_j − w'_j + h_j ∂_jU(w'))²/(4h_j))),
 * </pre>
 * which leaves p(w) ∝ exp(−U(w)) invariant for every fixed vector of steps h (Roberts &amp; Tweedie 1996).
 * The target acceptance of an adaptive step is {@link #TARGET_ACCEPTANCE} (Roberts &amp; Rosenthal 1998).
 */
final class Mala {
    /** The asymptotically optimal MALA acceptance rate, 0.574. */
    public static final double TARGET_ACCEPTANCE = 0.574;

    /** U and ∇U at every particle: energy length B, gradient B×D. */
    record Point(double[] energy, Matrix gradient) {
    }

    /** An energy evaluated in one batch over the rows of a B×D matrix. */
    @FunctionalInterface
    interface Potential {
        Point evaluate(Matrix particles);
    }

    private Mala() {
    }

    /**
     * {@code steps} MALA steps of every row of {@code w} (updated in place) with per-coordinate steps h_j;
     * {@code moves} accumulates {accepted, proposed}. Cost: steps + 1 evaluations of U and ∇U.
     *
     * @return U and ∇U at the final particles
     */
    static Point stepsInPlace(Potential potential, Matrix w, int steps, double[] h, RandomGenerator rng, long[] moves) {
        int b = w.rows();
        int d = w.cols();
        if (h.length != d) {
            throw new IllegalArgumentException("mala: " + h.length + " step sizes for " + d + " coordinates");
        }
        double[] noise = new double[d];
        for (int j = 0; j < d; j++) {
            noise[j] = Math.sqrt(2 * h[j]);
        }
        Point cur = potential.evaluate(w);
        double[] u = cur.energy().clone();
        Matrix g = cur.gradient().copy();
        for (int step = 0; step < steps; step++) {
            Matrix prop = w.copy();
            double[] xiSq = new double[b];
            double[] pd = prop.data();
            double[] gd = g.data();
            for (int i = 0; i < b * d; i++) {
                double xi = rng.nextGaussian();
                int j = i % d;
                pd[i] += -h[j] * gd[i] + noise[j] * xi;
                xiSq[i / d] += xi * xi;
            }
            Point ep = potential.evaluate(prop);
            double[] up = ep.energy();
            double[] gpd = ep.gradient().data();
            double[] wd = w.data();
            for (int i = 0; i < b; i++) {
                double back = 0;
                for (int j = 0; j < d; j++) {
                    int o = i * d + j;
                    double e = wd[o] - pd[o] + h[j] * gpd[o];
                    back += e * e / (4 * h[j]);
                }
                double logA = u[i] - up[i] + 0.5 * xiSq[i] - back;
                moves[1]++;
                if (logA >= 0 || Math.log(rng.nextDouble()) < logA) {
                    moves[0]++;
                    u[i] = up[i];
                    System.arraycopy(pd, i * d, wd, i * d, d);
                    System.arraycopy(gpd, i * d, gd, i * d, d);
                }
            }
        }
        return new Point(u, g);
    }

    /**
     * The step multiplier after an iteration with acceptance {@code acc}: c·exp(acc − 0.574), clamped to [lo, hi].
     * Its only fixed points are acc = 0.574 and the clamps.
     */
    static double adaptedMultiplier(double c, double acc, double lo, double hi) {
        return Math.max(lo, Math.min(hi, c * Math.exp(acc - TARGET_ACCEPTANCE)));
    }
}
