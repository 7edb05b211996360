package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.FINITE_DIFFERENCE;
import static org.featurelab.testing.Close.assertClose;

class NeuronMarginalTest {
    private static final int P = 12;
    private static final int D = 3;
    private static final double KAPPA = 0.4;
    private static final double WIDTH = 3.0;
    private static final double GAMMA = 0.5;
    private static final Priors PRIORS = new Priors(1.3, 0.9);

    /** E(a, w) summed directly from its definition (no α, β): the single-neuron energy with the residual r. */
    private static double energy(double a, double[] w, Matrix x, double[] r) {
        double s = 0;
        for (int mu = 0; mu < P; mu++) {
            double pre = 0;
            for (int j = 0; j < D; j++) {
                pre += w[j] * x.get(mu, j);
            }
            double e = Math.pow(WIDTH, -GAMMA) * a * Math.max(0, pre) - r[mu];
            s += e * e;
        }
        double wn = 0;
        for (double v : w) {
            wn += v * v;
        }
        return s / (2 * KAPPA * KAPPA * P) + a * a / (2 * PRIORS.readoutVariance()) + D / (2 * PRIORS.weightVariance()) * wn;
    }

    /**
     * −ln ∫ exp(−E(a, w)) da by composite Simpson on [−40, 40] (h = 4e-4; the conditional of a has sd ≤ σ_a ≈ 1.14
     * and |mean| &lt; 5 here, so the truncation is below e^{−500} and the Simpson error below 1e-12) equals
     * U(w) − ½ ln π + Σr²/(2κ²P); the quadrature moments equal a | w ~ N(β/(2α), 1/(2α)).
     */
    @Test
    void analyticReadoutMarginalEqualsQuadratureOverA() {
        SplittableRandom rng = new SplittableRandom(21);
        Matrix x = Matrix.gaussian(P, D, 1.0, rng);
        double[] r = Matrix.gaussian(P, 1, 2.0, rng).data();
        Matrix w = Matrix.gaussian(6, D, 1.0, rng);
        NeuronMarginal.Evaluation ev = new NeuronMarginal(x, r, KAPPA, WIDTH, GAMMA, PRIORS).evaluate(w, false);
        double rr = 0;
        for (double v : r) {
            rr += v * v;
        }
        int n = 200_000;
        double lo = -40;
        double h = 80.0 / n;
        for (int b = 0; b < w.rows(); b++) {
            double[] wb = w.row(b);
            double[] e = new double[n + 1];
            double emin = Double.POSITIVE_INFINITY;
            for (int k = 0; k <= n; k++) {
                e[k] = energy(lo + k * h, wb, x, r);
                emin = Math.min(emin, e[k]);
            }
            double z = 0;
            double m1 = 0;
            double m2 = 0;
            for (int k = 0; k <= n; k++) {
                double wt = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2);
                double a = lo + k * h;
                double q = wt * Math.exp(-(e[k] - emin));
                z += q;
                m1 += q * a;
                m2 += q * a * a;
            }
            double mean = m1 / z;
            double var = m2 / z - mean * mean;
            double negLogZ = emin - Math.log(z * h / 3);
            double expected = ev.energy()[b] - 0.5 * Math.log(Math.PI) + rr / (2 * KAPPA * KAPPA * P);
            assertClose(negLogZ, expected, 1e-10, 1e-10, "-ln ∫exp(-E)da, particle " + b);
            assertClose(mean, ev.readoutMean(b), 1e-8, 1e-10, "E(a|w), particle " + b);
            assertClose(var, 1 / (2 * ev.alpha()[b]), 1e-8, 1e-10, "Var(a|w), particle " + b);
        }
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(8);
        Matrix x = Matrix.gaussian(P, D, 1.0, rng);
        double[] r = Matrix.gaussian(P, 1, 2.0, rng).data();
        Matrix w = Matrix.gaussian(5, D, 1.0, rng);
        NeuronMarginal nm = new NeuronMarginal(x, r, KAPPA, WIDTH, GAMMA, PRIORS);
        Matrix g = nm.evaluate(w, true).gradient();
        double step = 1e-6;
        for (int b = 0; b < w.rows(); b++) {
            for (int j = 0; j < D; j++) {
                Matrix wp = w.copy();
                Matrix wm = w.copy();
                wp.set(b, j, w.get(b, j) + step);
                wm.set(b, j, w.get(b, j) - step);
                double fd = (nm.evaluate(wp, false).energy()[b] - nm.evaluate(wm, false).energy()[b]) / (2 * step);
                assertClose(g.get(b, j), fd, FINITE_DIFFERENCE, FINITE_DIFFERENCE, "dU/dw(" + b + "," + j + ")");
            }
        }
    }

    @Test
    void withoutResidualAndAtInfiniteWidthTheMarginalIsThePrior() {
        SplittableRandom rng = new SplittableRandom(2);
        Matrix x = Matrix.gaussian(P, D, 1.0, rng);
        Matrix w = Matrix.gaussian(3, D, 1.0, rng);
        NeuronMarginal.Evaluation ev = new NeuronMarginal(x, new double[P], KAPPA, 1e12, GAMMA, PRIORS)
                .evaluate(w, true);
        double[] wn = w.rowSquaredNorms();
        for (int b = 0; b < 3; b++) {
            double expected = D / (2 * PRIORS.weightVariance()) * wn[b] + 0.5 * Math.log(1 / (2 * PRIORS.readoutVariance()));
            assertClose(ev.energy()[b], expected, 1e-9, 1e-12, "U at N→∞, r = 0");
            for (int j = 0; j < D; j++) {
                assertClose(ev.gradient().get(b, j), D / PRIORS.weightVariance() * w.get(b, j), 1e-9, 1e-12, "∇U");
            }
        }
    }
}
