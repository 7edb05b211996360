package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.List;

/**
 * The cache of one forward pass over a batch X (n×d): {@code inputs.get(ℓ)} = H_ℓ, the input of layer ℓ
 * (H_0 = X), with one extra entry H_L = the network output; {@code preActivations.get(ℓ)} = U_ℓ = H_ℓ·W_ℓᵀ + b_ℓ.
 * Matrices are shared with the caller and must not be mutated.
 */
public record ForwardPass(List<Matrix> inputs, List<Matrix> preActivations) {
    public ForwardPass {
        inputs = List.copyOf(inputs);
        preActivations = List.copyOf(preActivations);
        if (inputs.size() != preActivations.size() + 1) {
            throw new IllegalArgumentException("forward pass: " + inputs.size() + " inputs for " + preActivations.size() + " layers");
        }
    }

    /** The network output f(X) (n×c). */
    public Matrix output() {
        return inputs.get(inputs.size() - 1);
    }

    /** H_ℓ, the input of layer ℓ. */
    public Matrix input(int layer) {
        return inputs.get(layer);
    }

    /** U_ℓ, the pre-activation of layer ℓ. */
    public Matrix preActivation(int layer) {
        return preActivations.get(layer);
    }
}
