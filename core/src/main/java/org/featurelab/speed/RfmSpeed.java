package org.featurelab.speed;

import org.featurelab.base.Task;
import org.featurelab.kernel.Laplace;
import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Precision;
import org.featurelab.rfm.FeatureUpdate;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.MetricScaling;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code speed rfm} workload: an NFA-RFM fit (Laplace L = 10, λ = 10⁻³, M ← AGOP/max entry, T iterations, i.e. T + 1
 * solves and T AGOP updates, test accuracy after every solve) on synthetic classification data, x ~ N(0, I_d)
 * and labels argmax(x·W) for a random W — the workload of the Python {@code rfm} package's {@code rfm(...)}
 * with {@code iters = T}. Reports per-phase seconds and achieved GFLOP/s from the operation counts of each
 * phase (kernel: n²·d + 2nd²; solve: n³/3 + 2n²c; validate: 2·n_test·n·(d + c); update: 2n²(cd + c) + 2ncd²).
 */
public final class RfmSpeed {
    private RfmSpeed() {
    }

    /** Workload size. {@code testRows} rows are predicted after every solve. */
    public record Workload(int n, int d, int classes, int iterations, int testRows, long seed, Precision precision) {
        public Workload {
            if (precision == null) {
                throw new IllegalArgumentException("speed: precision is required");
            }
            if (n < 2 || d < 1 || classes < 2 || iterations < 0 || testRows < 0) {
                throw new IllegalArgumentException("speed: need n >= 2, d >= 1, classes >= 2, iters >= 0, got n=" + n
                        + " d=" + d + " classes=" + classes + " iters=" + iterations);
            }
        }
    }

    /**
     * Seconds and operation counts of one phase summed over the fit, and the arithmetic of its dominant operation:
     * under mixed precision the solve is {@link Arithmetic#MIXED} (float32 factorisation, float64 refinement) and
     * the update's gradient GEMM {@link Arithmetic#FLOAT32}; the rate of a phase that is not float64 compares with
     * the sgemm reference.
     */
    public record Phase(String name, double seconds, double flops, Arithmetic arithmetic) {
        public double gflops() {
            return seconds > 0 ? flops / seconds / 1e9 : Double.NaN;
        }
    }

    /** Result: phases, whole fit wall time, final test accuracy and reference dgemm/sgemm rates on this machine. */
    public record Result(Workload workload, List<Phase> phases, double fitSeconds, double testAccuracy,
                         double referenceGemmGflops, double referenceSgemmGflops) {
        /** The reference rate a phase is compared with: dgemm for float64 phases, else sgemm. */
        public double referenceFor(Phase p) {
            return p.arithmetic() == Arithmetic.FLOAT64 ? referenceGemmGflops : referenceSgemmGflops;
        }
    }

