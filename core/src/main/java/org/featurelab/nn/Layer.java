package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.Objects;

/**
 * One dense layer: weights W (out×in), optional bias b (1×out, or {@code null}), activation σ.
 * On a row-major batch H (n×in) it computes U = H·Wᵀ + 1·b (n×out) and σ(U).
 *
 * <p>The layer owns its matrices: callers must not mutate them after construction (every method in
 * {@code nn} builds new matrices for new parameters), which is what makes a {@link Network} immutable.
 */
public record Layer(Matrix weights, Matrix bias, Activation activation) {
    public Layer {
        Objects.requireNonNull(weights, "layer: weights");
        Objects.requireNonNull(activation, "layer: activation");
        if (bias != null && (bias.rows() != 1 || bias.cols() != weights.rows())) {
            throw new IllegalArgumentException("layer: weights are " + weights.shape() + ", bias is " + bias.shape()
                    + " (expected 1x" + weights.rows() + ")");
        }
        weights.requireFinite("layer weights");
        if (bias != null) {
            bias.requireFinite("layer bias");
        }
    }

    /** A layer without bias. */
    public static Layer of(Matrix weights, Activation activation) {
        return new Layer(weights, null, activation);
    }

    public int inputDim() {
        return weights.cols();
    }

    public int outputDim() {
        return weights.rows();
    }

    public boolean hasBias() {
        return bias != null;
    }

    /** The same activation with new parameters ({@code bias} must be null exactly when this layer has none). */
    public Layer withParameters(Matrix newWeights, Matrix newBias) {
        if ((newBias == null) != (bias == null)) {
            throw new IllegalArgumentException("layer: bias presence cannot change");
        }
        return new Layer(newWeights, newBias, activation);
    }

    /** ‖W‖²_F + ‖b‖². */
    public double squaredNorm() {
        double w = weights.frobeniusNorm();
        double b = bias == null ? 0.0 : bias.frobeniusNorm();
        return w * w + b * b;
    }
}
