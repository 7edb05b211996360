package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.featurelab.testing.Close.relativeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Float32Trainer} and {@link Float32Optimizer} against {@link Trainer} and the float64 {@link Optimizer} rules
 * from the same float32-exact start and data: every rule, full batch and mini-batch; the listener contract; bit
 * determinism, also when the listener looks at every step. float32 rounding (ε ≈ 6·10⁻⁸ per operation) over 12
 * updates of a 5-7-3 tanh network keeps the parameters within 1e-5 relative and the parameter change within 1e-3.
 */
class Float32TrainerTest {
    private static final Matrix X = floatExact(RandomData.gaussian(24, 5, 1));
    private static final Matrix Y = floatExact(RandomData.gaussian(24, 3, 2));
    private static final TrainingData DATA = new TrainingData(X, Y);
    private static final Objective OBJECTIVE = new Objective(Loss.MEAN_SQUARED, 1e-2);
    private static final int STEPS = 12;

    static Stream<Optimizer> rules() {
        return Stream.of(new Optimizer.GradientDescent(0.1), new Optimizer.SgdMomentum(0.05, 0.9, 0),
                new Optimizer.SgdMomentum(0.05, 0.0, 8), new Optimizer.SgdMomentum(0.05, 0.5, 7),
                Optimizer.Adam.of(0.01, 0), new Optimizer.AdamW(0.01, 0.9, 0.999, 1e-8, 0.1, 8),
                new Optimizer.Slo(0.02, new double[]{1.0, 0.5}, 0), new Optimizer.Sgld(0.02, 1e-3, 77, 8));
    }

    /** A network whose parameters are float32 values, so both engines start from the same point. */
    private static Network start() {
        Network net = Initialization.standard(new int[]{5, 7, 3}, Activation.TANH, true, new SplittableRandom(5));
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < net.depth(); l++) {
            Layer layer = net.layer(l);
            layers.add(layer.withParameters(floatExact(layer.weights()),
                    floatExact(RandomData.gaussian(1, layer.outputDim(), 40 + l).scale(0.3))));
        }
        return new Network(layers);
    }

    private static Matrix floatExact(Matrix m) {
        double[] d = m.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) d[i];
        }
        return Matrix.wrap(m.rows(), m.cols(), d);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyRuleFollowsItsFloat64Twin(Optimizer rule) {
        Network start = start();
        Network expected = Trainer.train(start, DATA, OBJECTIVE, rule, STEPS, 3, TrainingListener.NONE);
        Network actual = Float32Trainer.train(start, DATA, OBJECTIVE, rule, STEPS, 3, TrainingListener.NONE);
        for (int l = 0; l < start.depth(); l++) {
            double err = relativeError(actual.weights(l), expected.weights(l));
            assertTrue(err <= 1e-5, rule + ": layer " + l + " weights relative error " + err);
            double change = relativeError(actual.weights(l).minus(start.weights(l)), expected.weights(l).minus(start.weights(l)));
            assertTrue(change <= 1e-3, rule + ": layer " + l + " change relative error " + change);
            double bias = relativeError(actual.layer(l).bias(), expected.layer(l).bias());
            assertTrue(bias <= 1e-5, rule + ": layer " + l + " bias relative error " + bias);
        }
    }

    @Test
    void listenerSeesTheNetworkBeforeEachObservedUpdateAndTheFinalFullBatchObjective() {
        List<Integer> seen = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        List<double[]> reported = new ArrayList<>();
        TrainingListener every3 = new TrainingListener() {
            @Override
            public void onStep(int step, Network network, double objective, double gradientNorm) {
                seen.add(step);
                networks.add(network);
                reported.add(new double[]{objective, gradientNorm});
            }

            @Override
            public boolean observes(int step) {
                return step % 3 == 0;
            }
        };
        Network start = start();
        Network trained = Float32Trainer.train(start, DATA, OBJECTIVE, new Optimizer.GradientDescent(0.1), STEPS, 0, every3);
        assertEquals(List.of(0, 3, 6, 9, 12), seen);
        assertArrayEquals(start.weights(0).data(), networks.get(0).weights(0).data(), "step 0 is the start");
        assertArrayEquals(trained.weights(1).data(), networks.get(4).weights(1).data(), "step 12 is the result");
        for (int i = 0; i < seen.size(); i++) { // full batch: the batch objective is 𝓛 of the network reported
            Gradients g = OBJECTIVE.gradients(networks.get(i), X, Y);
            double tol = 1e-5;
            assertEquals(g.objective(), reported.get(i)[0], tol * g.objective(), "objective at step " + seen.get(i));
            assertEquals(g.norm(), reported.get(i)[1], tol * 10 * g.norm(), "gradient norm at step " + seen.get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void sameSeedSameBitsWhetherOrNotEveryStepIsObserved(Optimizer rule) {
        TrainingListener all = (step, network, objective, gradientNorm) -> {
        };
        Network a = Float32Trainer.train(start(), DATA, OBJECTIVE, rule, STEPS, 9, TrainingListener.NONE);
        Network b = Float32Trainer.train(start(), DATA, OBJECTIVE, rule, STEPS, 9, all);
        for (int l = 0; l < a.depth(); l++) {
            assertArrayEquals(a.weights(l).data(), b.weights(l).data(), rule + ": layer " + l);
            assertArrayEquals(a.layer(l).bias().data(), b.layer(l).bias().data(), rule + ": layer " + l + " bias");
        }
    }

    @Test
    void lbfgsAndDivergenceAreReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Float32Trainer(start(), OBJECTIVE, new Optimizer.Lbfgs(10, 1.0)));
        assertTrue(e.getMessage().contains("lbfgs runs in float64 only"), e.getMessage());
        ArithmeticException diverged = assertThrows(ArithmeticException.class, () -> Float32Trainer.train(start(), DATA,
                OBJECTIVE, new Optimizer.GradientDescent(1e6), 50, 0, TrainingListener.NONE));
        assertTrue(diverged.getMessage().startsWith("float32 training: the loss is"), diverged.getMessage());
    }
}
