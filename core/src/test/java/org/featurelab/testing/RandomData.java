package org.featurelab.testing;

import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;

import java.util.Random;

/** Seeded random matrices and metrics for tests. */
public final class RandomData {
    private RandomData() {
    }

    /** r×c matrix of independent N(0, 1) entries. */
    public static Matrix gaussian(int r, int c, long seed) {
        Random rng = new Random(seed);
        Matrix m = Matrix.zeros(r, c);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = rng.nextGaussian();
        }
        return m;
    }

    /** A random SPD metric BᵀB/d + 0.1·I, or a random diagonal with entries in [0.2, 1.2). */
    public static Metric metric(int d, boolean diagonal, long seed) {
        if (diagonal) {
            Random rng = new Random(seed);
            double[] m = new double[d];
            for (int j = 0; j < d; j++) {
                m[j] = 0.2 + rng.nextDouble();
            }
            return new Metric.Diagonal(m);
        }
        Matrix b = gaussian(d, d, seed);
        Matrix m = b.transposeTimes(b).scale(1.0 / d);
        m.addToDiagonalInPlace(0.1);
        return new Metric.Full(m);
    }
}
