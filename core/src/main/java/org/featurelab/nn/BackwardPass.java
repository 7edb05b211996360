package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Row-wise gradients of one backward pass: given G = ∂s/∂f(X) (n×c) for some scalar s = Σᵢ sᵢ(f(xᵢ)),
 * {@code preActivationGradient(ℓ)} = ∂s/∂U_ℓ (n×out_ℓ; row i is ∇_{u_ℓ} sᵢ) and {@code inputGradient(ℓ)} =
 * ∂s/∂H_ℓ = (∂s/∂U_ℓ)·W_ℓ (n×in_ℓ). The input gradient of layer 0 is {@code null} when it was not asked for.
 */
public record BackwardPass(List<Matrix> preActivationGradients, List<Matrix> inputGradients) {
    public BackwardPass {
        preActivationGradients = List.copyOf(preActivationGradients);
        inputGradients = Collections.unmodifiableList(new ArrayList<>(inputGradients)); // entry 0 may be null
    }

    public Matrix preActivationGradient(int layer) {
        return preActivationGradients.get(layer);
    }

    public Matrix inputGradient(int layer) {
        Matrix g = inputGradients.get(layer);
        if (g == null) {
            throw new IllegalStateException("backward pass: input gradient of layer " + layer + " was not computed");
        }
        return g;
    }
}
