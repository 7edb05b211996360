package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.featurelab.testing.Close.FINITE_DIFFERENCE;
import static org.featurelab.testing.Close.assertClose;

/**
 * ∂𝓛/∂W_ℓ and ∂𝓛/∂b_ℓ of {@link Objective} against central finite differences (step 1e-6) of 𝓛 itself, for
 * every entry of every layer: a 3-4-5-3 network, n = 7, λ = 0.03, each activation, MSE and softmax CE, with and
 * without bias. ReLU pre-activations of Gaussian data sit at distance ≫ 1e-6 from the kink with probability ≈ 1
 * (fixed seeds).
 */
class GradientCheckTest {
    private static final double H = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation a : List.of(Activation.TANH, Activation.QUADRATIC, Activation.RELU, Activation.IDENTITY)) {
            for (Loss loss : List.of(Loss.MEAN_SQUARED, Loss.SOFTMAX_CROSS_ENTROPY)) {
                for (boolean bias : new boolean[]{false, true}) {
                    out.add(Arguments.of(a, loss, bias));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void objectiveGradientMatchesCentralDifferences(Activation activation, Loss loss, boolean bias) {
        Network net = Initialization.standard(new int[]{3, 4, 5, 3}, activation, bias, new SplittableRandom(11));
        if (bias) { // non-zero biases so that their gradients are exercised away from 0
            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < net.depth(); l++) {
                Layer layer = net.layer(l);
                layers.add(layer.withParameters(layer.weights(), RandomData.gaussian(1, layer.outputDim(), 20 + l).scale(0.3)));
            }
            net = new Network(layers);
        }
        Matrix x = RandomData.gaussian(7, 3, 5);
        Matrix y = loss instanceof Loss.MeanSquared ? RandomData.gaussian(7, 3, 6) : oneHot(new int[]{0, 2, 1, 1, 0, 2, 2}, 3);
        Objective objective = new Objective(loss, 0.03);
        Gradients g = objective.gradients(net, x, y);
        assertClose(g.objective(), objective.value(net, x, y), 1e-14, 0, "objective value");
        for (int l = 0; l < net.depth(); l++) {
            Matrix fdW = finiteDifference(net, l, false, objective, x, y);
            assertClose(g.weight(l), fdW, FINITE_DIFFERENCE, 1e-8, "∂W" + l);
            if (bias) {
                assertClose(g.bias(l), finiteDifference(net, l, true, objective, x, y), FINITE_DIFFERENCE, 1e-8, "∂b" + l);
            }
        }
    }

    private static Matrix finiteDifference(Network net, int l, boolean bias, Objective objective, Matrix x, Matrix y) {
        Matrix p = bias ? net.layer(l).bias() : net.weights(l);
        Matrix out = Matrix.zeros(p.rows(), p.cols());
        for (int k = 0; k < p.data().length; k++) {
            double plus = objective.value(perturbed(net, l, bias, k, H), x, y);
            double minus = objective.value(perturbed(net, l, bias, k, -H), x, y);
            out.data()[k] = (plus - minus) / (2 * H);
        }
        return out;
    }

    private static Network perturbed(Network net, int l, boolean bias, int k, double h) {
        List<Layer> layers = new ArrayList<>(net.layers());
        Layer layer = layers.get(l);
        Matrix w = layer.weights().copy();
        Matrix b = layer.hasBias() ? layer.bias().copy() : null;
        (bias ? b : w).data()[k] += h;
        layers.set(l, layer.withParameters(w, b));
        return new Network(layers);
    }

    static Matrix oneHot(int[] labels, int classes) {
        Matrix y = Matrix.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            y.set(i, labels[i], 1.0);
        }
        return y;
    }
}
