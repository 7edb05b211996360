package org.featurelab.nn;

import org.featurelab.base.Permutations;
import org.featurelab.linalg.Matrix;

import java.util.SplittableRandom;

/**
 * The training loop: {@code steps} updates of {@code optimizer} on {@link Objective} 𝓛. Full-batch optimisers use
 * all rows every step; mini-batch optimisers walk through a fresh permutation of the rows every epoch
 * (Fisher–Yates from a {@link SplittableRandom} seeded with {@code seed}), the last batch of an epoch being
 * shorter when the batch size does not divide n. Full-batch rules that evaluate trial points ({@link Optimizer.Lbfgs})
 * get the full-batch objective through the {@link OptimizerState}, and the gradient they computed at the accepted
 * point is reused for the next step instead of being recomputed. Same inputs and seed give bit-identical networks.
 */
public final class Trainer {
    private Trainer() {
    }

    /** Trains and returns the final network; see {@link TrainingListener} for when the listener is called. */
    public static Network train(Network network, TrainingData data, Objective objective, Optimizer optimizer, int steps,
                                long seed, TrainingListener listener) {
        if (steps < 0) {
            throw new IllegalArgumentException("train: steps must be ≥ 0, got " + steps);
        }
        if (data.inputs().cols() != network.inputDim() || data.targets().cols() != network.outputDim()) {
            throw new IllegalArgumentException("train: data is X " + data.inputs().shape() + ", Y " + data.targets().shape()
                    + " for a network " + network);
        }
        int n = data.size();
        int batch = optimizer.batchSize() == 0 ? n : Math.min(n, optimizer.batchSize());
        SplittableRandom rng = new SplittableRandom(seed);
        OptimizerState state = new OptimizerState();
        int[] order = Permutations.identity(n);
        int cursor = n;
        Network current = network;
        if (batch == n) {
            state.bindFullBatchObjective(net -> objective.gradients(net, data.inputs(), data.targets()));
        }
        for (int t = 0; t < steps; t++) {
            Gradients g;
            if (batch == n) {
                Gradients cached = state.cachedGradients(current);
                g = cached != null ? cached : objective.gradients(current, data.inputs(), data.targets());
            } else {
                if (cursor >= n) {
                    Permutations.shuffleInPlace(order, rng);
                    cursor = 0;
                }
                int len = Math.min(batch, n - cursor);
                int[] idx = java.util.Arrays.copyOfRange(order, cursor, cursor + len);
                cursor += len;
                Matrix xb = data.inputs().selectRows(idx);
                Matrix yb = data.targets().selectRows(idx);
                g = objective.gradients(current, xb, yb);
            }
            listener.onStep(t, current, g.objective(), g.norm());
            current = optimizer.update(current, g, state);
        }
        Gradients cachedLast = batch == n ? state.cachedGradients(current) : null;
        Gradients last = cachedLast != null ? cachedLast : objective.gradients(current, data.inputs(), data.targets());
        listener.onStep(steps, current, last.objective(), last.norm());
        return current;
    }
}
