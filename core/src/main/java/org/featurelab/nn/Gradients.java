package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Gradient of the objective 𝓛 at one network: {@code weights.get(ℓ)} = ∂𝓛/∂W_ℓ (out×in), {@code biases.get(ℓ)} =
 * ∂𝓛/∂b_ℓ (1×out, {@code null} for a layer without bias); {@code dataLoss} = (1/n)Σᵢℓᵢ, {@code objective} = 𝓛,
 * {@code norm} = ‖∇𝓛‖ over all parameters (Euclidean, i.e. √Σ_ℓ ‖∂W_ℓ‖²_F + ‖∂b_ℓ‖²).
 */
public record Gradients(List<Matrix> weights, List<Matrix> biases, double dataLoss, double objective, double norm) {
    public Gradients {
        weights = List.copyOf(weights);
        biases = Collections.unmodifiableList(new ArrayList<>(biases)); // null entries allowed
        if (weights.size() != biases.size()) {
            throw new IllegalArgumentException("gradients: " + weights.size() + " weight and " + biases.size() + " bias entries");
        }
    }

    public Matrix weight(int layer) {
        return weights.get(layer);
    }

    /** ∂𝓛/∂b_ℓ, or {@code null} when layer ℓ has no bias. */
    public Matrix bias(int layer) {
        return biases.get(layer);
    }

    static double norm(List<Matrix> weights, List<Matrix> biases) {
        double s = 0;
        for (int l = 0; l < weights.size(); l++) {
            double w = weights.get(l).frobeniusNorm();
            s += w * w;
            if (biases.get(l) != null) {
                double b = biases.get(l).frobeniusNorm();
                s += b * b;
            }
        }
        return Math.sqrt(s);
    }
}
