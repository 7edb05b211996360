package org.featurelab.experiment.deeplinear;

import org.featurelab.base.Progress;
import org.featurelab.diagnostics.LayerMatrices;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Network;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identities behind Theorem 3.2 and the Figure-4 target, each against an independent derivation (about 2 s). */
class DeepLinearTheoryTest {
    /** An exact exponential C e^{−rt} is fitted exactly; a constant has rate 0. */
    @Test
    void decayRateRecoversAnExactExponential() {
        double[] t = new double[21];
        double[] y = new double[21];
        double[] c = new double[21];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.5 * i;
            y[i] = 3.0 * Math.exp(-0.37 * t[i]);
            c[i] = 2.0;
        }
        DecayRate.Fit f = DecayRate.fit(t, y, 2.0);
        assertClose(f.rate(), 0.37, 1e-12, 1e-14, "rate");
        assertClose(f.intercept(), Math.log(3.0), 1e-12, 1e-12, "ln C");
        assertClose(f.rSquared(), 1.0, 1e-12, 0, "R²");
        assertEquals(17, f.points());
        assertEquals(0.0, DecayRate.fit(t, c, 0).rate(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> DecayRate.fit(t, y, 100));
    }

    /** r_GD = −2 ln(1 − ηλ)/η: the per-step factor (1 − ηλ)² of D_ℓ, written as a rate per unit time t = η·step. */
    @Test
    void discreteRateIsTheSquaredShrinkFactor() {
        double eta = 0.02;
        double lambda = 0.1;
        double perStep = Math.pow(1 - eta * lambda, 2);
        assertClose(Math.exp(-Theorem32.gdRate(eta, lambda) * eta), perStep, 1e-14, 0, "e^{−r_GD η}");
        assertTrue(Theorem32.gdRate(eta, lambda) > 2 * lambda);
    }

    /**
     * For L = 2: AᵀA − (W₁ᵀW₁)² = W₁ᵀ(W₂ᵀW₂ − W₁W₁ᵀ)W₁ (expand AᵀA = W₁ᵀW₂ᵀW₂W₁), and the network AGOP of a linear chain
     * is AᵀA; a balanced factorisation has residual 0 for every L.
     */
    @Test
    void theoremResidualIsTheImbalanceSandwichedByW1() {
        SplittableRandom rng = new SplittableRandom(5);
        Matrix w1 = Matrix.gaussian(6, 4, 0.7, rng);
        Matrix w2 = Matrix.gaussian(3, 6, 0.7, rng);
        Network net = new Network(List.of(Layer.of(w1, Activation.IDENTITY), Layer.of(w2, Activation.IDENTITY)));
        Matrix x = RandomData.gaussian(30, 4, 6);
        Matrix agop = LayerMatrices.outputGradients(net, x).agop().get(0);
        Matrix a = w2.times(w1);
        assertClose(agop, a.transposeTimes(a), 1e-12, 1e-12, "linear-chain AGOP = AᵀA");
        Matrix d = w2.transposeTimes(w2).minus(w1.timesTranspose(w1));
        double expected = w1.transposeTimes(d.times(w1)).frobeniusNorm();
        assertClose(DeepLinear.theoremResidual(agop, LayerMatrices.nfm(w1), 2), expected, 1e-12, 1e-12, "W₁ᵀDW₁");
        Matrix target = Matrix.gaussian(3, 4, 1.0, rng);
        for (int depth = 2; depth <= 5; depth++) {
            Network bal = Initialization.balanced(target, depth, 6, rng);
            Matrix g = LayerMatrices.outputGradients(bal, x).agop().get(0);
            double res = DeepLinear.theoremResidual(g, LayerMatrices.nfm(bal.weights(0)), depth);
            assertTrue(res < 1e-10 * g.frobeniusNorm(), "balanced L = " + depth + ": " + res);
        }
    }

    /**
     * GD from a balanced init drifts off balance only through the η²(G_{ℓ+1}ᵀG_{ℓ+1} − G_ℓG_ℓᵀ) term per step (λ = 0).
     * Summed over ℓ each layer gradient appears at most twice, so Σ_ℓ‖D_ℓ(T)‖_F ≤ 2η·Σ_k η‖∇𝓛_k‖², and the descent
     * lemma bounds Σ_k η‖∇𝓛_k‖² by (𝓛(0) − 𝓛(T))/(1 − ηβ/2) ≤ 1.1·𝓛(0) for ηβ ≤ 0.2 (β ≲ L·σ_max(B)^{2(L−1)/L} ≤ 10 here).
     */
    @Test
    void balancedGdDriftIsBoundedByTheLossDecrease() {
        DeepLinear.Config q = DeepLinear.Config.quick();
        for (int depth : new int[]{2, 4}) {
            DeepLinear.Run run = DeepLinear.run(q, DeepLinear.Model.LINEAR, 2, DeepLinear.Init.BALANCED, false, depth, Progress.NONE);
            double bound = 2 * q.learningRate() * 1.1 * run.trace().get(0).loss();
            assertTrue(run.last().balancedness() <= bound, "L = " + depth + ": " + run.last().balancedness() + " > " + bound);
            assertTrue(run.last().balancedness() > 0, "GD is not gradient flow");
        }
    }

    /** The Gaussian-link AGOP against central finite differences of f*, and its rank r. */
    @Test
    void gaussianLinkAgopMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        Matrix a = DeepLinear.orthonormal(6, 2, rng);
        Matrix x = Matrix.gaussian(40, 6, 1.0, rng);
        GaussianLink link = GaussianLink.fit(a, x);
        Matrix fd = Matrix.zeros(6, 6);
        double h = 1e-5;
        for (int i = 0; i < x.rows(); i++) {
            double[] g = new double[6];
            for (int j = 0; j < 6; j++) {
                Matrix p = x.rowRange(i, i + 1).copy();
                Matrix m = p.copy();
                p.set(0, j, p.get(0, j) + h);
                m.set(0, j, m.get(0, j) - h);
                g[j] = (link.values(p).get(0, 0) - link.values(m).get(0, 0)) / (2 * h);
            }
            for (int j = 0; j < 6; j++) {
                for (int k = 0; k < 6; k++) {
                    fd.set(j, k, fd.get(j, k) + g[j] * g[k] / x.rows());
                }
            }
        }
        Matrix agop = link.agop(x);
        assertClose(agop, fd, 1e-6, 1e-8, "target AGOP");
        double[] e = org.featurelab.experiment.PowerSweep.eigenvaluesDescending(agop);
        assertTrue(e[1] > 1e-3 * e[0] && e[2] < 1e-12 * e[0], "rank 2: " + java.util.Arrays.toString(e));
        assertTrue(OptimizerAxis.gap(e, 2) > 1e10);
    }
}
