package org.featurelab.nn;

/**
 * The training loop: {@code steps} updates of {@code optimizer} on {@link Objective} 𝓛. Full-batch optimisers use
 * all rows every step; mini-batch optimisers take the batches of {@link BatchSchedule} (a fresh seeded permutation
 * every epoch). Full-batch rules that evaluate trial points ({@link Optimizer.Lbfgs})
 * get the full-batch objective through the {@link OptimizerState}, and the gradient they computed at the accepted
 * point is reused for the next step instead of being recomputed. Same inputs and seed give bit-identical networks.
 */
public final class Trainer {
    private Trainer() {
    }

    /** The checks both engines make before training: steps ≥ 0 and data shaped for the network. */
    static void requireFits(Network network, TrainingData data, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("train: steps must be ≥ 0, got " + steps);
        }
        if (data.inputs().cols() != network.inputDim() || data.targets().cols() != network.outputDim()) {
            throw new IllegalArgumentException("train: data is X " + data.inputs().shape() + ", Y " + data.targets().shape()
                    + " for a network " + network);
        }
    }

    /** Trains and returns the final network; see {@link TrainingListener} for when the listener is called. */
    public static Network train(Network network, TrainingData data, Objective objective, Optimizer optimizer, int steps,
                                long seed, TrainingListener listener) {
        requireFits(network, data, steps);
        BatchSchedule schedule = new BatchSchedule(data.size(), optimizer.batchSize(), seed);
        boolean full = schedule.fullBatch();
        OptimizerState state = new OptimizerState();
        Network current = network;
        if (full) {
            state.bindFullBatchObjective(net -> objective.gradients(net, data.inputs(), data.targets()));
        }
        for (int t = 0; t < steps; t++) {
            Gradients g;
            if (full) {
                Gradients cached = state.cachedGradients(current);
                g = cached != null ? cached : objective.gradients(current, data.inputs(), data.targets());
            } else {
                int[] idx = schedule.next();
                g = objective.gradients(current, data.inputs().selectRows(idx), data.targets().selectRows(idx));
            }
            if (listener.observes(t)) {
                listener.onStep(t, current, g.objective(), g.norm());
            }
            current = optimizer.update(current, g, state);
        }
        if (!listener.observes(steps)) {
            return current;
        }
        Gradients cachedLast = full ? state.cachedGradients(current) : null;
        Gradients last = cachedLast != null ? cachedLast : objective.gradients(current, data.inputs(), data.targets());
        listener.onStep(steps, current, last.objective(), last.norm());
        return current;
    }
}
