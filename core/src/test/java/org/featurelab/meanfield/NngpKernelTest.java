package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NngpKernelTest {

    /** Five standard errors: a seeded Monte-Carlo mean lands outside with probability below 6e-7 per entry. */
    private static final double Z = 5.0;

    @Test
    void closedFormEqualsMonteCarloOverThePriorWithinFiveStandardErrors() {
        int d = 5;
        int samples = 200_000;
        Priors priors = new Priors(1.0, 1.7);
        SplittableRandom rng = new SplittableRandom(11);
        Matrix x = Matrix.gaussian(4, d, 1.0, rng);
        // include an antipodal pair (θ = π, K = 0) and a repeated point (θ = 0)
        Matrix pts = Matrix.zeros(6, d);
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < 4; i++) {
                pts.set(i, j, x.get(i, j));
            }
            pts.set(4, j, -x.get(0, j));
            pts.set(5, j, 2 * x.get(1, j));
        }
        Matrix w = Matrix.gaussian(samples, d, Math.sqrt(priors.weightCoordinateVariance(d)), rng);
        Matrix pre = w.timesTranspose(pts); // samples×6
        int n = pts.rows();
        double[] sum = new double[n * n];
        double[] sumSq = new double[n * n];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                double fi = Math.max(0, pre.get(s, i));
                for (int j = 0; j < n; j++) {
                    double v = fi * Math.max(0, pre.get(s, j));
                    sum[i * n + j] += v;
                    sumSq[i * n + j] += v * v;
                }
            }
        }
        Matrix k = NngpKernel.gram(pts, priors);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double mean = sum[i * n + j] / samples;
                double var = (sumSq[i * n + j] / samples - mean * mean) * samples / (samples - 1.0);
                double se = Math.sqrt(Math.max(var, 0) / samples);
                assertClose(k.get(i, j), mean, 0, Z * se + 1e-12, "K(" + i + "," + j + ") vs Monte Carlo");
            }
        }
        assertClose(k.get(0, 4), 0.0, 0, ROUNDOFF, "antipodal pair");
    }

    @Test
    void handCheckableConstants() {
        Priors priors = new Priors(1.0, 3.0);
        Matrix x = Matrix.of(new double[][]{{1, 0}, {0, 1}, {2, 0}});
        Matrix k = NngpKernel.gram(x, priors);
        double s2 = 3.0 / 2;
        // orthogonal: u, v independent N(0, s²), E[φ(u)] = s/√(2π), so K = s²/(2π)
        assertClose(k.get(0, 1), s2 / (2 * Math.PI), ROUNDOFF, 0, "orthogonal pair");
        // parallel: E[φ(u)φ(2u)] = 2·E[φ(u)²] = 2·s²/2
        assertClose(k.get(0, 2), s2, ROUNDOFF, 0, "parallel pair");
        assertClose(k.get(2, 2), 4 * s2 / 2, ROUNDOFF, 0, "diagonal");
        assertClose(NngpKernel.diagonal(x, priors), k.diag(), ROUNDOFF, 0, "diagonal() vs gram");
    }

    @Test
    void blockAgreesWithGramAndIsPositiveSemidefinite() {
        SplittableRandom rng = new SplittableRandom(3);
        Matrix x = Matrix.gaussian(30, 7, 1.0, rng);
        Priors priors = Priors.standard();
        Matrix g = NngpKernel.gram(x, priors);
        assertClose(g, NngpKernel.block(x, x, priors), ROUNDOFF, 1e-14, "gram vs block");
        double[] ev = org.featurelab.linalg.SymmetricEigen.of(g).values();
        double max = java.util.Arrays.stream(ev).max().orElseThrow();
        for (double v : ev) {
            assertTrue(v > -1e-12 * ev.length * max, "eigenvalue " + v + " of max " + max);
        }
    }
}
