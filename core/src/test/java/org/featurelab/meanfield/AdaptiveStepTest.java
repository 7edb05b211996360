package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adaptive MALA step of {@link MeanFieldSolver}: c ← clamp(c·exp(acc_t − 0.574), [1e-4, 1]) after each outer
 * iteration, on sparse parity d = 8, k = 2 (S = {1, 2}), P = 128, B = 500, N = 64.
 */
class AdaptiveStepTest {
    private static final int D = 8;
    private static final TeacherTask.SparseParity TASK = TeacherTask.SparseParity.firstCoordinates(D, 2);
    private final Matrix x = TASK.sampleInputs(128, new SplittableRandom(1));
    private final double[] y = TASK.labels(x);

    private static MeanFieldConfig config(double kappa, int iterations) {
        return MeanFieldConfig.defaults(kappa, 64).withParticles(500).withIterations(iterations, 1e-12);
    }

    /**
     * κ = 0.01, initial step 0.2·σ_w²/d, 30 iterations: the last iteration's acceptance is in [0.35, 0.8] (measured
     * 0.562, c = 0.349). With the step fixed at 0.2 (the solver before adaptation, same seeds) it was 0.040 (overall
     * 0.043), so this fails without the adaptation. The band: the iteration's acceptance is an average over
     * B·innerSteps = 2500 proposals (binomial sd ≤ 0.01, correlated over 5 steps: ≤ 0.03), and around acc = 0.574
     * the update moves log c by acc − 0.574 per iteration, so after 30 iterations only a residual lag remains.
     */
    @Test
    void smallNoiseAcceptanceIsDrivenToTheTarget() {
        MeanFieldResult r = MeanFieldSolver.solve(x, y, config(0.01, 30), new SplittableRandom(3));
        assertEquals(30, r.iterations());
        assertTrue(r.lastAcceptanceRate() >= 0.35 && r.lastAcceptanceRate() <= 0.8,
                "last-iteration acceptance " + r.lastAcceptanceRate());
        assertTrue(r.finalStepMultiplier() < 1, "the step must shrink at small κ, c = " + r.finalStepMultiplier());
        double h = r.finalStepMultiplier() * 0.2 * Priors.standard().weightCoordinateVariance(D);
        double[] expected = new double[D];
        java.util.Arrays.fill(expected, h);
        assertClose(r.finalStepSizes(), expected, 1e-15, 0, "h_j = c·stepSize·σ_w²/d");
        assertClose(r.finalStepSize(), 0.2 * r.finalStepMultiplier(), 1e-15, 0, "finalStepSize = c·stepSize");
    }

    /**
     * One iteration: c starts at 1 and is updated once, so c = exp(acc₁ − 0.574) exactly, and the overall acceptance
     * is that iteration's.
     */
    @Test
    void oneIterationUpdatesTheMultiplierOnceFromOne() {
        MeanFieldResult r = MeanFieldSolver.solve(x, y, config(0.01, 1), new SplittableRandom(3));
        assertEquals(r.acceptanceRate(), r.lastAcceptanceRate(), "one iteration: overall = last");
        assertClose(r.finalStepMultiplier(), Math.exp(r.lastAcceptanceRate() - 0.574), 1e-14, 0, "c after one update");
    }

    /** The rule itself: exp(acc − 0.574) factor, the target is its fixed point, and the clamps [1e-4, 1] hold. */
    @Test
    void multiplierRuleAndClamps() {
        assertClose(MeanFieldSolver.adaptedMultiplier(0.5, 0.1), 0.5 * Math.exp(0.1 - 0.574), 1e-15, 0, "below target");
        assertClose(MeanFieldSolver.adaptedMultiplier(0.5, 0.9), 0.5 * Math.exp(0.9 - 0.574), 1e-15, 0, "above target");
        assertEquals(0.5, MeanFieldSolver.adaptedMultiplier(0.5, 0.574), 1e-15);
        assertEquals(1e-4, MeanFieldSolver.adaptedMultiplier(1.0001e-4, 0.0));
        assertEquals(1.0, MeanFieldSolver.adaptedMultiplier(0.9, 1.0), "the step never exceeds stepSize");
    }

    /** Same rng state, same numbers: f, the multiplier, the acceptances and the fixed-point residual. */
    @Test
    void adaptationIsDeterministic() {
        MeanFieldResult a = MeanFieldSolver.solve(x, y, config(0.03, 8), new SplittableRandom(11));
        MeanFieldResult b = MeanFieldSolver.solve(x, y, config(0.03, 8), new SplittableRandom(11));
        assertArrayEquals(a.trainPrediction(), b.trainPrediction());
        assertEquals(a.finalStepMultiplier(), b.finalStepMultiplier());
        assertEquals(a.lastAcceptanceRate(), b.lastAcceptanceRate());
        assertEquals(a.acceptanceRate(), b.acceptanceRate());
        assertEquals(a.fixedPointResidual(), b.fixedPointResidual());
    }

    /** MF-ARD: the final steps are c·stepSize/ρ_j with the final precisions ρ_j (one multiplier for every j). */
    @Test
    void ardStepsAreTheMultiplierOverTheFinalPrecisions() {
        MeanFieldResult r = MeanFieldSolver.solve(x, y, config(0.03, 3).withArd(ArdPrior.defaults()),
                new SplittableRandom(2));
        double[] rho = r.priorPrecisions();
        double[] expected = new double[D];
        for (int j = 0; j < D; j++) {
            expected[j] = r.finalStepMultiplier() * 0.2 / rho[j];
        }
        assertClose(r.finalStepSizes(), expected, 1e-15, 0, "h_j = c·stepSize/ρ_j");
    }
}
