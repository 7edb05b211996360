package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArdPriorTest {
    private static final Priors PRIORS = new Priors(1.3, 0.9);

    /** ρ̂_j = (α₀ + B/2)/(β₀ + ½Σ_b w_bj²), β₀ = α₀σ_w²/d, ρ ← (1−e)ρ + eρ̂, computed by hand for B = 3, d = 2. */
    @Test
    void updateEqualsTheDirectFormula() {
        Matrix w = Matrix.of(new double[][]{{0.5, -1.0}, {2.0, 0.0}, {-1.5, 0.25}});
        ArdPrior ard = new ArdPrior(2.0, 0.3);
        double[] rho = {1.0, 4.0};
        double maxRel = ard.updateInPlace(rho, w, PRIORS);
        double beta0 = 2.0 * 0.9 / 2; // α₀σ_w²/d = 0.9
        double hat0 = (2.0 + 1.5) / (beta0 + 0.5 * (0.25 + 4.0 + 2.25));
        double hat1 = (2.0 + 1.5) / (beta0 + 0.5 * (1.0 + 0.0 + 0.0625));
        double r0 = 0.7 * 1.0 + 0.3 * hat0;
        double r1 = 0.7 * 4.0 + 0.3 * hat1;
        assertClose(rho[0], r0, 1e-14, 0, "rho_0");
        assertClose(rho[1], r1, 1e-14, 0, "rho_1");
        assertClose(maxRel, Math.max(Math.abs(r0 - 1.0), Math.abs(r1 - 4.0) / 4.0), 1e-14, 0, "max relative change");
        assertClose(ard.rate(PRIORS, 2) * (2 / 0.9), ard.shape(), 1e-15, 0, "hyperprior mean α₀/β₀ = d/σ_w²");
    }

    /** ∇U with per-coordinate precisions against central differences of U; U differs from the isotropic U by Σ(ρ_j − d/σ_w²)w_j²/2. */
    @Test
    void ardGradientMatchesFiniteDifferencesAndEnergyHasThePerCoordinatePrior() {
        int p = 12;
        int d = 3;
        SplittableRandom rng = new SplittableRandom(4);
        Matrix x = Matrix.gaussian(p, d, 1.0, rng);
        double[] r = Matrix.gaussian(p, 1, 2.0, rng).data();
        Matrix w = Matrix.gaussian(5, d, 1.0, rng);
        double[] rho = {0.2, 3.0, 11.0};
        NeuronMarginal ardNm = new NeuronMarginal(x, r, 0.4, 3, 0.5, PRIORS, rho);
        NeuronMarginal iso = new NeuronMarginal(x, r, 0.4, 3, 0.5, PRIORS);
        NeuronMarginal.Evaluation ev = ardNm.evaluate(w, true);
        double[] ui = iso.evaluate(w, false).energy();
        double step = 1e-6;
        double rho0 = d / PRIORS.weightVariance();
        for (int b = 0; b < w.rows(); b++) {
            double shift = 0;
            for (int j = 0; j < d; j++) {
                shift += (rho[j] - rho0) * w.get(b, j) * w.get(b, j) / 2;
                Matrix wp = w.copy();
                Matrix wm = w.copy();
                wp.set(b, j, w.get(b, j) + step);
                wm.set(b, j, w.get(b, j) - step);
                double fd = (ardNm.evaluate(wp, false).energy()[b] - ardNm.evaluate(wm, false).energy()[b]) / (2 * step);
                assertClose(ev.gradient().get(b, j), fd, 1e-5, 1e-5, "dU/dw(" + b + "," + j + ")");
            }
            assertClose(ev.energy()[b], ui[b] + shift, 1e-12, 1e-12, "U_ARD − U_iso, particle " + b);
        }
    }

    /**
     * y = 0: f solves (I + K)f = 0, so f = 0 and r = 0 exactly; at N = 10⁶ the ½ ln α term of U moves w by
     * O(1/(κ²N)) ~ 1e-6, so the particles sample the prior N(0, 1/ρ_j). After the first iteration
     * ρ₁/ρ₀ = (1−e) + e(α₀ + B/2)/(α₀ + ½χ²_B) (β₀ρ₀ = α₀, S_jρ₀ ~ χ²_B): mean 1 + O(1/B), sd e√(2/B) = 0.0079 at
     * B = 8000, e = ½; tolerance 5 sd (d = 4 coordinates). Over T = 4 iterations each update moves ρ by e·(ρ̂/ρ − 1),
     * of sd ≤ √(2/B) given the particles; even fully correlated the drift is ≤ T·e·5√(2/B) = 0.16.
     */
    @Test
    void withoutSignalThePrecisionsStayAtThePrior() {
        int d = 4;
        int b = 8000;
        TeacherTask.SparseParity task = TeacherTask.SparseParity.firstCoordinates(d, 2);
        Matrix x = task.sampleInputs(50, new SplittableRandom(3));
        double[] y = new double[50];
        double rho0 = d / PRIORS.weightVariance();
        for (int t : new int[]{1, 4}) {
            MeanFieldConfig c = MeanFieldConfig.defaults(0.5, 1e6).withPriors(PRIORS).withParticles(b)
                    .withIterations(t, 1e-9).withArd(ArdPrior.defaults());
            MeanFieldResult res = MeanFieldSolver.solve(x, y, c, new SplittableRandom(11 + t));
            assertEquals(t, res.iterations(), "iterations");
            double tol = t * 0.5 * 5 * Math.sqrt(2.0 / b);
            for (double rho : res.priorPrecisions()) {
                assertClose(rho / rho0, 1.0, 0, tol, "rho/rho0 after " + t + " iterations");
            }
            for (double f : res.trainPrediction()) {
                assertEquals(0.0, f, "f at y = 0");
            }
        }
    }

    @Test
    void ardOffReportsTheIsotropicPrecisionsAndIsSeeded() {
        Matrix x = Matrix.gaussian(10, 3, 1.0, new SplittableRandom(1));
        double[] y = Matrix.gaussian(10, 1, 1.0, new SplittableRandom(2)).data();
        MeanFieldConfig off = MeanFieldConfig.defaults(0.3, 10).withParticles(300).withIterations(5, 0.03);
        assertArrayEquals(new double[]{1.0 / 3, 1.0 / 3, 1.0 / 3}, MeanFieldSolver.solve(x, y, off, new SplittableRandom(3))
                .priorVariances(), 1e-15);
        MeanFieldConfig on = off.withArd(ArdPrior.defaults());
        assertArrayEquals(MeanFieldSolver.solve(x, y, on, new SplittableRandom(3)).priorPrecisions(),
                MeanFieldSolver.solve(x, y, on, new SplittableRandom(3)).priorPrecisions(), "same seed");
        assertEquals(off, on.withArd(null));
    }

    @Test
    void invalidSettingsAreRejectedWithTheFieldName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ArdPrior(0, 0.5)).getMessage()
                .startsWith("shape"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ArdPrior(1, 1.5)).getMessage()
                .startsWith("damping"));
    }
}
