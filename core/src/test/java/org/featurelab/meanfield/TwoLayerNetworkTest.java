package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;

class TwoLayerNetworkTest {
    /** The GEMM forward pass equals the defining sum N^{−γ} Σᵢ aᵢ max(wᵢᵀx, 0), written out with loops. */
    @Test
    void forwardEqualsTheDefiningSum() {
        int n = 7;
        int d = 5;
        int p = 11;
        double gamma = 0.8;
        TwoLayerNetwork net = TwoLayerNetwork.samplePrior(n, d, gamma, new Priors(2.0, 0.5), new SplittableRandom(9));
        Matrix x = Matrix.gaussian(p, d, 1.0, new SplittableRandom(10));
        double[] f = net.predict(x);
        Matrix w = net.hiddenWeights();
        double[] a = net.readout();
        for (int mu = 0; mu < p; mu++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j < d; j++) {
                    z += w.get(i, j) * x.get(mu, j);
                }
                s += a[i] * Math.max(z, 0);
            }
            assertClose(f[mu], Math.pow(n, -gamma) * s, ROUNDOFF, ROUNDOFF, "f(x_" + mu + ")");
        }
    }

    /** Prior draws have the prior's moments: per-coordinate variance σ_w²/d and σ_a², within 4 standard errors. */
    @Test
    void priorDrawHasPriorVariances() {
        int n = 4000;
        int d = 5;
        Priors priors = new Priors(2.0, 0.5);
        TwoLayerNetwork net = TwoLayerNetwork.samplePrior(n, d, 0.5, priors, new SplittableRandom(4));
        double[] w = net.hiddenWeights().data();
        double sw = 0;
        for (double v : w) {
            sw += v * v;
        }
        // the sample second moment of m Gaussians with variance s² has standard error s²·√(2/m)
        double vw = priors.weightCoordinateVariance(d);
        assertClose(sw / w.length, vw, 0, 4 * vw * Math.sqrt(2.0 / w.length), "weight coordinate variance");
        double sa = 0;
        for (double v : net.readout()) {
            sa += v * v;
        }
        assertClose(sa / n, 2.0, 0, 4 * 2.0 * Math.sqrt(2.0 / n), "readout variance");
    }
}
