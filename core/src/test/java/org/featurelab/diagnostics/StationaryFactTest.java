package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.Optimizer;
import org.featurelab.nn.Trainer;
import org.featurelab.nn.TrainingData;
import org.featurelab.nn.TrainingListener;
import org.featurelab.testing.Close;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At a stationary point of the coupled objective 𝓛 = mean ½‖f − y‖² + (λ/2)‖θ‖², W_ℓᵀW_ℓ = FACT_ℓ for every layer.
 * A 4-8-8-2 tanh network with biases (n = 40, λ = 1e-2) is driven to ‖∇𝓛‖ ≤ 1e-8 by full-batch heavy-ball
 * momentum (η = 0.2, μ = 0.9: an {@link Optimizer.SgdMomentum} with batch 0, which minimises the same 𝓛 as plain
 * gradient descent but contracts at rate ≈ 1 − √(ημ_min) instead of 1 − ημ_min), in rounds of 1000 steps until
 * ‖∇𝓛‖ ≤ 1e-8 (about 4000 steps, ~1 s). The bFACT identity W_ℓW_ℓᵀ = bFACT_ℓ and the symmetric form
 * (FACT·FACTᵀ)^½ are checked too.
 */
class StationaryFactTest {

    @Test
    void trainedToStationarityWeightsSatisfyFact() {
        Matrix x = RandomData.gaussian(40, 4, 301);
        Matrix y = Matrix.zeros(40, 2);
        for (int i = 0; i < 40; i++) {
            y.set(i, 0, Math.sin(x.get(i, 0) + 0.5 * x.get(i, 1)));
            y.set(i, 1, x.get(i, 2) * x.get(i, 3) - 0.3 * x.get(i, 0));
        }
        Objective objective = new Objective(Loss.MEAN_SQUARED, 1e-2);
        TrainingData data = new TrainingData(x, y);
        Network net = Initialization.standard(new int[]{4, 8, 8, 2}, Activation.TANH, true, new SplittableRandom(7));
        double[] last = new double[1];
        TrainingListener record = (step, network, value, gradNorm) -> last[0] = gradNorm;
        net = Trainer.train(net, data, objective, new Optimizer.SgdMomentum(0.2, 0.9, 0), 3000, 1, record);
        for (int round = 0; round < 20 && last[0] > 1e-8; round++) {
            net = Trainer.train(net, data, objective, new Optimizer.SgdMomentum(0.2, 0.9, 0), 1000, 1, record);
        }
        assertTrue(last[0] <= 1e-8, "gradient norm " + last[0]);
        NetworkDiagnostics d = NetworkDiagnostics.compute(0, net, null, x, y, objective, DiagnosticsConfig.defaults());
        for (LayerDiagnostics layer : d.layers()) {
            assertTrue(layer.nfm().frobeniusNorm() > 1e-2, "layer " + layer.index() + " collapsed: ‖WᵀW‖ = " + layer.nfm().frobeniusNorm());
            assertTrue(layer.factRelativeError() <= 1e-4, "layer " + layer.index() + ": FACT relative error " + layer.factRelativeError());
            Matrix wwt = net.weights(layer.index()).gramOfRows();
            assertTrue(Close.relativeError(layer.bfact(), wwt) <= 1e-4, "layer " + layer.index() + ": bFACT relative error "
                    + Close.relativeError(layer.bfact(), wwt));
            assertTrue(Close.relativeError(layer.symmetricFact(), layer.nfm()) <= 1e-4, "layer " + layer.index()
                    + ": (FACT·FACTᵀ)^½ relative error " + Close.relativeError(layer.symmetricFact(), layer.nfm()));
            assertTrue(layer.pearsonFact() > 1 - 1e-8, "layer " + layer.index() + ": ρ(WᵀW, FACT) = " + layer.pearsonFact());
        }
    }
}
