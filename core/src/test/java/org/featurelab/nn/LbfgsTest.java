package org.featurelab.nn;

import org.featurelab.linalg.Cholesky;
import org.featurelab.linalg.Matrix;
import org.featurelab.testing.Close;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Optimizer.Lbfgs}: the ridge minimiser of a linear model in closed form, a monotone objective (Armijo), the
 * stationary point of a weight-decayed tanh network far closer than heavy-ball gradient descent gets with more
 * gradient evaluations, the parameter-vector round trip, and the full-batch requirement.
 */
class LbfgsTest {
    private static final double LAMBDA = 1e-2;

    private static TrainingData data(int n) {
        Matrix x = RandomData.gaussian(n, 4, 901);
        Matrix y = Matrix.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            y.set(i, 0, Math.sin(x.get(i, 0) + 0.5 * x.get(i, 1)));
            y.set(i, 1, x.get(i, 2) * x.get(i, 3) - 0.3 * x.get(i, 0));
        }
        return new TrainingData(x, y);
    }

    @Test
    void linearModelReachesTheRidgeSolution() {
        TrainingData d = data(60);
        int n = d.size();
        // 𝓛 = (1/n)Σ½‖Wxᵢ − yᵢ‖² + (λ/2)‖W‖²  ⇒  Wᵀ = (XᵀX + nλI)⁻¹XᵀY
        Matrix a = d.inputs().gramOfColumns().plus(Matrix.identity(4).scale(n * LAMBDA));
        Matrix expected = Cholesky.factor(a).solve(d.inputs().transposeTimes(d.targets())).transpose();
        Network start = Initialization.standard(new int[]{4, 2}, Activation.IDENTITY, false, new SplittableRandom(3));
        Network w = Trainer.train(start, d, new Objective(Loss.MEAN_SQUARED, LAMBDA), new Optimizer.Lbfgs(10, 1.0), 60, 1,
                TrainingListener.NONE);
        Close.assertClose(w.weights(0), expected, 1e-9, 1e-10, "L-BFGS on a strictly convex quadratic");
    }

    @Test
    void reachesAStationaryPointWhereGradientDescentDoesNot() {
        TrainingData d = data(40);
        Objective objective = new Objective(Loss.MEAN_SQUARED, LAMBDA);
        Network start = Initialization.standard(new int[]{4, 8, 8, 2}, Activation.TANH, true, new SplittableRandom(7));
        List<Double> objectives = new ArrayList<>();
        Network lbfgs = Trainer.train(start, d, objective, new Optimizer.Lbfgs(10, 0.1), 1500, 1,
                (t, net, obj, norm) -> objectives.add(obj));
        for (int t = 1; t < objectives.size(); t++) {
            assertTrue(objectives.get(t) <= objectives.get(t - 1), "Armijo: 𝓛 non-increasing, step " + t);
        }
        double gLbfgs = objective.gradients(lbfgs, d.inputs(), d.targets()).norm();
        // heavy-ball GD (StationarityTest's recipe, η = 0.2, μ = 0.9) given 4× the iterations; L-BFGS evaluates about
        // one gradient per iteration (the unit step is accepted), so that is more gradient evaluations than L-BFGS had.
        // Measured: L-BFGS 1e-9 on JDK 17 and 5e-9 on JDK 25 (the round-off floor of Armijo's test at 𝓛 ≈ 0.09, which
        // moves with the JDK's tanh), heavy ball 4.5e-7 on both. So the claim is a gap of ten around that floor: L-BFGS
        // below 1e-8, heavy ball above 1e-7.
        Network hb = Trainer.train(start, d, objective, new Optimizer.SgdMomentum(0.2, 0.9, 0), 6000, 1,
                TrainingListener.NONE);
        double gHb = objective.gradients(hb, d.inputs(), d.targets()).norm();
        assertTrue(gLbfgs < 1e-8, "L-BFGS ‖∇𝓛‖ = " + gLbfgs);
        assertTrue(gHb > 1e-7, "heavy-ball GD ‖∇𝓛‖ = " + gHb + " against L-BFGS " + gLbfgs);
        // the same seed and data give the same iterates
        Network again = Trainer.train(start, d, objective, new Optimizer.Lbfgs(10, 0.1), 1500, 1, TrainingListener.NONE);
        assertArrayEquals(lbfgs.weights(0).data(), again.weights(0).data());
    }

    @Test
    void parameterVectorRoundTrips() {
        Network net = Initialization.standard(new int[]{3, 5, 2}, Activation.RELU, true, new SplittableRandom(11));
        double[] v = ParameterVector.of(net);
        assertEquals(3 * 5 + 5 + 5 * 2 + 2, v.length);
        Network back = ParameterVector.withParameters(net, v);
        for (int l = 0; l < net.depth(); l++) {
            assertArrayEquals(net.weights(l).data(), back.weights(l).data());
            assertArrayEquals(net.layer(l).bias().data(), back.layer(l).bias().data());
        }
        assertEquals(net.squaredParameterNorm(), java.util.Arrays.stream(v).map(x -> x * x).sum(), 1e-12);
    }

    @Test
    void needsTheFullBatchObjective() {
        Network net = Initialization.standard(new int[]{4, 2}, Activation.IDENTITY, false, new SplittableRandom(3));
        TrainingData d = data(10);
        Gradients g = new Objective(Loss.MEAN_SQUARED, LAMBDA).gradients(net, d.inputs(), d.targets());
        assertThrows(IllegalStateException.class, () -> new Optimizer.Lbfgs(10, 1.0).update(net, g, new OptimizerState()));
        assertThrows(IllegalArgumentException.class, () -> new Optimizer.Lbfgs(0, 1.0));
    }
}
