package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
 * {@link Float32Mlp} against the float64 {@link Objective}/{@link Optimizer.GradientDescent} path on the same
 * parameters (the float32 network widened exactly by {@link Float32Mlp#toNetwork}) and the same data (float32 values
 * widened): a 6-8-5-3 network with each hidden activation (ReLU, tanh, quadratic, identity), n = 9, coupled decay
 * λ = 0.01, MSE and softmax CE, with and without bias.
 * float32 rounding (ε ≈ 6·10⁻⁸ per operation, sums of ≤ 9 terms) keeps the relative error far below 1e-4.
 */
class Float32MlpTest {
    private static final double FLOAT32_RTOL = 1e-4;
    private static final int N = 9;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation act : List.of(Activation.RELU, Activation.TANH, Activation.QUADRATIC, Activation.IDENTITY)) {
            for (Loss loss : List.of(Loss.MEAN_SQUARED, Loss.SOFTMAX_CROSS_ENTROPY)) {
                for (boolean bias : new boolean[]{false, true}) {
                    out.add(Arguments.of(act, loss, bias));
                }
            }
        }
        return out.stream();
    }

    private static Float32Mlp network(boolean bias) {
        return network(Activation.RELU, bias);
    }

    private static Float32Mlp network(Activation activation, boolean bias) {
        Network net = Initialization.standard(new int[]{6, 8, 5, 3}, activation, bias, new SplittableRandom(3));
        if (bias) { // non-zero biases so that their gradients and decay are exercised
            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < net.depth(); l++) {
                Layer layer = net.layer(l);
                layers.add(layer.withParameters(layer.weights(), RandomData.gaussian(1, layer.outputDim(), 30 + l).scale(0.2)));
            }
            net = new Network(layers);
        }
        return Float32Mlp.fromNetwork(net);
    }

    /** Targets: one-hot rows for cross-entropy, Gaussian for MSE. */
    private static Matrix targets(Loss loss) {
        if (loss instanceof Loss.MeanSquared) {
            return RandomData.gaussian(N, 3, 8);
        }
        Matrix y = Matrix.zeros(N, 3);
        for (int i = 0; i < N; i++) {
            y.data()[i * 3 + i % 3] = 1.0;
        }
        return y;
    }

    /** A float64 matrix holding exactly float32 values. */
    private static Matrix roundedToFloat(Matrix m) {
        double[] d = m.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) d[i];
        }
        return Matrix.wrap(m.rows(), m.cols(), d);
    }

    private static float[] floats(Matrix m) {
        float[] f = new float[m.data().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) m.data()[i];
        }
        return f;
    }

    private static Matrix widen(int rows, int cols, float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return Matrix.wrap(rows, cols, d);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientMatchesTheFloat64Objective(Activation activation, Loss loss, boolean bias) {
        Float32Mlp mlp = network(activation, bias);
        Network reference = mlp.toNetwork();
        Matrix x = roundedToFloat(RandomData.gaussian(N, 6, 7));
        Matrix y = roundedToFloat(targets(loss));
        Objective objective = new Objective(loss, 0.01);
        Gradients expected = objective.gradients(reference, x, y);
        Float32Mlp.Gradients32 actual = mlp.gradients(floats(x), floats(y), N, objective);
        assertEquals(expected.dataLoss(), actual.dataLoss(), FLOAT32_RTOL * expected.dataLoss(), "data loss");
        for (int l = 0; l < reference.depth(); l++) {
            Matrix ew = expected.weight(l);
            double err = relativeError(widen(ew.rows(), ew.cols(), actual.weights()[l]), ew);
            assertTrue(err <= FLOAT32_RTOL, "layer " + l + " weight gradient relative error " + err);
            if (bias) {
                Matrix eb = expected.bias(l);
                double errB = relativeError(widen(1, eb.cols(), actual.biases()[l]), eb);
                assertTrue(errB <= FLOAT32_RTOL, "layer " + l + " bias gradient relative error " + errB);
            } else {
                assertEquals(null, actual.biases());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sgdStepMatchesFloat64GradientDescent(Activation activation, Loss loss, boolean bias) {
        Float32Mlp mlp = network(activation, bias);
        Float32Mlp twin = network(activation, bias);
        Network before = mlp.toNetwork();
        Matrix x = roundedToFloat(RandomData.gaussian(N, 6, 7));
        Matrix y = roundedToFloat(targets(loss));
        Objective objective = new Objective(loss, 0.01);
        double lr = 0.5;
        Network expected = new Optimizer.GradientDescent(lr).update(before, objective.gradients(before, x, y),
                new OptimizerState());
        double loss32 = mlp.sgdStepInPlace(floats(x), floats(y), N, objective, (float) lr, null);
        java.nio.FloatBuffer[] kept = twin.newTensors();
        twin.sgdStepInPlace(floats(x), floats(y), N, objective, (float) lr, kept);
        Float32Mlp.Gradients32 direct = network(activation, bias).gradients(floats(x), floats(y), N, objective);
        for (int l = 0; l < mlp.depth(); l++) { // keeping the gradient changes neither the step nor the gradient
            assertArrayEquals(mlp.weights(l), twin.weights(l), "layer " + l + " step with the gradient kept");
            float[] g = new float[direct.weights()[l].length];
            kept[twin.weightTensor(l)].get(0, g);
            assertArrayEquals(direct.weights()[l], g, "layer " + l + " kept gradient");
        }
        assertEquals(objective.gradients(before, x, y).dataLoss(), loss32, FLOAT32_RTOL * loss32, "loss before the step");
        Network actual = mlp.toNetwork();
        for (int l = 0; l < before.depth(); l++) {
            Matrix change = expected.weights(l).minus(before.weights(l));
            Matrix change32 = actual.weights(l).minus(before.weights(l));
            double err = relativeError(change32, change);
            assertTrue(err <= FLOAT32_RTOL * 10, "layer " + l + " weight update relative error " + err);
            assertTrue(relativeError(actual.weights(l), expected.weights(l)) <= FLOAT32_RTOL, "layer " + l + " weights");
            if (bias) {
                assertTrue(relativeError(actual.layer(l).bias(), expected.layer(l).bias()) <= FLOAT32_RTOL, "layer " + l + " bias");
            }
        }
    }

    @Test
    void roundTripAndOutputAgreeWithTheNetwork() {
        Float32Mlp mlp = network(true);
        Network net = mlp.toNetwork();
        Float32Mlp again = Float32Mlp.fromNetwork(net);
        for (int l = 0; l < mlp.depth(); l++) {
            assertArrayEquals(mlp.weights(l), again.weights(l));
            assertArrayEquals(mlp.bias(l), again.bias(l));
        }
        Matrix x = roundedToFloat(RandomData.gaussian(N, 6, 9));
        Matrix expected = net.output(x);
        assertTrue(relativeError(widen(N, 3, mlp.output(floats(x), N)), expected) <= FLOAT32_RTOL);
    }

    @Test
    void rejectsMixedBiasesAndBadShapes() {
        Network net = Initialization.standard(new int[]{4, 3, 2}, Activation.TANH, true, new SplittableRandom(1));
        Network mixed = new Network(List.of(net.layer(0), Layer.of(net.layer(1).weights(), Activation.IDENTITY)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Float32Mlp.fromNetwork(mixed));
        assertTrue(e.getMessage().contains("layer 1 has no bias"), e.getMessage());
        Float32Mlp mlp = Float32Mlp.standard(new int[]{4, 3, 2}, true, new SplittableRandom(1));
        Objective objective = new Objective(Loss.MEAN_SQUARED, 0);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> mlp.sgdStepInPlace(new float[8], new float[2], 2, objective, 0.1f, null));
        assertTrue(shape.getMessage().contains("2x2"), shape.getMessage());
    }
}
