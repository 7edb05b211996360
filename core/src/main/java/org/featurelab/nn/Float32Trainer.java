package org.featurelab.nn;

import org.featurelab.linalg.Blas;

import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * The training loop of the float32 engine: {@link Trainer}'s loop (same {@link BatchSchedule}, so the same batches for
 * the same seed; same listener contract) with the parameters, gradients and optimiser state held in float32 by
 * {@link Float32Mlp} and {@link Float32Optimizer}. Inputs and targets are narrowed to float32 once. A {@link Network}
 * (float64, widened exactly) is built only at the steps the listener {@link TrainingListener#observes observes};
 * there the batch objective and gradient norm are the float32 ones accumulated in double, and the final call
 * (t = steps) gets the full-batch objective and gradient norm of the final network (one float32 pass over all rows).
 * Diagnostics computed from the networks handed out are float64.
 *
 * <p>{@link #stepInPlace} is the unit {@code speed mlp} times; {@link #train} runs it for {@code featurelab train
 * --precision float32}. Same inputs and seed give bit-identical networks.
 */
public final class Float32Trainer {
    private final Float32Mlp mlp;
    private final Float32Optimizer optimizer;
    private final float plainRate; // η of a plain gradient step (gd, sgd with μ = 0), folded into the GEMM; else 0
    private final Objective objective;
    private final FloatBuffer[] gradients;
    private int steps;

    /**
     * A trainer starting from {@code start} (narrowed to float32).
     *
     * @throws IllegalArgumentException for {@link Optimizer.Lbfgs} or a network with biases on some layers only
     */
    public Float32Trainer(Network start, Objective objective, Optimizer optimizer) {
        this.mlp = Float32Mlp.fromNetwork(start);
        this.optimizer = Float32Optimizer.of(optimizer, mlp);
        this.objective = Objects.requireNonNull(objective, "float32 trainer: objective");
        this.gradients = mlp.newTensors();
        double plain = 0;
        if (optimizer instanceof Optimizer.GradientDescent gd) {
            plain = gd.learningRate();
        } else if (optimizer instanceof Optimizer.SgdMomentum sgd && sgd.momentum() == 0) {
            plain = sgd.learningRate();
        }
        this.plainRate = (float) plain;
    }

    /** The network now, widened to float64. */
    public Network network() {
        return mlp.toNetwork();
    }

    /** One update on the batch (X rows×d, Y rows×c, row-major); returns the data loss (1/rows)Σᵢℓᵢ before it. */
    public double stepInPlace(float[] x, float[] y, int rows) {
        return step(x, y, rows, false);
    }

    /**
     * One update; when {@code keepGradient}, {@link #gradients} holds ∇𝓛 before the update afterwards. A plain rule
     * runs {@link Float32Mlp#sgdStepInPlace} (the same bits whether or not the gradient is kept), any other rule
     * {@link Float32Mlp#gradientsInto} and {@link Float32Optimizer#stepInPlace}.
     */
    private double step(float[] x, float[] y, int rows, boolean keepGradient) {
        double loss;
        if (plainRate > 0) {
            loss = mlp.sgdStepInPlace(x, y, rows, objective, plainRate, keepGradient ? gradients : null);
        } else {
            loss = mlp.gradientsInto(gradients, x, y, rows, objective);
            optimizer.stepInPlace(mlp.parameters(), gradients);
        }
        steps++;
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException("float32 training: the loss is " + loss + " at step " + (steps - 1));
        }
        return loss;
    }

    /**
     * Trains {@code network} for {@code steps} updates and returns the final network (float64, widened); the batches
     * and the listener calls are those of {@link Trainer#train}.
     */
    public static Network train(Network network, TrainingData data, Objective objective, Optimizer optimizer, int steps,
                                long seed, TrainingListener listener) {
        Trainer.requireFits(network, data, steps);
        Float32Trainer trainer = new Float32Trainer(network, objective, optimizer);
        int n = data.size();
        int d = network.inputDim();
        int c = network.outputDim();
        float[] x = Blas.toFloat(data.inputs().data());
        float[] y = Blas.toFloat(data.targets().data());
        BatchSchedule schedule = new BatchSchedule(n, optimizer.batchSize(), seed);
        float[] xb = schedule.fullBatch() ? x : new float[Math.min(n, optimizer.batchSize()) * d];
        float[] yb = schedule.fullBatch() ? y : new float[Math.min(n, optimizer.batchSize()) * c];
        for (int t = 0; t < steps; t++) {
            int rows = n;
            if (!schedule.fullBatch()) {
                int[] idx = schedule.next();
                gatherRows(x, d, idx, xb);
                gatherRows(y, c, idx, yb);
                rows = idx.length;
            }
            if (listener.observes(t)) {
                Network before = trainer.network();
                double decayTerm = 0.5 * objective.weightDecay() * trainer.mlp.squaredParameterNorm();
                double loss = trainer.step(xb, yb, rows, true);
                listener.onStep(t, before, loss + decayTerm, Math.sqrt(Float32Mlp.squaredNorm(trainer.gradients)));
            } else {
                trainer.step(xb, yb, rows, false);
            }
        }
        Network last = trainer.network();
        if (listener.observes(steps)) { // the full-batch 𝓛 and ‖∇𝓛‖ of the final network, in the float32 engine
            double loss = trainer.mlp.gradientsInto(trainer.gradients, x, y, n, objective);
            double value = loss + 0.5 * objective.weightDecay() * trainer.mlp.squaredParameterNorm();
            listener.onStep(steps, last, value, Math.sqrt(Float32Mlp.squaredNorm(trainer.gradients)));
        }
        return last;
    }

    /** Rows {@code idx} of the row-major {@code all} (rows of {@code cols}) into the front of {@code out}. */
    private static void gatherRows(float[] all, int cols, int[] idx, float[] out) {
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(all, idx[i] * cols, out, i * cols, cols);
        }
    }
}