    /** Generates the data, runs the fit once (after a small warm-up fit), and measures a reference dgemm. */
    public static Result run(Workload w, RfmListener listener) {
        LabeledData[] data = synthetic(w);
        RfmConfig config = new RfmConfig(new Laplace(10), 1e-3, w.iterations(), new FeatureUpdate.Nfa(1.0, false),
                MetricScaling.MAX, false, w.precision(), false);
        // warm-up: JIT-compile the large-size code paths and start the native thread pools (cf. JMH warm-up)
        LabeledData small = data[0].select(org.featurelab.base.Permutations.identity(Math.min(w.n(), 2000)));
        Rfm.fit(config.withIterations(1), Task.CLASSIFICATION, small, data[1], RfmListener.NONE);

        long start = System.nanoTime();
        RfmModel model = Rfm.fit(config, Task.CLASSIFICATION, data[0], w.testRows() > 0 ? data[1] : null, listener);
        double fit = (System.nanoTime() - start) / 1e9;
        double kernel = 0;
        double solve = 0;
        double validate = 0;
        double update = 0;
        int updates = 0;
        for (IterationRecord r : model.history()) {
            kernel += r.kernelSeconds();
            solve += r.solveSeconds();
            validate += r.validateSeconds();
            update += r.updateSeconds();
            if (r.iteration() < w.iterations()) {
                updates++;
            }
        }
        double n = w.n();
        double d = w.d();
        double c = w.classes();
        double nv = w.testRows();
        int solves = model.history().size();
        Arithmetic fitArithmetic = w.precision().resolve(w.n());   // what Rfm.fit resolved for these n rows
        Arithmetic gemm = fitArithmetic == Arithmetic.MIXED ? Arithmetic.FLOAT32 : Arithmetic.FLOAT64;
        List<Phase> phases = new ArrayList<>();
        // the training Gram pass computes the upper triangle only: n²·d flops of GEMM
        phases.add(new Phase("kernel", kernel, solves * (n * n * d + 2 * n * d * d), Arithmetic.FLOAT64));
        phases.add(new Phase("solve", solve, solves * (n * n * n / 3 + 2 * n * n * c), fitArithmetic));
        phases.add(new Phase("validate", validate, nv == 0 ? 0 : solves * (2 * nv * n * d + 2 * nv * n * c),
                Arithmetic.FLOAT64));
        phases.add(new Phase("update", update, updates * (2 * n * n * (c * d + c) + 2 * n * c * d * d), gemm));
        double acc = model.history().get(model.history().size() - 1).validationScore();
        return new Result(w, phases, fit, acc, referenceGemm(2000), referenceSgemm(2000));
    }

    /** Achieved GFLOP/s of one square n×n·n×n dgemm (best of three) through the same Matrix/BLAS path. */
    public static double referenceGemm(int size) {
        Matrix a = Matrix.zeros(size, size);
        Matrix b = Matrix.zeros(size, size);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < a.data().length; i++) {
            a.data()[i] = rng.nextDouble();
            b.data()[i] = rng.nextDouble();
        }
        Matrix c = Matrix.zeros(size, size);
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 3; rep++) {
            long t = System.nanoTime();
            Matrix.gemmInPlace(1.0, a, false, b, false, 0.0, c);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return 2.0 * size * size * size / best / 1e9;
    }

    /** Achieved GFLOP/s of one square float32 sgemm (best of three), the reference for mixed-precision phases. */
    public static double referenceSgemm(int size) {
        float[] a = new float[size * size];
        float[] b = new float[size * size];
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextDouble();
            b[i] = (float) rng.nextDouble();
        }
        float[] c = new float[size * size];
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 3; rep++) {
            long t = System.nanoTime();
            org.featurelab.linalg.Blas.sgemm(size, size, size, a, b, c);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return 2.0 * size * size * size / best / 1e9;
    }

    /** Training set (n rows) and test set (testRows rows) from the same teacher. */
    static LabeledData[] synthetic(Workload w) {
        SplittableRandom rng = new SplittableRandom(w.seed());
        Matrix teacher = gaussian(w.d(), w.classes(), rng);
        return new LabeledData[]{labeled(w.n(), teacher, rng), labeled(Math.max(1, w.testRows()), teacher, rng)};
    }

    private static LabeledData labeled(int rows, Matrix teacher, SplittableRandom rng) {
        Matrix x = gaussian(rows, teacher.rows(), rng);
        Matrix logits = x.times(teacher);
        Matrix y = Matrix.zeros(rows, teacher.cols());
        int[] label = org.featurelab.scoring.Scores.argmaxRows(logits);
        for (int i = 0; i < rows; i++) {
            y.set(i, label[i], 1.0);
        }
        return new LabeledData(x, y);
    }

    private static Matrix gaussian(int r, int c, SplittableRandom rng) {
        Matrix m = Matrix.zeros(r, c);
        double[] d = m.data();
        for (int i = 0; i < d.length; i += 2) {
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            double rad = Math.sqrt(-2 * Math.log(1 - u1));
            d[i] = rad * Math.cos(2 * Math.PI * u2);
            if (i + 1 < d.length) {
                d[i + 1] = rad * Math.sin(2 * Math.PI * u2);
            }
        }
        return m;
    }
}
