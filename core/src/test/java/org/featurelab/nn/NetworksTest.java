package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Networks#deepLinearReluHead}: f(x) = aᵀ[W_L⋯W_1x + b₁]₊ + b₂ against the formula evaluated in the test. */
class NetworksTest {

    @Test
    void outputEqualsTheFormulaForRandomParametersAndInputs() {
        int d = 5;
        int m = 4;
        for (int depth = 1; depth <= 3; depth++) {
            List<Matrix> chain = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
                chain.add(RandomData.gaussian(m, l == 0 ? d : m, 10 * depth + l));
            }
            Matrix b1 = RandomData.gaussian(1, m, 100 + depth);
            Matrix a = RandomData.gaussian(1, m, 200 + depth);
            double b2 = 0.37;
            Network net = Networks.deepLinearReluHead(chain, b1, a, b2);
            Matrix x = RandomData.gaussian(30, d, 300 + depth);
            Matrix out = net.output(x);
            assertEquals("30x1", out.shape());
            boolean someClipped = false;
            for (int i = 0; i < x.rows(); i++) {
                double[] h = x.row(i);
                for (Matrix w : chain) {
                    h = matVec(w, h);
                }
                double f = b2;
                for (int j = 0; j < m; j++) {
                    double u = h[j] + b1.get(0, j);
                    someClipped |= u < 0;
                    f += a.get(0, j) * Math.max(u, 0.0);
                }
                assertClose(out.get(i, 0), f, ROUNDOFF, ROUNDOFF, "f(x_" + i + "), L = " + depth);
            }
            assertTrue(someClipped, "the ReLU is exercised");
            assertEquals(depth + 1, net.depth());
        }
    }

    @Test
    void standardInitHasTheShapeActivationsAndZeroBiases() {
        Network net = Networks.deepLinearReluHead(6, 8, 3, new SplittableRandom(3));
        assertEquals("[6, 8, 8, 8, 1]", java.util.Arrays.toString(net.widths()));
        for (int l = 0; l < 2; l++) {
            assertEquals(Activation.IDENTITY, net.layer(l).activation());
            assertFalse(net.layer(l).hasBias());
        }
        assertEquals(Activation.RELU, net.layer(2).activation());
        assertEquals(0.0, net.layer(2).bias().frobeniusNorm());
        assertEquals(Activation.IDENTITY, net.layer(3).activation());
        assertEquals(0.0, net.layer(3).bias().get(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Networks.deepLinearReluHead(6, 8, 0, new SplittableRandom(3)));
        assertThrows(IllegalArgumentException.class, () -> Networks.deepLinearReluHead(
                List.of(Matrix.zeros(4, 3)), Matrix.zeros(1, 4), Matrix.zeros(1, 5), 0.0));
    }

    private static double[] matVec(Matrix w, double[] v) {
        double[] r = new double[w.rows()];
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                r[i] += w.get(i, j) * v[j];
            }
        }
        return r;
    }
}
