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
        // stable rank: a rank-one ΔW has stable rank 1, and then C-NFA and the control are 1 for any K
        Matrix u = Matrix.gaussian(9, 1, 1.0, rng);
        Matrix v = Matrix.gaussian(1, 5, 1.0, rng);
        List<Layer> rankOne = new ArrayList<>(w0.layers());
        rankOne.set(0, Layer.of(w0.weights(0).plus(u.times(v)), w0.layer(0).activation()));
        CentredAlignment.Layer r1 = CentredAlignment.of(w0.withLayers(rankOne), w0, x, 9).get(0);
        assertClose(r1.stableRank(), 1.0, 1e-12, 0, "stable rank of uvᵀ");
        assertClose(r1.cNfa(), 1.0, 0, 1e-12, "C-NFA of a rank-one ΔW");
        assertClose(r1.cNfaRandomSpectrum(), 1.0, 0, 1e-12, "control of a rank-one ΔW");
        // hidden layers: random ΔW is not aligned with K, so the hidden C-NFA is not 1 (the readout value is special)
        org.junit.jupiter.api.Assertions.assertTrue(c[0] < 0.999 && c[1] < 0.999, "hidden C-NFA " + c[0] + ", " + c[1]);
    }
}
