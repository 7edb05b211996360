package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task generators and the measures. Monte-Carlo tolerances are 4 standard errors, each derived from the
 * population variance of the averaged quantity (stated at the assertion) and the sample size.
 */
class TeacherTaskTest {
    private static final double K = 4.0;

    @Test
    void parityLabelsArePlusMinusOneAndTheProductOverTheSupport() {
        int p = 4000;
        int[] s = {2, 5, 7};
        TeacherTask.SparseParity task = new TeacherTask.SparseParity(10, new int[] {7, 2, 5});
        assertArrayEquals(s, task.support());
        TeacherTask.Sample sample = task.sample(p, new SplittableRandom(1));
        Matrix x = sample.inputs();
        double labelSum = 0;
        for (int mu = 0; mu < p; mu++) {
            for (int j = 0; j < 10; j++) {
                assertEquals(1.0, Math.abs(x.get(mu, j)), "inputs are ±1");
            }
            double y = sample.labels()[mu];
            assertEquals(1.0, Math.abs(y), "labels are ±1");
            assertEquals(x.get(mu, 2) * x.get(mu, 5) * x.get(mu, 7), y, "label is x2·x5·x7");
            labelSum += y;
        }
        // E[χ_S] = 0 and Var χ_S = 1 for uniform inputs: the sample mean has standard error 1/√P
        assertClose(labelSum / p, 0.0, 0, K / Math.sqrt(p), "mean parity label");
        assertArrayEquals(new int[] {0, 1, 2, 3}, TeacherTask.SparseParity.firstCoordinates(6, 4).support());
    }

    @Test
    void parityInputCoordinatesAreBalanced() {
        int p = 20000;
        Matrix x = TeacherTask.SparseParity.firstCoordinates(4, 2).sampleInputs(p, new SplittableRandom(2));
        for (int j = 0; j < 4; j++) {
            double s = 0;
            for (int mu = 0; mu < p; mu++) {
                s += x.get(mu, j);
            }
            assertClose(s / p, 0.0, 0, K / Math.sqrt(p), "mean of coordinate " + j);
        }
    }

    /**
     * He₄(z) for z = w*ᵀx ~ N(0, 1): E = 0, E[He₄²] = 4! = 24. The standard errors of the sample mean of y and of y²
     * are √(24/P) and √((E[y⁴] − 24²)/P), with E[y⁴] = E[He₄(z)⁴] computed exactly here by expanding the degree-16
     * polynomial and using E[z^{2m}] = (2m − 1)!!.
     */
    @Test
    void he4HasMeanZeroAndVarianceTwentyFour() {
        int p = 200_000;
        TeacherTask.SingleIndexHe4 task = new TeacherTask.SingleIndexHe4(18);
        double[] y = task.sample(p, new SplittableRandom(3)).labels();
        double m1 = 0;
        double m2 = 0;
        for (double v : y) {
            m1 += v;
            m2 += v * v;
        }
        m1 /= p;
        m2 /= p;
        double fourth = gaussianMoment(power(new double[] {3, 0, -6, 0, 1}, 4));
        assertClose(gaussianMoment(power(new double[] {3, 0, -6, 0, 1}, 2)), 24.0, ROUNDOFF, 0, "E[He4^2] exact");
        assertClose(m1, 0.0, 0, K * Math.sqrt(24.0 / p), "mean of He4(w*.x)");
        assertClose(m2, 24.0, 0, K * Math.sqrt((fourth - 576) / p), "second moment of He4(w*.x)");
        assertArrayEquals(new int[] {0, 1}, task.support());
    }

    @Test
    void he4DependsOnlyOnTheFirstTwoCoordinatesThroughTheirSum() {
        TeacherTask.SingleIndexHe4 task = new TeacherTask.SingleIndexHe4(5);
        Matrix x = Matrix.of(new double[][] {{1.0, 0.5, 3, -2, 7}, {0.5, 1.0, 0, 0, 0}, {1.5, 0.0, 1, 1, 1}});
        double[] y = task.labels(x);
        double z = 1.5 / Math.sqrt(2);
        double expected = z * z * z * z - 6 * z * z + 3;
        assertClose(y, new double[] {expected, expected, expected}, ROUNDOFF, ROUNDOFF, "He4 labels");
    }

