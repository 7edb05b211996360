package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adam, AdamW, SLO and SGLD: one defining property each. */
class MoreOptimizersTest {
    private static final Matrix X = RandomData.gaussian(20, 4, 1);
    private static final Matrix Y = RandomData.gaussian(20, 3, 2);
    private static final Objective OBJECTIVE = new Objective(Loss.MEAN_SQUARED, 1e-2);

    private static Network net(boolean bias) {
        return Initialization.standard(new int[]{4, 5, 3}, Activation.TANH, bias, new SplittableRandom(8));
    }

    /** First Adam step: m̂ = g, v̂ = g², so Δθ = −η·g/(|g| + ε) = −η·sign(g) up to a relative ε/|g|. */
    @Test
    void adamFirstStepIsLearningRateTimesSign() {
        Network n0 = net(true);
        Gradients g = OBJECTIVE.gradients(n0, X, Y);
        Network n1 = adam().update(n0, g, new OptimizerState());
        for (int l = 0; l < n0.depth(); l++) {
            double[] d = n1.weights(l).minus(n0.weights(l)).data();
            double[] gd = g.weight(l).data();
            for (int i = 0; i < d.length; i++) {
                assertClose(d[i], -1e-3 * Math.signum(gd[i]), 1e-8 / Math.abs(gd[i]) + 1e-12, 0, "Δw[" + i + "]");
            }
        }
    }

    private static Optimizer adam() {
        return Optimizer.Adam.of(1e-3, 0);
    }

    /** AdamW with λ = 0 in the objective differs from Adam by exactly −η·wd·θ in the first step. */
    @Test
    void adamWAddsDecoupledDecay() {
        Network n0 = net(false);
        Objective plain = new Objective(Loss.MEAN_SQUARED, 0.0);
        Gradients g = plain.gradients(n0, X, Y);
        Network adam = Optimizer.Adam.of(1e-3, 0).update(n0, g, new OptimizerState());
        Network adamW = new Optimizer.AdamW(1e-3, 0.9, 0.999, 1e-8, 0.1, 0).update(n0, g, new OptimizerState());
        for (int l = 0; l < n0.depth(); l++) {
            assertClose(adamW.weights(l), adam.weights(l).minus(n0.weights(l).scale(1e-4)), ROUNDOFF, 1e-15, "W" + l);
        }
    }

    @Test
    void sloMovesEveryLayerByEtaTimesItsSpeed() {
        Network n0 = net(true);
        Gradients g = OBJECTIVE.gradients(n0, X, Y);
        double[] speeds = {500, 0.002};
        Network n1 = new Optimizer.Slo(1e-3, speeds, 0).update(n0, g, new OptimizerState());
        for (int l = 0; l < n0.depth(); l++) {
            double dw = n1.weights(l).minus(n0.weights(l)).frobeniusNorm();
            double db = n1.layer(l).bias().minus(n0.layer(l).bias()).frobeniusNorm();
            // the step is recovered as a difference of O(1) parameters: relative round-off ≈ ε/(η·C_ℓ) ≤ 1e-10
            assertClose(Math.hypot(dw, db), 1e-3 * speeds[l], 1e-8, 0, "step length of layer " + l);
            // direction: −∇W_ℓ
            assertClose(n1.weights(l).minus(n0.weights(l)).dot(g.weight(l)) / (dw * g.weight(l).frobeniusNorm()), -1.0,
                    1e-8, 0, "direction of layer " + l);
        }
    }

    @Test
    void sgldAtZeroTemperatureIsGradientDescentAndIsSeeded() {
        TrainingData data = new TrainingData(X, Y);
        Network gd = Trainer.train(net(true), data, OBJECTIVE, new Optimizer.GradientDescent(0.05), 10, 0, TrainingListener.NONE);
        Network cold = Trainer.train(net(true), data, OBJECTIVE, new Optimizer.Sgld(0.05, 0.0, 9, 0), 10, 0, TrainingListener.NONE);
        Network hotA = Trainer.train(net(true), data, OBJECTIVE, new Optimizer.Sgld(0.05, 1e-3, 9, 0), 10, 0, TrainingListener.NONE);
        Network hotB = Trainer.train(net(true), data, OBJECTIVE, new Optimizer.Sgld(0.05, 1e-3, 9, 0), 10, 0, TrainingListener.NONE);
        for (int l = 0; l < gd.depth(); l++) {
            assertArrayEquals(gd.weights(l).data(), cold.weights(l).data(), "T = 0 is GD, W" + l);
            assertArrayEquals(hotA.weights(l).data(), hotB.weights(l).data(), "same noise seed, W" + l);
        }
        // the noise has the right scale: after one step, (θ − θ_GD)/√(2ηT) is standard normal over many entries
        Network big = Initialization.standard(new int[]{40, 50, 3}, Activation.TANH, false, new SplittableRandom(1));
        Matrix xb = RandomData.gaussian(10, 40, 3);
        Gradients g = OBJECTIVE.gradients(big, xb, RandomData.gaussian(10, 3, 4));
        Network noisy = new Optimizer.Sgld(0.01, 2.0, 5, 0).update(big, g, new OptimizerState());
        Network clean = new Optimizer.GradientDescent(0.01).update(big, g, new OptimizerState());
        Matrix z = noisy.weights(0).minus(clean.weights(0)).scale(1 / Math.sqrt(2 * 0.01 * 2.0));
        double var = Math.pow(z.frobeniusNorm(), 2) / z.data().length;
        assertTrue(Math.abs(var - 1) < 0.1, "noise variance " + var + " over 2000 entries (std of estimate ≈ 0.03)");
    }
}
