package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Correlations}: values derived by hand, invariances, and the α sweep. */
class CorrelationsTest {

    @Test
    void pearsonAndCosineOfSmallMatrices() {
        Matrix a = Matrix.of(new double[][]{{1, 2}, {3, 4}});
        Matrix b = Matrix.of(new double[][]{{2, 4}, {6, 9}});
        // centred a = (−1.5, −0.5, 0.5, 1.5), centred b = (−3.25, −1.25, 0.75, 3.75)
        double sab = 1.5 * 3.25 + 0.5 * 1.25 + 0.5 * 0.75 + 1.5 * 3.75;
        double saa = 2 * 1.5 * 1.5 + 2 * 0.5 * 0.5;
        double sbb = 3.25 * 3.25 + 1.25 * 1.25 + 0.75 * 0.75 + 3.75 * 3.75;
        assertClose(Correlations.pearson(a, b), sab / Math.sqrt(saa * sbb), ROUNDOFF, 0, "pearson");
        assertClose(Correlations.cosine(a, b), (2 + 8 + 18 + 36) / Math.sqrt(30.0 * (4 + 16 + 36 + 81)), ROUNDOFF, 0, "cosine");
    }

    @Test
    void pearsonIsAffineInvariantAndCosineOnlyScaleInvariant() {
        Matrix a = RandomData.gaussian(4, 4, 1);
        Matrix shifted = a.scale(3.0);
        Matrix affine = a.scale(2.5);
        for (int i = 0; i < affine.data().length; i++) {
            affine.data()[i] += 7.0;
        }
        assertClose(Correlations.pearson(a, affine), 1.0, ROUNDOFF, 0, "ρ(A, 2.5A + 7)");
        assertClose(Correlations.cosine(a, shifted), 1.0, ROUNDOFF, 0, "cos(A, 3A)");
        assertTrue(Correlations.cosine(a, affine) < 0.99, "cosine is not shift invariant");
        assertClose(Correlations.pearson(a, a.scale(-1)), -1.0, ROUNDOFF, 0, "ρ(A, −A)");
        assertTrue(Double.isNaN(Correlations.pearson(a, Matrix.zeros(4, 4))), "constant matrix");
    }

    @Test
    void alphaSweepPeaksAtTheTrueExponent() {
        Matrix b = RandomData.gaussian(6, 6, 2);
        Matrix p = b.transposeTimes(b);
        Matrix target = org.featurelab.linalg.PsdFunctions.power(p, 0.7).scale(4.0);
        Correlations.AlphaSweep s = Correlations.alphaSweep(target, p, DiagnosticsConfig.defaults().alphas());
        assertClose(s.bestAlpha(), 0.7, 1e-12, 0, "argmax");
        assertClose(s.pearson()[13], 1.0, ROUNDOFF, 0, "ρ at α = 0.70");
    }

    /** The spectral moments give the entry-wise ρ(T, P^α) of the reconstructed matrix, T not symmetric, P of rank 5. */
    @Test
    void alphaSweepEqualsTheEntryWisePearsonOfEachPower() {
        Matrix b = RandomData.gaussian(5, 12, 3);
        Matrix p = b.transposeTimes(b); // 12×12, rank 5: seven eigenvalues at round-off, clipped or tiny
        Matrix target = RandomData.gaussian(12, 12, 4).plus(p.scale(0.3));
        double[] alphas = DiagnosticsConfig.defaults().alphas();
        Correlations.AlphaSweep s = Correlations.alphaSweep(target, p, alphas);
        Matrix sym = p.copy();
        sym.symmetrizeInPlace();
        org.featurelab.linalg.SymmetricEigen e = org.featurelab.linalg.SymmetricEigen.of(sym);
        for (int k = 0; k < alphas.length; k++) {
            double alpha = alphas[k];
            double expected = Correlations.pearson(target, e.reconstruct(v -> v > 0 ? Math.pow(v, alpha) : 0.0));
            assertClose(s.pearson()[k], expected, 1e-10, 1e-12, "ρ at α = " + alpha);
        }
        Matrix shifted = target.copy(); // a large mean: centring first loses only what T + 10⁸ itself cannot hold (~10⁻⁸)
        for (int i = 0; i < shifted.data().length; i++) {
            shifted.data()[i] += 1e8;
        }
        Correlations.AlphaSweep far = Correlations.alphaSweep(shifted, p, alphas);
        for (int k = 0; k < alphas.length; k++) {
            assertClose(far.pearson()[k], s.pearson()[k], 1e-6, 1e-8, "ρ with T + 10⁸ at α = " + alphas[k]);
        }
        Matrix constant = Matrix.zeros(12, 12);
        assertTrue(Double.isNaN(Correlations.alphaSweep(constant, p, alphas).pearson()[0]), "constant target");
    }
}
