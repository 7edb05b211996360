package org.featurelab.kernel;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.featurelab.testing.Close.FINITE_DIFFERENCE;
import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contract every kernel × metric form must satisfy: symmetry, PSD, direct formula, gradients = finite differences. */
class KernelContractTest {

    static Stream<Arguments> kernels() {
        return Stream.of(
                Arguments.of(new Laplace(2.0), false), Arguments.of(new Laplace(2.0), true),
                Arguments.of(new Gaussian(1.5), false), Arguments.of(new Gaussian(1.5), true),
                Arguments.of(new ProductLaplace(3.0), false), Arguments.of(new ProductLaplace(3.0), true));
    }

    static Matrix random(int r, int c, long seed) {
        return RandomData.gaussian(r, c, seed);
    }

    static Metric randomMetric(int d, boolean diagonal, long seed) {
        return RandomData.metric(d, diagonal, seed);
    }

    /** k(z, x) from the reference definitions, one pair at a time. */
    static double direct(Kernel kernel, double[] z, double[] x, Matrix m) {
        int d = z.length;
        double[] u = new double[d];
        for (int j = 0; j < d; j++) {
            u[j] = z[j] - x[j];
        }
        double l = kernel.bandwidth();
        if (kernel instanceof ProductLaplace) {
            Matrix s = org.featurelab.linalg.PsdFunctions.sqrt(m);
            double dist = 0;
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int q = 0; q < d; q++) {
                    v += s.get(j, q) * u[q];
                }
                dist += Math.abs(v);
            }
            return Math.exp(-dist / l);
        }
        double q = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                q += u[i] * m.get(i, j) * u[j];
            }
        }
        return kernel instanceof Laplace ? Math.exp(-Math.sqrt(q) / l) : Math.exp(-q / (2 * l * l));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gramMatchesDefinitionAndIsSymmetricPsd(Kernel kernel, boolean diagonal) {
        int n = 30;
        int d = 5;
        Matrix x = random(n, d, 1);
        Metric metric = randomMetric(d, diagonal, 2);
        Matrix k = kernel.gram(x, x, metric);
        Matrix mm = metric.toMatrix();
        for (int a = 0; a < n; a++) {
            for (int i = 0; i < n; i++) {
                assertClose(k.get(a, i), direct(kernel, x.row(a), x.row(i), mm), 1e-9, 1e-12, "K(" + a + "," + i + ")");
                assertClose(k.get(a, i), k.get(i, a), ROUNDOFF, ROUNDOFF, "symmetry");
            }
            assertClose(k.get(a, a), 1.0, 1e-9, 1e-9, "diagonal");
        }
        double[] eig = SymmetricEigen.of(k).values();
        assertTrue(eig[0] > -1e-10, "Gram matrix has eigenvalue " + eig[0]);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void predictorGradientsMatchCentralDifferences(Kernel kernel, boolean diagonal) {
        int n = 25;
        int d = 4;
        int c = 3;
        Matrix x = random(n, d, 3);
        Matrix alpha = random(n, c, 4);
        Metric metric = randomMetric(d, diagonal, 5);
        KernelBasis basis = kernel.basis(x, metric);
        Matrix z = random(6, d, 6);
        Matrix g = basis.gradients(z, alpha);
        double h = 1e-6;
        for (int a = 0; a < z.rows(); a++) {
            for (int j = 0; j < d; j++) {
                Matrix zp = z.rowRange(a, a + 1);
                Matrix zm = zp.copy();
                zp.set(0, j, zp.get(0, j) + h);
                zm.set(0, j, zm.get(0, j) - h);
                Matrix fp = basis.predict(zp, alpha);
                Matrix fm = basis.predict(zm, alpha);
                for (int k = 0; k < c; k++) {
                    double fd = (fp.get(0, k) - fm.get(0, k)) / (2 * h);
                    assertClose(g.get(a, k * d + j), fd, FINITE_DIFFERENCE, 1e-7, "df_" + k + "/dz_" + j + " at row " + a);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gradientsAtCentersSkipSelfTermAndMatchQueryPath(Kernel kernel, boolean diagonal) {
        Matrix x = random(20, 3, 7);
        Matrix alpha = random(20, 2, 8);
        KernelBasis basis = kernel.basis(x, randomMetric(3, diagonal, 9));
        Matrix viaQuery = basis.gradients(x.rowRange(5, 12), alpha);
        TrainingGram held = basis.trainingGram(Arithmetic.FLOAT64);
        TrainingGram kOnly = TrainingGram.of(basis.gram(x), Arithmetic.FLOAT64);
        assertClose(held.k(), kOnly.k(), 1e-12, 1e-14, "training Gram K = gram(X)");
        for (TrainingGram gram : new TrainingGram[]{held, kOnly}) {
            Matrix viaCenters = basis.gradientsAtCenters(gram, 5, 12, alpha);
            assertClose(viaCenters, viaQuery, 1e-9, 1e-12, "gradients at centres");
            assertTrue(viaCenters.isFinite());
        }
    }
}
