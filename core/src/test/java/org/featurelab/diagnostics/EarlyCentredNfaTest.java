package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Gradients;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The early-time C-NFA prediction ρ(BᵀΘB, BᵀΘ²B) from W(0) against the C-NFA measured after one tiny full-batch GD
 * step. Derived tolerance: ΔW of one step is exactly −(η/n)JᵀB, so ΔWᵀΔW ∝ BᵀΘB and the only difference is K(η)
 * against K(0) in the second argument. With Â = A_c/‖A_c‖ (A_c: A minus its mean entry), ρ(A, B) = ⟨Â, B̂⟩ and
 * ‖B̂ − B̂'‖ ≤ 2‖B − B'‖_F/‖B_c‖_F, so
 * <pre>  |C-NFA(η) − prediction| ≤ 2‖ΔWᵀ(K(η) − K(0))ΔW‖_F / ‖(ΔWᵀK(0)ΔW)_c‖_F + round-off.</pre>
 */
class EarlyCentredNfaTest {
    private static final double ETA = 1e-6;

    @Test
    void predictionMatchesOneTinyStep() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 60;
        Matrix x = Matrix.gaussian(n, 6, 1.0, rng);
        Matrix y = Matrix.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            y.set(i, 0, x.get(i, 0) * x.get(i, 1));
            y.set(i, 1, Math.abs(x.get(i, 2)));
        }
        Network w0 = Initialization.standard(new int[] {6, 12, 10, 2}, Activation.RELU, false, rng);
        Objective mse = new Objective(Loss.parse("mse"), 0.0);
        Gradients g = mse.gradients(w0, x, y);
        List<Layer> stepped = new ArrayList<>();
        for (int l = 0; l < w0.depth(); l++) {
            stepped.add(Layer.of(w0.weights(l).minus(g.weight(l).scale(ETA)), w0.layer(l).activation()));
        }
        Network w1 = w0.withLayers(stepped);
        double[] predicted = EarlyCentredNfa.predict(w0, x, y, mse.loss());
        List<Matrix> k0 = LayerMatrices.outputGradients(w0, x).ptkCovariance();
        List<Matrix> k1 = LayerMatrices.outputGradients(w1, x).ptkCovariance();
        for (int l = 0; l < w0.depth() - 1; l++) {
            Matrix dw = w1.weights(l).minus(w0.weights(l));
            double measured = Correlations.pearson(dw.gramOfColumns(), dw.transposeTimes(k1.get(l)).times(dw));
            Matrix b0 = dw.transposeTimes(k0.get(l)).times(dw);
            Matrix b1 = dw.transposeTimes(k1.get(l)).times(dw);
            double bound = 2 * b1.minus(b0).frobeniusNorm() / centred(b0).frobeniusNorm() + 1e-9;
            assertTrue(bound < 1e-4, "layer " + l + ": bound " + bound + " too loose to test anything");
            assertTrue(Math.abs(measured - predicted[l]) <= bound, "layer " + l + ": measured " + measured
                    + ", predicted " + predicted[l] + ", bound " + bound);
            // the test can fail: the prediction is neither the trivial 1 nor the UC-NFA at W(0) (measured 0.58, 0.57)
            Matrix w = w0.weights(l);
            double ucAtInit = Correlations.pearson(w.gramOfColumns(), w.transposeTimes(k0.get(l)).times(w));
            assertTrue(1 - predicted[l] > 10 * bound && Math.abs(ucAtInit - predicted[l]) > 10 * bound, "layer " + l
                    + ": prediction " + predicted[l] + " within 10 bounds of 1 or of the UC-NFA " + ucAtInit);
        }
        // the readout: K = n·I, so the prediction is 1
        org.featurelab.testing.Close.assertClose(predicted[w0.depth() - 1], 1.0, 0, 1e-12, "readout prediction");
    }

    private static Matrix centred(Matrix a) {
        double mean = 0;
        for (double v : a.data()) {
            mean += v;
        }
        mean /= a.data().length;
        Matrix c = a.copy();
        double[] d = c.data();
        for (int i = 0; i < d.length; i++) {
            d[i] -= mean;
        }
        return c;
    }
}
