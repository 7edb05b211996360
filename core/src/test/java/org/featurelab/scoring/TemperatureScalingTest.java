package org.featurelab.scoring;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TemperatureScaling}: the fitted β recovers the β* labels were drawn with (Monte Carlo, tolerance from the
 * Fisher information), is a minimum of the held-out negative log-likelihood, keeps the argmax, and is clamped on
 * separable rows.
 */
class TemperatureScalingTest {
    @Test
    void recoversTheInverseTemperatureLabelsWereDrawnWith() {
        int n = 20000;
        int c = 4;
        double betaStar = 3.0;
        SplittableRandom rng = new SplittableRandom(5);
        Matrix s = Matrix.zeros(n, c);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                s.set(i, k, rng.nextDouble());
            }
        }
        Matrix p = new TemperatureScaling(betaStar).probabilities(s);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int k = 0;
            double cum = p.get(i, 0);
            while (u > cum && k < c - 1) {
                cum += p.get(i, ++k);
            }
            y[i] = k;
        }
        TemperatureScaling fit = TemperatureScaling.fit(s, y);
        // sd(β̂) ≈ 1/√(n·I(β*)), I = mean Var_{p_β*}(s) — the second derivative of the mean NLL
        double info = 0;
        for (int i = 0; i < n; i++) {
            double m = 0;
            double m2 = 0;
            for (int k = 0; k < c; k++) {
                m += p.get(i, k) * s.get(i, k);
                m2 += p.get(i, k) * s.get(i, k) * s.get(i, k);
            }
            info += (m2 - m * m) / n;
        }
        double sd = 1 / Math.sqrt(n * info);
        assertEquals(betaStar, fit.beta(), 4 * sd, "β̂ = " + fit.beta() + ", sd " + sd);
        assertEquals(0.0, TemperatureScaling.derivative(s, y, fit.beta()), 1e-9);
        double at = fit.negativeLogLikelihood(s, y);   // ε = 1/(n+2) barely moves the minimum at n = 20,000
        assertTrue(at <= new TemperatureScaling(fit.beta() * 1.05).negativeLogLikelihood(s, y));
        assertTrue(at <= new TemperatureScaling(fit.beta() / 1.05).negativeLogLikelihood(s, y));
        Matrix q = fit.probabilities(s);
        assertArrayEquals(Scores.argmaxRows(s), Scores.argmaxRows(q));
        for (int i = 0; i < 10; i++) {
            assertEquals(1.0, q.get(i, 0) + q.get(i, 1) + q.get(i, 2) + q.get(i, 3), 1e-14);
        }
    }

    /**
     * Separable rows (every true class on top): the unsmoothed β̂ would be ∞; with t = (1 − ε)e_y + ε/c and
     * ε = 1/(n + 2) = ⅕ for these three rows the root has a closed form. Each row has its true class at score 1 and
     * the other at 0, so its derivative term is E_p[s] − t·s = σ(β) − (1 − ε/2): σ(β̂) = 0.9, β̂ = ln 9.
     */
    @Test
    void separableRowsGetAFiniteBetaFromTheSmoothedTargets() {
        Matrix s = Matrix.of(new double[][]{{1, 0}, {0, 1}, {1, 0}});
        TemperatureScaling fit = TemperatureScaling.fit(s, new int[]{0, 1, 0});
        assertEquals(Math.log(9), fit.beta(), 1e-9);
        assertEquals(0.9, fit.probabilities(s).get(0, 0), 1e-9);
    }
}
