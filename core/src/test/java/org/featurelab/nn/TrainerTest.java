package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Trainer} with {@link Optimizer}s: update rules, listener protocol, determinism. */
class TrainerTest {
    private static final Matrix X = RandomData.gaussian(30, 5, 1);
    private static final Matrix Y = RandomData.gaussian(30, 2, 2);
    private static final Objective OBJECTIVE = new Objective(Loss.MEAN_SQUARED, 1e-3);

    private static Network initial(long seed) {
        return Initialization.standard(new int[]{5, 6, 2}, Activation.RELU, true, new SplittableRandom(seed));
    }

    @Test
    void gradientDescentStepIsThetaMinusEtaGradient() {
        Network net = initial(3);
        Gradients g = OBJECTIVE.gradients(net, X, Y);
        Network next = new Optimizer.GradientDescent(0.1).update(net, g, new OptimizerState());
        for (int l = 0; l < net.depth(); l++) {
            assertClose(next.weights(l), net.weights(l).minus(g.weight(l).scale(0.1)), ROUNDOFF, 1e-15, "W" + l);
            assertClose(next.layer(l).bias(), net.layer(l).bias().minus(g.bias(l).scale(0.1)), ROUNDOFF, 1e-15, "b" + l);
        }
    }

    @Test
    void momentumAccumulatesVelocity() {
        Network net = initial(3);
        OptimizerState state = new OptimizerState();
        Optimizer opt = new Optimizer.SgdMomentum(0.1, 0.5, 0);
        Gradients g0 = OBJECTIVE.gradients(net, X, Y);
        Network n1 = opt.update(net, g0, state);
        Gradients g1 = OBJECTIVE.gradients(n1, X, Y);
        Network n2 = opt.update(n1, g1, state);
        // v1 = g0, v2 = 0.5·g0 + g1
        Matrix expected = n1.weights(0).minus(g0.weight(0).scale(0.05).plus(g1.weight(0).scale(0.1)));
        assertClose(n2.weights(0), expected, ROUNDOFF, 1e-15, "W0 after two momentum steps");
        assertEquals(2, state.steps());
    }

    @Test
    void listenerSeesEveryStepAndFullBatchGdDecreasesTheObjective() {
        List<Double> values = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        Network trained = Trainer.train(initial(4), new TrainingData(X, Y), OBJECTIVE, new Optimizer.GradientDescent(0.05), 50, 0,
                (step, network, value, gradNorm) -> {
                    steps.add(step);
                    values.add(value);
                });
        assertEquals(51, steps.size());
        assertEquals(50, steps.get(50));
        for (int t = 1; t < values.size(); t++) {
            assertTrue(values.get(t) < values.get(t - 1), "objective decreases at step " + t);
        }
        assertClose(values.get(50), OBJECTIVE.value(trained, X, Y), 1e-14, 0, "final objective");
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDiffers() {
        Optimizer sgd = new Optimizer.SgdMomentum(0.05, 0.9, 7); // 30 rows in batches of 7: partial last batch
        TrainingData data = new TrainingData(X, Y);
        Network a = Trainer.train(initial(5), data, OBJECTIVE, sgd, 40, 123, TrainingListener.NONE);
        Network b = Trainer.train(initial(5), data, OBJECTIVE, sgd, 40, 123, TrainingListener.NONE);
        Network c = Trainer.train(initial(5), data, OBJECTIVE, sgd, 40, 124, TrainingListener.NONE);
        boolean differs = false;
        for (int l = 0; l < a.depth(); l++) {
            assertArrayEquals(a.weights(l).data(), b.weights(l).data(), "W" + l);
            assertArrayEquals(a.layer(l).bias().data(), b.layer(l).bias().data(), "b" + l);
            differs |= !java.util.Arrays.equals(a.weights(l).data(), c.weights(l).data());
        }
        assertTrue(differs, "another shuffling seed gives another trajectory");
        assertFalse(a.weights(0).minus(initial(5).weights(0)).frobeniusNorm() == 0, "training moved the weights");
    }
}
