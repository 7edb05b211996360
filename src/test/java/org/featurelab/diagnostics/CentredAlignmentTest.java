package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Network;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Per-layer centred alignment: the linear readout has K = n·I (∂f_c/∂u = e_c for every row), so its UC-NFA and C-NFA
 * are 1 to round-off whatever the weights; the hidden mean leaves it out; ‖ΔW‖/‖W‖ is the closed form.
 */
class CentredAlignmentTest {
    @Test
    void readoutIsOneByConstructionAndExcludedFromTheMean() {
        SplittableRandom rng = new SplittableRandom(2);
        Matrix x = Matrix.gaussian(30, 5, 1.0, rng);
        Network w0 = Initialization.standard(new int[] {5, 9, 7, 3}, Activation.RELU, false, rng);
        List<Layer> moved = new ArrayList<>();
        for (int l = 0; l < w0.depth(); l++) {
            Matrix w = w0.weights(l);
            moved.add(Layer.of(w.plus(Matrix.gaussian(w.rows(), w.cols(), 0.3, rng)), w0.layer(l).activation()));
        }
        Network w1 = w0.withLayers(moved);
        List<CentredAlignment.Layer> layers = CentredAlignment.of(w1, w0, x, 9);
        CentredAlignment.Layer readout = layers.get(2);
        assertClose(readout.cNfa(), 1.0, 0, 1e-12, "readout C-NFA");
        assertClose(readout.ucNfa(), 1.0, 0, 1e-12, "readout UC-NFA");
        Matrix k = LayerMatrices.outputGradients(w1, x).ptkCovariance().get(2);
        assertClose(k, Matrix.identity(3).scale(30), 0, 1e-12, "readout K = n·I");
        double[] c = layers.stream().mapToDouble(CentredAlignment.Layer::cNfa).toArray();
        assertEquals((c[0] + c[1]) / 2, CentredAlignment.hiddenMean(c), 0.0);
        for (int l = 0; l < 3; l++) {
            Matrix w = w1.weights(l);
            assertClose(layers.get(l).relativeChange(), w.minus(w0.weights(l)).frobeniusNorm() / w.frobeniusNorm(), 1e-15, 0,
                    "‖ΔW‖/‖W‖ layer " + l);
        }
        // hidden layers: random ΔW is not aligned with K, so the hidden C-NFA is not 1 (the readout value is special)
        org.junit.jupiter.api.Assertions.assertTrue(c[0] < 0.999 && c[1] < 0.999, "hidden C-NFA " + c[0] + ", " + c[1]);
    }
}
