package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.PsdFunctions;
import org.featurelab.nn.Activation;
import org.featurelab.nn.ForwardPass;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Network;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.featurelab.testing.Close.FINITE_DIFFERENCE;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AGOP_ℓ and the PTK covariance K_ℓ of {@link LayerMatrices}, and the NFA of balanced deep linear networks. */
class AgopTest {

    private static Network reluNet() {
        Network net = Initialization.standard(new int[]{6, 9, 7, 3}, Activation.RELU, true, new SplittableRandom(21));
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < net.depth(); l++) { // non-zero biases
            Layer layer = net.layer(l);
            layers.add(layer.withParameters(layer.weights(), RandomData.gaussian(1, layer.outputDim(), 60 + l).scale(0.2)));
        }
        return new Network(layers);
    }

    @Test
    void agopEqualsWTransposeKWOverNForEveryLayer() {
        Network net = reluNet();
        Matrix x = RandomData.gaussian(25, 6, 8);
        LayerMatrices.OutputGradientMatrices m = LayerMatrices.outputGradients(net, x);
        for (int l = 0; l < net.depth(); l++) {
            Matrix w = net.weights(l);
            Matrix expected = w.transposeTimes(m.ptkCovariance().get(l)).times(w).scale(1.0 / 25);
            assertClose(m.agop().get(l), expected, 0, 1e-10 * expected.maxAbs(), "AGOP_" + l + " = WᵀKW/n");
        }
    }

    /** Layer 1 (input H_1, n×9): AGOP from central differences of the sub-network f = g(h) at every row of H_1. */
    @Test
    void agopMatchesFiniteDifferencesOfTheSubNetwork() {
        Network net = reluNet();
        Matrix x = RandomData.gaussian(12, 6, 9);
        int layer = 1;
        ForwardPass pass = net.forward(x);
        Matrix h = pass.input(layer);
        Network tail = new Network(net.layers().subList(layer, net.depth()));
        int c = net.outputDim();
        int in = h.cols();
        double step = 1e-6;
        Matrix fd = Matrix.zeros(in, in);
        for (int i = 0; i < h.rows(); i++) {
            Matrix jac = Matrix.zeros(c, in);
            for (int j = 0; j < in; j++) {
                Matrix plus = Matrix.wrap(1, in, h.row(i));
                Matrix minus = Matrix.wrap(1, in, h.row(i));
                plus.data()[j] += step;
                minus.data()[j] -= step;
                Matrix df = tail.output(plus).minus(tail.output(minus));
                for (int k = 0; k < c; k++) {
                    jac.set(k, j, df.get(0, k) / (2 * step));
                }
            }
            fd.addInPlace(1.0 / h.rows(), jac.gramOfColumns());
        }
        Matrix agop = LayerMatrices.outputGradients(net, x).agop().get(layer);
        assertClose(agop, fd, FINITE_DIFFERENCE, 1e-7 * fd.maxAbs(), "AGOP_1 vs finite differences");
    }

    /**
     * A balanced deep linear network f(x) = A x (L = 2, 3) has AGOP_0 = AᵀA at any inputs and W₁ᵀW₁ = (AᵀA)^{1/L};
     * the α-sweep of ρ(W₁ᵀW₁, AGOP^α) on a grid of step 0.01 peaks within 0.05 of 1/L. A is 4×3 of full column
     * rank: with a rank-deficient AᵀA, round-off eigenvalues ε would become ε^{1/L} ≫ 1e-10 in the matrix power.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void balancedDeepLinearNetworkSatisfiesNfaWithExponentOneOverL(int depth) {
        Matrix a = RandomData.gaussian(4, 3, 31);
        Network net = Initialization.balanced(a, depth, 7, new SplittableRandom(5));
        Matrix x = RandomData.gaussian(20, 3, 32);
        Matrix agop = LayerMatrices.outputGradients(net, x).agop().get(0);
        Matrix ata = a.transposeTimes(a);
        assertClose(agop, ata, 0, 1e-12 * ata.maxAbs(), "AGOP_0 = AᵀA");
        Matrix nfm = LayerMatrices.nfm(net.weights(0));
        Matrix root = PsdFunctions.power(agop, 1.0 / depth);
        assertClose(nfm, root, 0, 1e-10 * root.maxAbs(), "W₁ᵀW₁ = AGOP^{1/L}");
        Correlations.AlphaSweep sweep = Correlations.alphaSweep(nfm, agop, DiagnosticsConfig.grid(0.01, 1.5, 0.01));
        assertTrue(Math.abs(sweep.bestAlpha() - 1.0 / depth) <= 0.05, "best α " + sweep.bestAlpha() + " for L = " + depth);
        NetworkDiagnostics d = NetworkDiagnostics.compute(0, net, null, x, x.times(a.transpose()),
                new org.featurelab.nn.Objective(org.featurelab.nn.Loss.MEAN_SQUARED, 0.0), DiagnosticsConfig.defaults());
        assertTrue(d.layers().get(0).balancedness() <= 1e-12, "balanced");
        assertClose(d.gradientNorm(), 0.0, 0, 1e-12, "f = A x interpolates its own targets: ∇𝓛 = 0 at λ = 0");
    }

    /**
     * Training keeps the deep-linear NFA: a balanced chain (L = 2, 3, no decay) trained by small-step full-batch GD
     * towards a different rank-2 linear target stays balanced up to O(η²) per step, so W₁ᵀW₁ = AGOP^{1/L} holds to
     * the accuracy the step size allows — the residual shrinks when η does — and the α-sweep still peaks at 1/L.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void balancedDeepLinearNetworkKeepsNfaWhileTraining(int depth) {
        Matrix start = RandomData.gaussian(4, 3, 41).scale(0.5);
        Matrix u = RandomData.gaussian(4, 2, 42);
        Matrix v = RandomData.gaussian(2, 3, 43);
        Matrix target = u.times(v);                                 // rank-2 teacher
        Matrix x = RandomData.gaussian(60, 3, 44);
        org.featurelab.nn.TrainingData data = new org.featurelab.nn.TrainingData(x, x.times(target.transpose()));
        org.featurelab.nn.Objective mse = new org.featurelab.nn.Objective(org.featurelab.nn.Loss.MEAN_SQUARED, 0.0);
        double[] residual = new double[2];
        double[] steps = {1e-3, 5e-4};
        for (int k = 0; k < 2; k++) {
            double eta = steps[k];
            int count = (int) Math.round(0.6 / eta);                // same training time t = η·steps for both
            Network net = Initialization.balanced(start, depth, 6, new SplittableRandom(7));
            Network trained = org.featurelab.nn.Trainer.train(net, data, mse,
                    new org.featurelab.nn.Optimizer.GradientDescent(eta), count, 1L, (step, n, loss, grad) -> { });
            Matrix agop = LayerMatrices.outputGradients(trained, x).agop().get(0);
            Matrix nfm = LayerMatrices.nfm(trained.weights(0));
            Matrix root = PsdFunctions.power(agop, 1.0 / depth);
            residual[k] = nfm.minus(root).frobeniusNorm() / root.frobeniusNorm();
            assertTrue(nfm.minus(LayerMatrices.nfm(net.weights(0))).frobeniusNorm() > 0.05 * root.frobeniusNorm(),
                    "the network must actually have moved");
            Correlations.AlphaSweep sweep = Correlations.alphaSweep(nfm, agop, DiagnosticsConfig.grid(0.01, 1.5, 0.01));
            assertTrue(Math.abs(sweep.bestAlpha() - 1.0 / depth) <= 0.05, "best α " + sweep.bestAlpha() + " for L = " + depth);
        }
        assertTrue(residual[0] < 1e-3, "‖W₁ᵀW₁ − AGOP^{1/L}‖/‖·‖ = " + residual[0] + " at η = 1e-3");
        assertTrue(residual[1] < 0.75 * residual[0], "halving η must shrink the residual: " + residual[1] + " vs " + residual[0]);
    }
}
