package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ThinSvd}, balanced, standard and scaled initialisation. */
class InitializationTest {

    @Test
    void thinSvdReconstructsWithOrthonormalFactors() {
        for (int[] shape : new int[][]{{5, 3}, {3, 6}, {4, 4}}) {
            Matrix a = RandomData.gaussian(shape[0], shape[1], 40 + shape[1]);
            ThinSvd svd = ThinSvd.of(a);
            int r = Math.min(shape[0], shape[1]);
            assertClose(svd.reconstruct(), a, 0, 1e-13, "U·S·Vᵀ " + a.shape());
            assertClose(svd.u().gramOfColumns(), Matrix.identity(r), 0, 1e-13, "UᵀU");
            assertClose(svd.v().gramOfColumns(), Matrix.identity(r), 0, 1e-13, "VᵀV");
            double[] s = svd.singularValues();
            for (int k = 1; k < r; k++) {
                assertTrue(s[k - 1] >= s[k], "descending");
            }
            // s² are the eigenvalues of AᵀA: Σs² = ‖A‖²_F
            double sum = 0;
            for (double v : s) {
                sum += v * v;
            }
            assertClose(sum, Math.pow(a.frobeniusNorm(), 2), 1e-13, 0, "Σs² = ‖A‖²");
        }
    }

    @Test
    void thinSvdOfRankDeficientMatrixKeepsOrthonormalFactors() {
        Matrix b = RandomData.gaussian(5, 2, 3);
        Matrix a = b.timesTranspose(RandomData.gaussian(4, 2, 4)); // 5×4 of rank 2
        ThinSvd svd = ThinSvd.of(a);
        assertClose(svd.reconstruct(), a, 0, 1e-13, "U·S·Vᵀ");
        assertClose(svd.u().gramOfColumns(), Matrix.identity(4), 0, 1e-13, "UᵀU");
        assertClose(svd.v().gramOfColumns(), Matrix.identity(4), 0, 1e-13, "VᵀV");
        assertEquals(0.0, svd.singularValues()[2]);
        assertEquals(0.0, svd.singularValues()[3]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void balancedChainIsBalancedAndMultipliesToA(int depth) {
        Matrix a = RandomData.gaussian(3, 5, 77);
        Network net = Initialization.balanced(a, depth, 6, new SplittableRandom(depth));
        Matrix product = net.weights(0);
        for (int l = 1; l < depth; l++) {
            product = net.weights(l).times(product);
        }
        assertClose(product, a, 0, 1e-12, "W_L⋯W_1");
        assertClose(net.output(Matrix.identity(5)), a.transpose(), 0, 1e-12, "f(e_j) = A e_j");
        for (int l = 0; l + 1 < depth; l++) {
            Matrix lhs = net.weights(l + 1).gramOfColumns();
            Matrix rhs = net.weights(l).gramOfRows();
            assertTrue(lhs.minus(rhs).frobeniusNorm() <= 1e-12 * rhs.frobeniusNorm(),
                    "balancedness residual of layer " + l + ": " + lhs.minus(rhs).frobeniusNorm());
        }
        for (Layer layer : net.layers()) {
            assertTrue(layer.activation() instanceof Activation.Identity && !layer.hasBias(), "deep linear layers");
        }
    }

    @Test
    void balancedRejectsNarrowWidth() {
        assertThrows(IllegalArgumentException.class,
                () -> Initialization.balanced(RandomData.gaussian(3, 5, 1), 2, 2, new SplittableRandom(1)));
    }

    @Test
    void standardInitHasHeAndLeCunScales() {
        Network net = Initialization.standard(new int[]{400, 300, 5}, Activation.RELU, true, new SplittableRandom(3));
        double var0 = Math.pow(net.weights(0).frobeniusNorm(), 2) / (300 * 400);
        double var1 = Math.pow(net.weights(1).frobeniusNorm(), 2) / (5 * 300);
        assertClose(var0, 2.0 / 400, 0.02, 0, "He variance"); // 120000 draws: relative std ≈ 0.4 %
        assertClose(var1, 1.0 / 300, 0.1, 0, "LeCun variance of the linear head"); // 1500 draws: ≈ 3.7 %
        assertTrue(net.layer(1).activation() instanceof Activation.Identity, "identity output layer");
        assertEquals(0.0, net.layer(0).bias().frobeniusNorm());
    }

    @Test
    void scaledMultipliesEveryParameterAndSameSeedGivesSameNetwork() {
        Network a = Initialization.standard(new int[]{3, 4, 2}, Activation.TANH, false, new SplittableRandom(9));
        Network b = Initialization.standard(new int[]{3, 4, 2}, Activation.TANH, false, new SplittableRandom(9));
        assertClose(b.weights(1), a.weights(1), 0, 0, "same seed");
        Network s = Initialization.scaled(a, 1e-3);
        assertClose(s.weights(0), a.weights(0).scale(1e-3), ROUNDOFF, 0, "scaled");
        assertClose(s.squaredParameterNorm(), 1e-6 * a.squaredParameterNorm(), ROUNDOFF, 0, "‖θ‖²");
    }
}
