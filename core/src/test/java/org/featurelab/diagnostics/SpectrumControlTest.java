package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The random-spectrum control: Haar Q orthogonal and seeded; K' = QΛQᵀ symmetric with K's spectrum. */
class SpectrumControlTest {
    @Test
    void haarMatrixIsOrthogonalAndSeeded() {
        Matrix q = SpectrumControl.haarOrthogonal(60, new SplittableRandom(3));
        assertClose(q.gramOfColumns(), Matrix.identity(60), 0, 1e-12, "QᵀQ");
        assertClose(q.gramOfRows(), Matrix.identity(60), 0, 1e-12, "QQᵀ");
        assertArrayEquals(q.data(), SpectrumControl.haarOrthogonal(60, new SplittableRandom(3)).data());
    }

    /**
     * Haar moments: for Q Haar on O(n), E[Q_ij] = 0 and E[Q_ij²] = 1/n, Var(Q_ij²) = 3/(n(n+2)) − 1/n², so the
     * mean of Q_11² over m draws lies within 5·sd/√m of 1/n; the mean of Q_11 within 5/√(n·m). A QR whose R has a
     * sign convention tied to G (Householder: R_11 = −sign(G_11)‖g₁‖) gives Q_11 = −|G_11|/‖g₁‖, E[Q_11] ≈ −0.27 at
     * n = 8: the first-moment check catches a missing sign fix.
     */
    @Test
    void entriesHaveHaarMoments() {
        int n = 8;
        int m = 4000;
        SplittableRandom rng = new SplittableRandom(11);
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < m; t++) {
            double q11 = SpectrumControl.haarOrthogonal(n, rng).get(0, 0);
            sum += q11;
            sumSq += q11 * q11;
        }
        double varSq = 3.0 / (n * (n + 2.0)) - 1.0 / (n * (double) n); // E[Q⁴] = 3/(n(n+2)) for a uniform unit vector
        assertTrue(Math.abs(sum / m) < 5 / Math.sqrt((double) n * m), "mean Q11 " + sum / m);
        assertTrue(Math.abs(sumSq / m - 1.0 / n) < 5 * Math.sqrt(varSq / m), "mean Q11² " + sumSq / m);
    }

    @Test
    void randomSpectrumKeepsEigenvaluesAndSymmetry() {
        SplittableRandom rng = new SplittableRandom(5);
        Matrix a = Matrix.gaussian(40, 25, 1.0, rng);
        Matrix k = a.gramOfRows(); // 40×40 PSD of rank 25
        Matrix kPrime = SpectrumControl.randomSpectrum(k, rng);
        assertClose(kPrime, kPrime.transpose(), 0, 0, "K' symmetric");
        double scale = SymmetricEigen.of(k).values()[39];
        assertClose(SymmetricEigen.of(kPrime).values(), SymmetricEigen.of(k).values(), 0, 1e-12 * scale * 40, "spectrum");
        // and it is a different matrix: the eigenvectors were rotated
        assertTrue(Correlations.pearson(k, kPrime) < 0.5, "ρ(K, K') = " + Correlations.pearson(k, kPrime));
    }
}
