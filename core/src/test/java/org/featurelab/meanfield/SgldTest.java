package org.featurelab.meanfield;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.featurelab.testing.Close.FINITE_DIFFERENCE;
import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Gradients of the SGLD drift, the exact form of one step, recording and determinism. */
class SgldTest {
    private static final int N = 6;
    private static final int D = 4;
    private static final int P = 9;

    private static Matrix inputs() {
        return Matrix.gaussian(P, D, 1.0, new SplittableRandom(1));
    }

    private static double[] targets() {
        SplittableRandom r = new SplittableRandom(2);
        double[] y = new double[P];
        for (int mu = 0; mu < P; mu++) {
            y[mu] = r.nextGaussian();
        }
        return y;
    }

    private static TwoLayerNetwork network() {
        return TwoLayerNetwork.samplePrior(N, D, 0.5, Priors.standard(), new SplittableRandom(3));
    }

    /**
     * ∇_a L and ∇_W L of the drift against central differences (L(θ + h) − L(θ − h))/(2h), h = 10⁻⁶: truncation
     * O(h²·L''') ≈ 10⁻¹², round-off ≈ 10⁻¹⁶·L/h ≈ 10⁻¹⁰, far below {@link org.featurelab.testing.Close#FINITE_DIFFERENCE}.
     * Inputs are Gaussian, so no pre-activation sits within h·‖x‖ of the ReLU kink (probability ≈ 10⁻⁶ per entry).
     */
    @Test
    void driftGradientsMatchCentralDifferences() {
        Matrix x = inputs();
        double[] y = targets();
        TwoLayerNetwork net = network();
        Sgld.Gradients g = Sgld.gradients(net, x, y);
        assertClose(g.loss(), net.loss(x, y), ROUNDOFF, 0, "loss");
        double h = 1e-6;
        double[] a = net.readout();
        for (int i = 0; i < N; i++) {
            double[] ap = a.clone();
            double[] am = a.clone();
            ap[i] += h;
            am[i] -= h;
            double fd = (net.withReadout(ap).loss(x, y) - net.withReadout(am).loss(x, y)) / (2 * h);
            assertClose(g.readout()[i], fd, FINITE_DIFFERENCE, 1e-8, "dL/da[" + i + "]");
        }
        Matrix w = net.hiddenWeights();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                Matrix wp = w.copy();
                Matrix wm = w.copy();
                wp.set(i, j, w.get(i, j) + h);
                wm.set(i, j, w.get(i, j) - h);
                double fd = (net.withHiddenWeights(wp).loss(x, y) - net.withHiddenWeights(wm).loss(x, y)) / (2 * h);
                assertClose(g.hidden().get(i, j), fd, FINITE_DIFFERENCE, 1e-8, "dL/dW(" + i + "," + j + ")");
            }
        }
    }

    /**
     * One step is p − η[(T/σ_p²)p + ∇_p L] + √(2Tη)ξ with σ_a² for a, σ_w²/d for W, T = 2κ², and ξ drawn from
     * SplittableRandom(seed) for a then W row-major: recomputed here from the gradients and the same generator.
     * Non-unit priors make the two decay rates differ.
     */
    @Test
    void oneStepIsTheDocumentedUpdate() {
        Matrix x = inputs();
        double[] y = targets();
        Priors priors = new Priors(0.7, 1.9);
        TwoLayerNetwork net = TwoLayerNetwork.samplePrior(N, D, 0.5, priors, new SplittableRandom(3));
        double kappa = 0.2;
        double eta = 0.05;
        Sgld chain = new Sgld(net, x, y, priors, SgldConfig.of(kappa, eta, 1, 77));
        chain.stepInPlace();

        Sgld.Gradients g = Sgld.gradients(net, x, y);
        double t = 2 * kappa * kappa;
        double noise = Math.sqrt(2 * t * eta);
        SplittableRandom xi = new SplittableRandom(77);
        double[] a = net.readout();
        double[] aExpected = new double[N];
        for (int i = 0; i < N; i++) {
            aExpected[i] = a[i] - eta * (t / 0.7 * a[i] + g.readout()[i]) + noise * xi.nextGaussian();
        }
        double[] w = net.hiddenWeights().data();
        double[] wExpected = new double[N * D];
        for (int k = 0; k < N * D; k++) {
            wExpected[k] = w[k] - eta * (t / (1.9 / D) * w[k] + g.hidden().data()[k]) + noise * xi.nextGaussian();
        }
        TwoLayerNetwork after = chain.network();
        assertClose(after.readout(), aExpected, ROUNDOFF, ROUNDOFF, "a after one step");
        assertClose(after.hiddenWeights().data(), wExpected, ROUNDOFF, ROUNDOFF, "W after one step");
        assertEquals(1, chain.step());
        assertClose(chain.lastLoss(), net.loss(x, y), ROUNDOFF, 0, "loss of the step's forward pass");
    }

    /**
     * The mixed path (float32 GEMMs) against float64: each float32 dot product of length d, N or P has relative
     * error ≤ (length + 2)·2⁻²⁴ ≈ 10⁻⁶ of Σ|x||w| here, so the gradients agree to 10⁻⁵ of their largest entry
     * (Gaussian inputs: no pre-activation near the ReLU kink). A 200-step chain with the same noise stays within
     * 10⁻⁴: the drift is contracting (decay T/σ_p²), so the rounding differences do not grow.
     */
    @Test
    void mixedArithmeticMatchesFloat64() {
        Matrix x = inputs();
        double[] y = targets();
        TwoLayerNetwork net = network();
        Sgld.Gradients g64 = Sgld.gradients(net, x, y);
        Sgld.Gradients g32 = Sgld.gradients(net, x, y, Arithmetic.MIXED);
        double scaleA = 0;
        for (double v : g64.readout()) {
            scaleA = Math.max(scaleA, Math.abs(v));
        }
        assertClose(g32.readout(), g64.readout(), 0, 1e-5 * scaleA, "mixed dL/da");
        assertClose(g32.hidden(), g64.hidden(), 0, 1e-5 * g64.hidden().maxAbs(), "mixed dL/dW");
        SgldConfig config = SgldConfig.of(0.1, 0.02, 200, 8);
        Sgld c64 = new Sgld(net, x, y, Priors.standard(), config);
        Sgld c32 = new Sgld(net, x, y, Priors.standard(), config.withArithmetic(Arithmetic.MIXED));
        c64.runInPlace(null);
        c32.runInPlace(null);
        assertClose(c32.network().readout(), c64.network().readout(), 0, 1e-4, "mixed chain a");
        assertClose(c32.network().hiddenWeights(), c64.network().hiddenWeights(), 0, 1e-4, "mixed chain W");
    }

    @Test
    void frozenHiddenWeightsStayFixed() {
        TwoLayerNetwork net = network();
        Sgld chain = new Sgld(net, inputs(), targets(), Priors.standard(),
                SgldConfig.of(0.3, 0.01, 50, 5).withFreezeHidden(true));
        chain.runInPlace(null);
        assertArrayEquals(net.hiddenWeights().data(), chain.network().hiddenWeights().data());
        assertFalse(java.util.Arrays.equals(net.readout(), chain.network().readout()));
    }

    @Test
    void listenerSeesStepsAfterBurnInAtTheRecordingInterval() {
        List<Long> seen = new ArrayList<>();
        Sgld chain = new Sgld(network(), inputs(), targets(), Priors.standard(),
                SgldConfig.of(0.3, 0.01, 20, 5).withRecording(5, 4));
        chain.runInPlace((step, c) -> seen.add(step));
        assertEquals(List.of(9L, 13L, 17L), seen);
        assertEquals(20, chain.step());
    }

    @Test
    void sameSeedSameChainOtherSeedOtherChain() {
        SgldConfig config = SgldConfig.of(0.1, 0.02, 200, 42);
        double[] first = run(config);
        double[] again = run(config);
        double[] other = run(config.withSeed(43));
        assertArrayEquals(first, again);
        assertFalse(java.util.Arrays.equals(first, other));
    }

    private static double[] run(SgldConfig config) {
        Sgld chain = new Sgld(network(), inputs(), targets(), Priors.standard(), config);
        List<Double> trace = new ArrayList<>();
        chain.runInPlace((step, c) -> trace.add(c.lastLoss()));
        double[] out = new double[trace.size() + N * (D + 1)];
        for (int i = 0; i < trace.size(); i++) {
            out[i] = trace.get(i);
        }
        TwoLayerNetwork net = chain.network();
        System.arraycopy(net.readout(), 0, out, trace.size(), N);
        System.arraycopy(net.hiddenWeights().data(), 0, out, trace.size() + N, N * D);
        return out;
    }
}
