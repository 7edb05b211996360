package org.featurelab.experiment.fact;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.kernel.KernelBasis;
import org.featurelab.kernel.Laplace;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.FeatureUpdate;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.MetricScaling;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Sparse parity with RFMs (../shared/REFERENCE.md §7, FACT paper): x uniform on {0,1}^d, y = x_{s₁} ⊕ … ⊕ x_{s_k}
 * encoded as ±1 (y = +1 when the parity is odd), fitted as a one-output regression; accuracy = share of test points
 * whose prediction has the sign of y. The learned M should concentrate on the support S: support mass
 * = Σ_{i∈S} M_ii / Σ_i M_ii.
 */
public final class SparseParity {
    /** The k = 4 support of the papers (0-based coordinates); k = 2, 3 use its first k entries. */
    public static final int[] SUPPORT = {7, 15, 25, 29};

    private SparseParity() {
    }

    /**
     * Settings of one fit.
     *
     * @param d          input dimension
     * @param k          parity order (1 ≤ k ≤ 4)
     * @param n          training samples
     * @param testSize   fresh test samples
     * @param bandwidth  Laplace bandwidth L
     * @param ridge      λ
     * @param iterations RFM iterations T
     * @param seed       seed of the samples (train and test drawn from one stream)
     */
    public record Config(int d, int k, int n, int testSize, double bandwidth, double ridge, int iterations, long seed) {
        public Config {
            if (k < 1 || k > SUPPORT.length || d <= SUPPORT[k - 1] || n < 2 || testSize < 1 || !(bandwidth > 0)
                    || !(ridge >= 0) || iterations < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sparse parity: need 1 <= k <= 4, d > %d, n >= 2, test size >= 1, L > 0, ridge >= 0, iterations >= 1",
                        SUPPORT[SUPPORT.length - 1]));
            }
        }

        public int[] support() {
            return java.util.Arrays.copyOf(SUPPORT, k);
        }
    }

    /** One iterate. */
    public record Step(int iteration, double testAccuracy, double supportMass) {
    }

    /** The trajectory of one (method, k, n) and its final diag(M). */
    public record Trajectory(String method, Config config, List<Step> steps, double[] finalDiagonal) {
        public Step last() {
            return steps.get(steps.size() - 1);
        }
    }

    /** n samples of {0,1}^d and their ±1 parity labels over {@code support}. */
    public static LabeledData sample(int n, int d, int[] support, SplittableRandom rng) {
        Matrix x = Matrix.zeros(n, d);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i, j, rng.nextBoolean() ? 1 : 0);
            }
            int parity = 0;
            for (int s : support) {
                parity ^= (int) x.get(i, s);
            }
            y.set(i, 0, parity == 1 ? 1 : -1);
        }
        return new LabeledData(x, y);
    }

    /** Share of diag(M) on the support. */
    public static double supportMass(double[] diagonal, int[] support) {
        double total = 0;
        double on = 0;
        for (double v : diagonal) {
            total += v;
        }
        for (int s : support) {
            on += diagonal[s];
        }
        return total > 0 ? on / total : 0;
    }

    /** Share of test points with sign(prediction) = y. */
    static double signAccuracy(Matrix prediction, Matrix y) {
        int hit = 0;
        for (int i = 0; i < y.rows(); i++) {
            hit += Math.signum(prediction.get(i, 0)) == y.get(i, 0) ? 1 : 0;
        }
        return (double) hit / y.rows();
    }

    /** Fits one method with M scaled to max entry 1 ({@link MetricScaling#MAX}), recording every iterate; deterministic. */
    public static Trajectory run(Config c, String method, FeatureUpdate update, Progress progress) {
        return run(c, method, update, MetricScaling.MAX, progress);
    }

    /** Fits one method with the given rescaling of each new M, recording every iterate; deterministic. */
    public static Trajectory run(Config c, String method, FeatureUpdate update, MetricScaling scaling, Progress progress) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int[] support = c.support();
        LabeledData train = sample(c.n(), c.d(), support, rng);
        LabeledData test = sample(c.testSize(), c.d(), support, rng);
        RfmConfig rfm = RfmConfig.defaults().withKernel(new Laplace(c.bandwidth())).withRidge(c.ridge())
                .withIterations(c.iterations()).withUpdate(update).withScaling(scaling);
        List<Step> steps = new ArrayList<>();
        double[][] diagonal = new double[1][];
        Rfm.fit(rfm, Task.REGRESSION, train, null, new RfmListener() {
            @Override
            public void solved(int t, Metric metric, KernelBasis basis, Matrix alpha) {
                Matrix m = metric.toMatrix();
                double[] diag = new double[m.rows()];
                for (int i = 0; i < diag.length; i++) {
                    diag[i] = m.get(i, i);
                }
                Step s = new Step(t, signAccuracy(basis.predict(test.x(), alpha), test.y()), supportMass(diag, support));
                steps.add(s);
                diagonal[0] = diag;
                progress.message(String.format(Locale.ROOT, "sparse parity %s k=%d n=%d iteration %d: test accuracy %.3f, support mass %.3f",
                        method, c.k(), c.n(), t, s.testAccuracy(), s.supportMass()));
            }
        });
        return new Trajectory(method, c, steps, diagonal[0]);
    }
}
