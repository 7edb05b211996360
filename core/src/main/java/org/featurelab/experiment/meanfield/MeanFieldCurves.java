package org.featurelab.experiment.meanfield;

import org.featurelab.base.ParallelJobs;
import org.featurelab.base.Progress;
import org.featurelab.base.SampleStatistics;
import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Blas;
import org.featurelab.linalg.Matrix;
import org.featurelab.meanfield.ArdPrior;
import org.featurelab.meanfield.KernelLimit;
import org.featurelab.meanfield.MeanFieldConfig;
import org.featurelab.meanfield.MeanFieldResult;
import org.featurelab.meanfield.MeanFieldSolver;
import org.featurelab.meanfield.Measures;
import org.featurelab.meanfield.Priors;
import org.featurelab.meanfield.Sgld;
import org.featurelab.meanfield.SgldConfig;
import org.featurelab.meanfield.TeacherTask;
import org.featurelab.meanfield.TwoLayerNetwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Learning curves of the mean-field model on sparse parity (../shared/REFERENCE.md §9; docs/experiments.md,
 * "mean-field"): for every noise level κ, training size P and seed, the posterior-mean predictor of three methods,
 * <ul>
 *   <li>{@code sgld}: full-batch SGLD ({@link Sgld}) from a prior draw, the predictions on the test inputs averaged
 *       over the recorded steps after the burn-in (a Monte-Carlo estimate of the posterior mean ⟨f⟩(x));</li>
 *   <li>{@code mf}: the particle mean-field solver ({@link MeanFieldSolver}), ⟨f⟩(x) from its final particles;</li>
 *   <li>{@code mf-ard}: the same solver with self-reinforcing input feature selection ({@link ArdPrior#defaults()});</li>
 *   <li>{@code kernel}: the N → ∞ limit ({@link KernelLimit}), NNGP kernel ridge with λ = κ²P/σ_a²;</li>
 * </ul>
 * scored on fresh inputs by the test MSE (1/P_test)Σ(⟨f⟩ − y)² (the constant 0 scores E[y²] = 1) and the order
 * parameter m_S = E_x[⟨f⟩(x) χ_S(x)] ({@link Measures}). Network: γ = ½, σ_a² = σ_w² = 1, S = {0, …, k−1}.
 *
 * <p>Seeds: run r uses {@code SplittableRandom(seed + r)} split, in this order, into the training inputs (the largest
 * P; smaller P take its first rows, so the curves are nested), the test inputs, then for each κ and P the SGLD
 * initialisation, the SGLD noise seed, the MF particles and the MF-ARD particles. Same config → same numbers.
 *
 * <p>Weight marginals: at the smallest κ and the largest P of seed 0, the hidden-weight coordinates w_ij of each
 * sampled method, split into the support coordinates j ∈ S and the others: SGLD pools its N neurons over the recorded
 * steps after the burn-in, MF and MF-ARD use their B final particles.
 *
 * <p>Cost per (κ, P, seed): SGLD steps·2P·N(2d + 2) flops; MF ≤ iterations·(5·4BPd + BP² + P³/3); kernel 2P²d + P³/3.
 */
public final class MeanFieldCurves {
    /** The three methods, in report order. */
    public static final List<String> METHODS = List.of("sgld", "mf", "mf-ard", "kernel");

    /** The methods whose hidden weights sample the single-neuron marginal p(w), in report order. */
    public static final List<String> SAMPLED = List.of("sgld", "mf", "mf-ard");

    private MeanFieldCurves() {
    }

    /**
     * Settings.
     *
     * @param dimension     d ≥ 1
     * @param k             parity order, 1 ≤ k ≤ d
     * @param width         network width N ≥ 1 (SGLD and MF)
     * @param sizes         training sizes P, each ≥ 1, increasing
     * @param kappas        noise levels κ, each positive and finite
     * @param seeds         number of seeds ≥ 1
     * @param testSize      fresh test inputs per seed ≥ 1
     * @param sgldSteps     SGLD steps ≥ 1 per run
     * @param sgldStepSize  SGLD step η, positive and finite
     * @param sgldBurnIn    steps before the posterior average starts, 0 ≤ burn-in &lt; steps
     * @param sgldRecordEvery steps between two samples of the posterior average ≥ 1
     * @param particles     MF particles B ≥ 1
     * @param mfIterations  MF outer iterations ≥ 1, all of them run (a fixed budget, like SGLD's steps: a relative-change
     *                      stop fires spuriously on the slowly escaping symmetric branch, docs/experiments.md)
     * @param seed          base seed
     */
    public record Config(int dimension, int k, int width, int[] sizes, double[] kappas, int seeds, int testSize,
                         int sgldSteps, double sgldStepSize, int sgldBurnIn, int sgldRecordEvery, int particles,
                         int mfIterations, long seed) {
        public Config {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
            }
            if (k < 1 || k > dimension) {
                throw new IllegalArgumentException("k must be in [1, d = " + dimension + "], got " + k);
            }
            if (width < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + width);
            }
            if (sizes == null || sizes.length == 0) {
                throw new IllegalArgumentException("sizes must hold at least one P");
            }
            sizes = sizes.clone();
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] < 1 || (i > 0 && sizes[i] <= sizes[i - 1])) {
                    throw new IllegalArgumentException("sizes must be >= 1 and increasing, got " + Arrays.toString(sizes));
                }
            }
            if (kappas == null || kappas.length == 0) {
                throw new IllegalArgumentException("kappas must hold at least one kappa");
            }
            kappas = kappas.clone();
            for (double v : kappas) {
                if (!(v > 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("kappas must be positive and finite, got " + v);
                }
            }
            if (seeds < 1) {
                throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
            }
            if (testSize < 1) {
                throw new IllegalArgumentException("testSize must be >= 1, got " + testSize);
            }
            if (sgldSteps < 1) {
                throw new IllegalArgumentException("sgldSteps must be >= 1, got " + sgldSteps);
            }
            if (!(sgldStepSize > 0) || !Double.isFinite(sgldStepSize)) {
                throw new IllegalArgumentException("sgldStepSize must be positive and finite, got " + sgldStepSize);
            }
            if (sgldBurnIn < 0 || sgldBurnIn >= sgldSteps) {
                throw new IllegalArgumentException("sgldBurnIn must be in [0, sgldSteps = " + sgldSteps + "), got " + sgldBurnIn);
            }
            if (sgldRecordEvery < 1) {
                throw new IllegalArgumentException("sgldRecordEvery must be >= 1, got " + sgldRecordEvery);
            }
            if (particles < 1) {
                throw new IllegalArgumentException("particles must be >= 1, got " + particles);
            }
            if (mfIterations < 1) {
                throw new IllegalArgumentException("mfIterations must be >= 1, got " + mfIterations);
            }
        }

        /**
         * d = 12, k = 4, N = 64, P = 32 … 1024 (doubling), κ ∈ {0.005, 0.02}, 3 seeds, 2000 test inputs, 20 000 SGLD steps
         * (η = 0.01, burn-in 6 000, a sample every 50), B = 1000 particles, 60 MF iterations. k is even because a
         * bias-free ReLU network cannot represent an odd parity of order ≥ 3 (docs/mean-field.md). About 10 minutes on
         * 2 cores (docs/experiments.md).
         */
        public static Config defaults() {
            return new Config(12, 4, 64, new int[]{32, 64, 128, 256, 512, 1024}, new double[]{0.005, 0.02}, 3, 2000,
                    20_000, 0.01, 6000, 50, 1000, 60, 0);
        }

        /**
         * d = 8, k = 2, N = 64, P ∈ {16, 64, 256}, κ ∈ {0.02, 0.1, 0.3}, 2 seeds, 1000 test inputs, 6 000 SGLD steps (η = 0.01,
         * burn-in 2 000, a sample every 20), B = 500 particles, 30 MF iterations: about 30 s on 2 cores.
         */
        public static Config quick() {
            return new Config(8, 2, 64, new int[]{16, 64, 256}, new double[]{0.02, 0.1, 0.3}, 2, 1000,
                    6000, 0.01, 2000, 20, 500, 30, 0);
        }

        /** A copy with the non-null arguments replaced. */
        public Config with(Integer newD, Integer newK, Integer newWidth, int[] newSizes, double[] newKappas,
                           Integer newSeeds, Integer newSteps, Double newStepSize, Integer newParticles, Long newSeed) {
            int steps = newSteps == null ? sgldSteps : newSteps;
            int burn = newSteps == null ? sgldBurnIn : steps / 3;
            return new Config(newD == null ? dimension : newD, newK == null ? k : newK,
                    newWidth == null ? width : newWidth, newSizes == null ? sizes : newSizes,
                    newKappas == null ? kappas : newKappas, newSeeds == null ? seeds : newSeeds, testSize, steps,
                    newStepSize == null ? sgldStepSize : newStepSize, burn, sgldRecordEvery,
                    newParticles == null ? particles : newParticles, mfIterations, newSeed == null ? seed : newSeed);
        }

        public Config withSeed(long newSeed) {
            return with(null, null, null, null, null, null, null, null, null, newSeed);
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        @Override
        public double[] kappas() {
            return kappas.clone();
        }

    }

    /**
     * One method at one (κ, P, seed): test MSE and m_S of its posterior mean on the seed's test set; for mf and mf-ard
     * also the MALA acceptance rate over the solve and the fixed-point residual ‖f + Kf − Ky‖/‖Ky‖ (NaN for the
     * other methods).
     */
    public record Point(String method, double kappa, int p, int seed, double testMse, double orderParameter,
                        double acceptance, double fixedPointResidual) {
        /** Whether the point carries MF diagnostics. */
        public boolean hasSolverDiagnostics() {
            return !Double.isNaN(acceptance);
        }
    }

    /** Mean and sample standard deviation over seeds (sd 0 for one seed). */
    public record Curve(String method, double kappa, int p, double mseMean, double mseSd, double mMean, double mSd) {
    }

    /** Hidden-weight coordinates of one sampled method at (κ, P): on the support S and off it. */
    public record Marginal(String method, double kappa, int p, double[] onSupport, double[] offSupport) {
        public Marginal {
            onSupport = onSupport.clone();
            offSupport = offSupport.clone();
        }

        @Override
        public double[] onSupport() {
            return onSupport.clone();
        }

        @Override
        public double[] offSupport() {
            return offSupport.clone();
        }

        /** Value equality, the arrays compared element by element. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Marginal m && method.equals(m.method) && Double.compare(kappa, m.kappa) == 0 && p == m.p
                    && Arrays.equals(onSupport, m.onSupport) && Arrays.equals(offSupport, m.offSupport);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * method.hashCode() + Arrays.hashCode(onSupport)) + Arrays.hashCode(offSupport) + p;
        }
    }

    /** All points, the seed averages and the weight marginals (one per sampled method). */
    public record Result(List<Point> points, List<Curve> curves, List<Marginal> marginals) {
        public Result {
            points = List.copyOf(points);
            curves = List.copyOf(curves);
            marginals = List.copyOf(marginals);
        }
    }

    /**
     * Runs every method at every (κ, P, seed). The (κ, P, seed) jobs run in parallel on {@link ParallelJobs#defaultThreads()}
     * threads with a single-threaded native BLAS (the GEMMs here are small: measured 7× more SGLD steps per second
     * than with threaded BLAS, docs/mean-field.md); every job owns its random generator, so the numbers do not depend on
     * the thread count.
     */
    public static Result run(Config c, Progress progress) {
        return run(c, progress, ParallelJobs.defaultThreads());
    }

    /** As {@link #run(Config, Progress)} on {@code threads} threads (same numbers for every thread count). */
    public static Result run(Config c, Progress progress, int threads) {
        TeacherTask.SparseParity task = TeacherTask.SparseParity.firstCoordinates(c.dimension(), c.k());
        int[] sizes = c.sizes();
        double[] kappas = c.kappas();
        int pMax = sizes[sizes.length - 1];
        double kappaMin = Arrays.stream(kappas).min().orElseThrow();
        List<Job> jobs = new ArrayList<>();
        for (int s = 0; s < c.seeds(); s++) {
            SplittableRandom root = new SplittableRandom(c.seed() + s);
            Matrix xAll = task.sampleInputs(pMax, root.split());
            Matrix xTest = task.sampleInputs(c.testSize(), root.split());
            for (double kappa : kappas) {
                for (int p : sizes) {
                    jobs.add(new Job(s, kappa, p, firstRows(xAll, p), xTest, root.split(),
                            s == 0 && p == pMax && kappa == kappaMin));
                }
            }
        }
        int before = Blas.threads();
        List<JobResult> results;
        Blas.setThreads(1);
        try {
            results = ParallelJobs.map(jobs.size(), threads, i -> runJob(c, task, jobs.get(i), progress));
        } finally {
            Blas.setThreads(before);
        }
        List<Point> points = new ArrayList<>();
        List<Marginal> marginals = new ArrayList<>();
        for (JobResult r : results) {
            points.addAll(r.points());
            marginals.addAll(r.marginals());
        }
        return new Result(points, curves(points, kappas, sizes), marginals);
    }

    /** One (seed, κ, P) with its inputs and its own generator; {@code keep}: record the weight marginals. */
    private record Job(int seed, double kappa, int p, Matrix x, Matrix xTest, SplittableRandom rng, boolean keep) {
    }

    private record JobResult(List<Point> points, List<Marginal> marginals) {
    }

    private static JobResult runJob(Config c, TeacherTask.SparseParity task, Job j, Progress progress) {
        Priors priors = Priors.standard();
        double[] y = task.labels(j.x());
        double[] yTest = task.labels(j.xTest());
        SplittableRandom rng = j.rng();
        int s = j.seed();
        double kappa = j.kappa();
        int p = j.p();
        List<Point> points = new ArrayList<>();
        List<Marginal> marginals = new ArrayList<>();
        List<double[]> sgldWeights = j.keep() ? new ArrayList<>() : null;
        double[] fs = sgld(c, j.x(), y, j.xTest(), kappa, priors, rng.split(), rng.nextLong(), sgldWeights);
        points.add(point("sgld", kappa, p, s, fs, yTest));
        MeanFieldConfig mfc = MeanFieldConfig.defaults(kappa, c.width()).withParticles(c.particles())
                .withIterations(c.mfIterations(), Double.MIN_VALUE);
        MeanFieldResult mf = MeanFieldSolver.solve(j.x(), y, mfc, rng.split());
        points.add(point("mf", kappa, p, s, mf.predict(j.xTest()), yTest, mf));
        MeanFieldResult ard = MeanFieldSolver.solve(j.x(), y, mfc.withArd(ArdPrior.defaults()), rng.split());
        points.add(point("mf-ard", kappa, p, s, ard.predict(j.xTest()), yTest, ard));
        points.add(point("kernel", kappa, p, s, KernelLimit.fit(j.x(), y, kappa, priors).predict(j.xTest()), yTest));
        if (j.keep()) {
            marginals.add(split("sgld", kappa, p, sgldWeights, c.dimension(), c.k()));
            marginals.add(split("mf", kappa, p, List.of(mf.particles().data()), c.dimension(), c.k()));
            marginals.add(split("mf-ard", kappa, p, List.of(ard.particles().data()), c.dimension(), c.k()));
        }
        progress.message(String.format(Locale.ROOT, "mean-field seed %d κ = %s P = %d: test MSE sgld %.3f, mf %.3f, mf-ard %.3f, kernel %.3f",
                s, kappa, p, points.get(0).testMse(), points.get(1).testMse(), points.get(2).testMse(), points.get(3).testMse()));
        return new JobResult(points, marginals);
    }

    /** Splits row-major d-column weight blocks into the support coordinates (the first k) and the others. */
    private static Marginal split(String method, double kappa, int p, List<double[]> blocks, int d, int k) {
        int total = blocks.stream().mapToInt(b -> b.length).sum() / d;
        double[] on = new double[total * k];
        double[] off = new double[total * (d - k)];
        int io = 0;
        int ifo = 0;
        for (double[] b : blocks) {
            for (int i = 0; i < b.length; i++) {
                if (i % d < k) {
                    on[io++] = b[i];
                } else {
                    off[ifo++] = b[i];
                }
            }
        }
        return new Marginal(method, kappa, p, on, off);
    }

    private static double[] sgld(Config c, Matrix x, double[] y, Matrix xTest, double kappa, Priors priors,
                                 SplittableRandom initRng, long noiseSeed, List<double[]> weights) {
        TwoLayerNetwork init = TwoLayerNetwork.samplePrior(c.width(), c.dimension(), 0.5, priors, initRng);
        SgldConfig sc = new SgldConfig(kappa, c.sgldStepSize(), c.sgldSteps(), noiseSeed, c.sgldBurnIn(),
                c.sgldRecordEvery(), false, Arithmetic.FLOAT64);
        Sgld chain = new Sgld(init, x, y, priors, sc);
        double[] sum = new double[xTest.rows()];
        long[] count = new long[1];
        chain.runInPlace((step, ch) -> {
            double[] f = ch.network().predict(xTest);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += f[i];
            }
            count[0]++;
            if (weights != null) {
                weights.add(ch.network().hiddenWeights().data());
            }
        });
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count[0];
        }
        return sum;
    }

    private static Point point(String method, double kappa, int p, int seed, double[] f, double[] y) {
        return point(method, kappa, p, seed, f, y, null);
    }

    private static Point point(String method, double kappa, int p, int seed, double[] f, double[] y, MeanFieldResult mf) {
        for (double v : f) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("mean-field: " + method + " at κ = " + kappa + ", P = " + p
                        + " gave a non-finite prediction (SGLD diverged? lower the step size)");
            }
        }
        return new Point(method, kappa, p, seed, Measures.meanSquaredError(f, y), Measures.orderParameter(f, y, 1.0),
                mf == null ? Double.NaN : mf.acceptanceRate(), mf == null ? Double.NaN : mf.fixedPointResidual());
    }

    private static List<Curve> curves(List<Point> points, double[] kappas, int[] sizes) {
        List<Curve> out = new ArrayList<>();
        for (String m : METHODS) {
            for (double kappa : kappas) {
                for (int p : sizes) {
                    List<Point> sel = points.stream()
                            .filter(q -> q.method().equals(m) && q.kappa() == kappa && q.p() == p).toList();
                    double[] mse = sel.stream().mapToDouble(Point::testMse).toArray();
                    double[] ms = sel.stream().mapToDouble(Point::orderParameter).toArray();
                    out.add(new Curve(m, kappa, p, SampleStatistics.mean(mse), SampleStatistics.sampleSd(mse),
                            SampleStatistics.mean(ms), SampleStatistics.sampleSd(ms)));
                }
            }
        }
        return out;
    }

    private static Matrix firstRows(Matrix x, int p) {
        return Matrix.wrap(p, x.cols(), Arrays.copyOf(x.data(), p * x.cols()));
    }

}
