package org.featurelab.training;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.diagnostics.DiagnosticsConfig;
import org.featurelab.diagnostics.LayerDiagnostics;
import org.featurelab.diagnostics.NetworkDiagnostics;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Gradients;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.nn.TrainingData;
import org.featurelab.testing.Close;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Stationarity}: the identity FACT_ℓ − W_ℓᵀW_ℓ = −(1/λ) W_ℓᵀ ∂𝓛/∂W_ℓ behind its bound (derived in the class
 * javadoc), the bound itself away from stationarity, and the summary flag at initialisation (far) and after heavy-ball
 * training of a 4-8-8-2 tanh net to ‖∇𝓛‖ ≈ 10⁻⁸ (near; the recipe of StationaryFactTest).
 */
class StationarityTest {
    private static final double LAMBDA = 1e-2;

    private static TrainingData data() {
        Matrix x = RandomData.gaussian(40, 4, 301);
        Matrix y = Matrix.zeros(40, 2);
        for (int i = 0; i < 40; i++) {
            y.set(i, 0, Math.sin(x.get(i, 0) + 0.5 * x.get(i, 1)));
            y.set(i, 1, x.get(i, 2) * x.get(i, 3) - 0.3 * x.get(i, 0));
        }
        return new TrainingData(x, y);
    }

    @Test
    void factResidualIsTheGradientTermAndTheRatioBoundsIt() {
        TrainingData d = data();
        Objective objective = new Objective(Loss.MEAN_SQUARED, LAMBDA);
        Network net = Initialization.standard(new int[]{4, 8, 8, 2}, Activation.TANH, true, new SplittableRandom(7));
        NetworkDiagnostics diag = NetworkDiagnostics.compute(0, net, null, d.inputs(), d.targets(), objective,
                DiagnosticsConfig.defaults().withKeepMatrices(true));
        Gradients g = objective.gradients(net, d.inputs(), d.targets());
        Stationarity st = Stationarity.of(net, g, LAMBDA);
        for (LayerDiagnostics layer : diag.layers()) {
            int l = layer.index();
            Matrix w = net.weights(l);
            Matrix expected = w.gramOfColumns().minus(w.transposeTimes(g.weight(l)).scale(1 / LAMBDA));
            Close.assertClose(layer.fact(), expected, 1e-9, 1e-10, "FACT − WᵀW = −(1/λ)Wᵀ∂𝓛/∂W, layer " + l);
            double spectral = Math.sqrt(Arrays.stream(SymmetricEigen.of(w.gramOfColumns()).values()).max().orElseThrow());
            double bound = st.layerRatio(l) * w.frobeniusNorm() / spectral;
            assertTrue(layer.factRelativeError() <= bound * (1 + 1e-12), "layer " + l + ": " + layer.factRelativeError()
                    + " > " + bound);
            assertEquals(g.weight(l).frobeniusNorm() / (LAMBDA * w.frobeniusNorm()), st.layerRatio(l), 1e-15 * st.layerRatio(l));
        }
        assertEquals(g.norm() / (LAMBDA * Math.sqrt(net.squaredParameterNorm())), st.ratio(), 1e-15 * st.ratio());
        assertTrue(st.maxLayerRatio() > 1, "at initialisation the data gradient dominates: " + st.maxLayerRatio());
        assertFalse(st.nearStationary());
        assertTrue(st.note().startsWith("NOT near"), st.note());
    }

    @Test
    void summarySaysWhetherTheRunReachedAStationaryPoint() {
        TrainingData d = data();
        TrainConfig far = new TrainConfig(new int[]{4, 8, 8, 2}, Activation.TANH, Loss.MEAN_SQUARED, OptimizerKind.SGD, 0.2,
                LAMBDA, 20, 0, 0.9, InitSpec.STANDARD, true, 10, 7, null, 0, 100);
        TrainConfig near = new TrainConfig(new int[]{4, 8, 8, 2}, Activation.TANH, Loss.MEAN_SQUARED, OptimizerKind.SGD, 0.2,
                LAMBDA, 8000, 0, 0.9, InitSpec.STANDARD, true, 4000, 7, null, 0, 100);
        JsonNode sFar = SummaryJson.of(TrainingRun.execute(far, d, s -> { })).get("stationarity");
        TrainingRun nearRun = TrainingRun.execute(near, d, s -> { });
        JsonNode sNear = SummaryJson.of(nearRun).get("stationarity");
        assertFalse(sFar.get("near_stationary").asBoolean(), sFar.toString());
        assertTrue(sFar.get("note").asText().startsWith("NOT near"), sFar.toString());
        assertTrue(sNear.get("near_stationary").asBoolean(), sNear.toString());
        assertTrue(sNear.get("max_layer_ratio").asDouble() < 1e-2, sNear.toString());
        assertEquals(3, sNear.get("layers").size());
        DiagnosedStep last = nearRun.last();
        assertEquals(last.gradNorm(), sNear.get("grad_norm").asDouble(), 1e-12 * last.gradNorm());
        // at the near-stationary point FACT matches WᵀW within the bound r_ℓ·√rank ≤ r_ℓ·√8
        for (DiagnosedStep.Layer l : last.layers()) {
            double r = last.stationarity().layerRatio(l.index());
            assertTrue(l.factRelativeError() <= r * Math.sqrt(8) * (1 + 1e-9), "layer " + l.index());
        }
    }
}
