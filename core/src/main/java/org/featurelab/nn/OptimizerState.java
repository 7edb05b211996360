package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.HashMap;
import java.util.Map;

/**
 * Mutable solver state of one training run: the number of updates taken and named per-layer slots (velocities,
 * moment estimates), created as zeros of the parameter shapes on first use. Kept apart from the immutable
 * {@link Network}.
 */
public final class OptimizerState {
    private final Map<String, Matrix[]> slots = new HashMap<>();
    private int steps;
    private java.util.random.RandomGenerator noise;
    private final Map<String, Object> extras = new HashMap<>();
    private java.util.function.Function<Network, Gradients> fullBatchObjective;
    private Network cachedAt;
    private Gradients cached;

    /** Updates taken so far. */
    public int steps() {
        return steps;
    }

    void advance() {
        steps++;
    }

    /** The noise generator of this run, created from {@code seed} on first use. */
    java.util.random.RandomGenerator noise(long seed) {
        if (noise == null) {
            noise = new java.util.SplittableRandom(seed);
        }
        return noise;
    }

    /** Per-layer slots shaped like the weights W_ℓ (zeros on first use). */
    Matrix[] slots(String name, Network network) {
        return slots.computeIfAbsent(name, k -> {
            Matrix[] m = new Matrix[network.depth()];
            for (int l = 0; l < m.length; l++) {
                m[l] = Matrix.zeros(network.layer(l).outputDim(), network.layer(l).inputDim());
            }
            return m;
        });
    }

    /** Per-layer slots shaped like the biases (null for layers without bias). */
    Matrix[] biasSlots(String name, Network network) {
        return slots.computeIfAbsent(name, k -> {
            Matrix[] m = new Matrix[network.depth()];
            for (int l = 0; l < m.length; l++) {
                m[l] = network.layer(l).hasBias() ? Matrix.zeros(1, network.layer(l).outputDim()) : null;
            }
            return m;
        });
    }

    /** Solver-specific memory named {@code name}, created by {@code create} on first use. */
    @SuppressWarnings("unchecked")
    <T> T extra(String name, java.util.function.Supplier<T> create) {
        return (T) extras.computeIfAbsent(name, k -> create.get());
    }

    /** Binds θ ↦ ∇𝓛(θ) on the full batch, for rules that evaluate trial points (line searches); set by {@link Trainer}. */
    void bindFullBatchObjective(java.util.function.Function<Network, Gradients> objective) {
        this.fullBatchObjective = objective;
    }

    /** The full-batch objective bound by the trainer, or {@code null} for mini-batch training. */
    java.util.function.Function<Network, Gradients> fullBatchObjective() {
        return fullBatchObjective;
    }

    /** Remembers the full-batch gradient a rule already computed at the network it returns. */
    void cacheGradients(Network network, Gradients gradients) {
        cachedAt = network;
        cached = gradients;
    }

    /** The cached full-batch gradient when it was computed at this very network (identity), else {@code null}. */
    Gradients cachedGradients(Network network) {
        return cachedAt == network ? cached : null;
    }
}
