package org.featurelab.speed;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.meanfield.Priors;
import org.featurelab.meanfield.Sgld;
import org.featurelab.meanfield.SgldConfig;
import org.featurelab.meanfield.TeacherTask;
import org.featurelab.meanfield.TwoLayerNetwork;

import java.util.SplittableRandom;

/**
 * {@code featurelab speed sgld}: the time of one full-batch SGLD step ({@link Sgld}: forward, both gradients, the
 * Langevin update of a and W with fresh Gaussian noise) of the mean-field network f(x) = N^{−1/2} Σᵢ aᵢ φ(wᵢᵀx) on a
 * sparse-parity training set (x uniform on {±1}^d, k = min(4, d)), with standard priors, κ = {@value #KAPPA} and
 * η = {@value #STEP_SIZE}.
 *
 * <p>Flops counted per step ({@link #flopsPerStep}): the four GEMMs actually performed, X Wᵀ and Dᵀ X (2·P·N·d each)
 * and Φa, Φᵀr (2·P·N each): 2·P·N·(2d + 2). Element-wise work (ReLU, mask, update, noise) is not counted.
 */
public final class SgldSpeed {
    /** Noise level κ of the timed chain. */
    public static final double KAPPA = 0.1;
    /** Step size η of the timed chain. */
    public static final double STEP_SIZE = 1e-3;
    /** Size of the square reference GEMM. */
    public static final int REFERENCE_SIZE = 1000;

    private SgldSpeed() {
    }

    /**
     * @param width      N ≥ 1 hidden units
     * @param dimension  d ≥ 1 inputs
     * @param samples    P ≥ 1 training points
     * @param arithmetic {@link Arithmetic#FLOAT64} or {@link Arithmetic#MIXED} (float32 X Wᵀ and Dᵀ X)
     * @param steps      timed steps ≥ 1
     * @param warmup     untimed steps before them ≥ 0
     * @param seed       seed of the data, the initial weights and the noise
     */
    public record Workload(int width, int dimension, int samples, Arithmetic arithmetic, int steps, int warmup, long seed) {
        public Workload {
            if (arithmetic != Arithmetic.FLOAT64 && arithmetic != Arithmetic.MIXED) {
                throw new IllegalArgumentException("arithmetic must be float64 or mixed, got "
                        + (arithmetic == null ? "none" : arithmetic.label()));
            }
            if (width < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + width);
            }
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
            }
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be >= 1, got " + samples);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
            }
        }
    }

    /**
     * @param stepMillis      milliseconds of every timed step, in order
     * @param totalSeconds    wall time of all timed steps together
     * @param flopsPerStep    GEMM flops of one step ({@link #flopsPerStep})
     * @param referenceGflops GFLOP/s of one {@value #REFERENCE_SIZE}² GEMM (dgemm for float64, sgemm for mixed)
     * @param firstLoss       training loss L at the first step (warm-up included)
     * @param lastLoss        training loss at the last timed step, before its update
     */
    public record Result(Workload workload, double[] stepMillis, double totalSeconds, double flopsPerStep,
                         double referenceGflops, double firstLoss, double lastLoss) {
        public double medianMillis() {
            return StepTimes.median(stepMillis);
        }

        public double minMillis() {
            return StepTimes.min(stepMillis);
        }

        /** Timed steps per second of wall time. */
        public double stepsPerSecond() {
            return stepMillis.length / totalSeconds;
        }

        /** GFLOP/s over all timed steps. */
        public double gflops() {
            return flopsPerStep * stepsPerSecond() / 1e9;
        }

        /** GFLOP/s at the fastest step. */
        public double bestGflops() {
            return flopsPerStep / (minMillis() / 1e3) / 1e9;
        }
    }

    /** 2·P·N·(2d + 2): X Wᵀ, Φa, Φᵀr and Dᵀ X. */
    public static double flopsPerStep(int width, int dimension, int samples) {
        return 2.0 * samples * width * (2.0 * dimension + 2);
    }

    /** Runs the warm-up and timed steps, then the reference GEMM. */
    public static Result run(Workload w) {
        SplittableRandom rng = new SplittableRandom(w.seed());
        TeacherTask task = TeacherTask.SparseParity.firstCoordinates(w.dimension(), Math.min(4, w.dimension()));
        TeacherTask.Sample data = task.sample(w.samples(), rng);
        TwoLayerNetwork start = TwoLayerNetwork.samplePrior(w.width(), w.dimension(), 0.5, Priors.standard(), rng);
        SgldConfig config = SgldConfig.of(KAPPA, STEP_SIZE, 0, rng.nextLong()).withArithmetic(w.arithmetic());
        Sgld chain = new Sgld(start, data.inputs(), data.labels(), Priors.standard(), config);
        double[] millis = new double[w.steps()];
        double first = Double.NaN;
        long total = 0;
        for (int s = 0; s < w.warmup() + w.steps(); s++) {
            long t = System.nanoTime();
            chain.stepInPlace();
            long dt = System.nanoTime() - t;
            first = s == 0 ? chain.lastLoss() : first;
            if (s >= w.warmup()) {
                millis[s - w.warmup()] = dt / 1e6;
                total += dt;
            }
        }
        double reference = w.arithmetic() == Arithmetic.MIXED ? RfmSpeed.referenceSgemm(REFERENCE_SIZE)
                : RfmSpeed.referenceGemm(REFERENCE_SIZE);
        return new Result(w, millis, total / 1e9, flopsPerStep(w.width(), w.dimension(), w.samples()), reference,
                first, chain.lastLoss());
    }
}