    @Test
    void teacherHasOrderParameterOneAndZeroErrors() {
        TeacherTask parity = TeacherTask.SparseParity.firstCoordinates(8, 3);
        Matrix x = parity.sampleInputs(3000, new SplittableRandom(4));
        double[] chi = parity.labels(x);
        assertClose(Measures.orderParameter(chi, chi, parity.targetSecondMoment()), 1.0, ROUNDOFF, 0, "m_S of χ_S");
        assertEquals(0.0, Measures.signError(chi, chi));
        assertEquals(0.0, Measures.meanSquaredError(chi, chi));
        double[] minus = new double[chi.length];
        double[] zero = new double[chi.length];
        double[] x0 = x.column(0);
        for (int mu = 0; mu < chi.length; mu++) {
            minus[mu] = -chi[mu];
        }
        assertEquals(1.0, Measures.signError(minus, chi));
        assertClose(Measures.orderParameter(minus, chi, 1.0), -1.0, ROUNDOFF, 0, "m_S of −χ_S");
        assertEquals(1.0, Measures.meanSquaredError(zero, chi), "MSE of f = 0 is E[χ²] = 1");
        // x₀ is orthogonal to χ_S for k = 3; x₀χ_S is ±1, so the estimate has standard error 1/√P
        assertClose(Measures.orderParameter(x0, chi, 1.0), 0.0, 0, K / Math.sqrt(chi.length), "m_S of x0");

        TeacherTask he4 = new TeacherTask.SingleIndexHe4(6);
        double[] y = he4.labels(he4.sampleInputs(100_000, new SplittableRandom(5)));
        double fourth = gaussianMoment(power(new double[] {3, 0, -6, 0, 1}, 4));
        // m = mean(y²)/24: standard error √((E[y⁴] − 24²)/P)/24
        assertClose(Measures.orderParameter(y, y, 24.0), 1.0, 0, K * Math.sqrt((fourth - 576) / y.length) / 24, "m of He4");
    }

    @Test
    void evaluateCombinesTheMeasuresOfTheForwardPass() {
        TeacherTask task = TeacherTask.SparseParity.firstCoordinates(5, 2);
        TwoLayerNetwork net = TwoLayerNetwork.samplePrior(16, 5, 0.5, Priors.standard(), new SplittableRandom(6));
        Matrix x = task.sampleInputs(500, new SplittableRandom(7));
        Measures.Evaluation e = Measures.evaluate(net, task, x);
        double[] f = net.predict(x);
        double[] y = task.labels(x);
        assertClose(e.orderParameter(), Measures.orderParameter(f, y, 1.0), ROUNDOFF, 0, "m_S");
        assertClose(e.testMse(), Measures.meanSquaredError(f, y), ROUNDOFF, 0, "mse");
        assertClose(e.signError(), Measures.signError(f, y), ROUNDOFF, 0, "0-1");
    }

    @Test
    void weightMarginalsSplitBySupportAndCountInBins() {
        Matrix w = Matrix.of(new double[][] {{-0.9, 0.1, 0.6}, {0.4, -3.0, 0.95}});
        Measures.WeightMarginals m = Measures.weightMarginals(w, new int[] {1}, 4, 1.0);
        assertArrayEquals(new double[] {0.1, -3.0}, m.onSupport());
        assertArrayEquals(new double[] {-0.9, 0.6, 0.4, 0.95}, m.offSupport());
        assertArrayEquals(new double[] {-1.0, -0.5, 0.0, 0.5, 1.0}, m.binEdges());
        assertArrayEquals(new long[] {1, 0, 1, 0}, m.onCounts(), "-3.0 goes to the first bin");
        assertArrayEquals(new long[] {1, 0, 1, 2}, m.offCounts());
        long total = 0;
        for (long c : m.offCounts()) {
            total += c;
        }
        assertTrue(total == m.offSupport().length);
    }

    /** Coefficients (constant first) of the polynomial q^e. */
    static double[] power(double[] q, int e) {
        double[] r = {1.0};
        for (int k = 0; k < e; k++) {
            double[] t = new double[r.length + q.length - 1];
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < q.length; j++) {
                    t[i + j] += r[i] * q[j];
                }
            }
            r = t;
        }
        return r;
    }

    /** E[q(z)] for z ~ N(0, 1): Σ_m q_{2m}·(2m − 1)!!. */
    static double gaussianMoment(double[] q) {
        double s = 0;
        double doubleFactorial = 1; // (2m − 1)!! for m = 0
        for (int m = 0; 2 * m < q.length; m++) {
            if (m > 0) {
                doubleFactorial *= 2 * m - 1;
            }
            s += q[2 * m] * doubleFactorial;
        }
        return s;
    }
}
