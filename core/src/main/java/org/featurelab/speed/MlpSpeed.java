package org.featurelab.speed;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Blas;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Float32Trainer;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.Optimizer;
import org.featurelab.nn.OptimizerState;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code featurelab speed mlp}: the time of one full training step (forward, backward, parameter update) of a dense
 * ReLU MLP with biases and a linear output, on one fixed synthetic batch (X, Y i.i.d. N(0, 1)), mean squared loss
 * (1/n)Σᵢ½‖f(xᵢ) − yᵢ‖², plain SGD with η = 0.01 and no weight decay. float32 runs {@link Float32Trainer} (the engine of {@code train --precision float32}) with
 * {@link Optimizer.SgdMomentum} at μ = 0; float64 runs the
 * float64 {@link Network} with {@link Objective#gradients} and {@link Optimizer.GradientDescent}.
 *
 * <p>Flops counted per step ({@link #flopsPerStep}): the GEMMs actually performed, forward 2·b·Σ in_ℓ·out_ℓ, weight
 * gradients 2·b·Σ in_ℓ·out_ℓ and input gradients 2·b·Σ_{ℓ≥1} in_ℓ·out_ℓ (the first layer's input gradient is not
 * needed). Element-wise work (ReLU, bias, loss) is not counted.
 */
public final class MlpSpeed {
    /** Learning rate of the timed SGD steps. */
    public static final double LEARNING_RATE = 0.01;
    /** Size of the square reference GEMM. */
    public static final int REFERENCE_SIZE = 2000;

    private MlpSpeed() {
    }

    /**
     * @param widths     layer widths d, hidden…, c (at least two, all positive)
     * @param batch      rows per step b ≥ 1
     * @param arithmetic {@link Arithmetic#FLOAT32} ({@link Float32Trainer}) or {@link Arithmetic#FLOAT64} ({@link Network})
     * @param steps      timed steps ≥ 1
     * @param warmup     untimed steps before them ≥ 0
     * @param seed       seed of the data and the initial weights
     */
    public record Workload(int[] widths, int batch, Arithmetic arithmetic, int steps, int warmup, long seed) {
        public Workload {
            if (arithmetic != Arithmetic.FLOAT32 && arithmetic != Arithmetic.FLOAT64) {
                throw new IllegalArgumentException("speed mlp: precision must be float64 or float32, got "
                        + (arithmetic == null ? "none" : arithmetic.label()));
            }
            widths = widths.clone();
            if (widths.length < 2) {
                throw new IllegalArgumentException("speed mlp: need at least input and output widths, got " + Arrays.toString(widths));
            }
            for (int w : widths) {
                if (w < 1) {
                    throw new IllegalArgumentException("speed mlp: widths must be >= 1, got " + Arrays.toString(widths));
                }
            }
            if (batch < 1) {
                throw new IllegalArgumentException("speed mlp: need batch >= 1, got " + batch);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("speed mlp: need steps >= 1, got " + steps);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("speed mlp: need warmup >= 0, got " + warmup);
            }
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }

        public String arch() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                sb.append(i == 0 ? "" : "-").append(widths[i]);
            }
            return sb.toString();
        }
    }

    /**
     * @param stepMillis      milliseconds of every timed step, in order
     * @param flopsPerStep    GEMM flops of one step ({@link #flopsPerStep})
     * @param referenceGflops GFLOP/s of one {@value #REFERENCE_SIZE}² GEMM in the same arithmetic (best of three)
     * @param firstLoss       data loss at the first step (warm-up included)
     * @param lastLoss        data loss at the last timed step, before its update
     */
    public record Result(Workload workload, double[] stepMillis, double flopsPerStep, double referenceGflops,
                         double firstLoss, double lastLoss) {
        public double medianMillis() {
            return StepTimes.median(stepMillis);
        }

        public double minMillis() {
            return StepTimes.min(stepMillis);
        }

        /** GFLOP/s at the median step time. */
        public double medianGflops() {
            return flopsPerStep / (medianMillis() / 1e3) / 1e9;
        }

        /** GFLOP/s at the fastest step. */
        public double bestGflops() {
            return flopsPerStep / (minMillis() / 1e3) / 1e9;
        }
    }

    /** 2·b·(2·Σ_ℓ in_ℓ·out_ℓ + Σ_{ℓ≥1} in_ℓ·out_ℓ): forward, weight gradients, input gradients above layer 0. */
    public static double flopsPerStep(int[] widths, int batch) {
        double all = 0;
        double above = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            double p = (double) widths[l] * widths[l + 1];
            all += p;
            if (l > 0) {
                above += p;
            }
        }
        return 2.0 * batch * (2 * all + above);
    }

    /** Runs the warm-up and timed steps, then the reference GEMM. */
    public static Result run(Workload w) {
        int[] widths = w.widths();
        int d = widths[0];
        int c = widths[widths.length - 1];
        SplittableRandom rng = new SplittableRandom(w.seed());
        Matrix x = gaussian(w.batch(), d, rng);
        Matrix y = gaussian(w.batch(), c, rng);
        Network network = Initialization.standard(widths, Activation.RELU, true, rng.split());
        Objective objective = new Objective(Loss.MEAN_SQUARED, 0.0);
        double[] millis = new double[w.steps()];
        double first = Double.NaN;
        double last = Double.NaN;
        int total = w.warmup() + w.steps();
        if (w.arithmetic() == Arithmetic.FLOAT32) {
            Float32Trainer trainer = new Float32Trainer(network, objective,
                    new Optimizer.SgdMomentum(LEARNING_RATE, 0.0, w.batch()));
            float[] xf = Blas.toFloat(x.data());
            float[] yf = Blas.toFloat(y.data());
            for (int s = 0; s < total; s++) {
                long t = System.nanoTime();
                double loss = trainer.stepInPlace(xf, yf, w.batch());
                long dt = System.nanoTime() - t;
                first = s == 0 ? loss : first;
                last = loss;
                if (s >= w.warmup()) {
                    millis[s - w.warmup()] = dt / 1e6;
                }
            }
        } else {
            Optimizer sgd = new Optimizer.GradientDescent(LEARNING_RATE);
            OptimizerState state = new OptimizerState();
            for (int s = 0; s < total; s++) {
                long t = System.nanoTime();
                org.featurelab.nn.Gradients g = objective.gradients(network, x, y);
                network = sgd.update(network, g, state);
                long dt = System.nanoTime() - t;
                first = s == 0 ? g.dataLoss() : first;
                last = g.dataLoss();
                if (s >= w.warmup()) {
                    millis[s - w.warmup()] = dt / 1e6;
                }
            }
        }
        double reference = w.arithmetic() == Arithmetic.FLOAT32 ? RfmSpeed.referenceSgemm(REFERENCE_SIZE)
                : RfmSpeed.referenceGemm(REFERENCE_SIZE);
        return new Result(w, millis, flopsPerStep(widths, w.batch()), reference, first, last);
    }

    private static Matrix gaussian(int rows, int cols, SplittableRandom rng) {
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        return m;
    }

}
