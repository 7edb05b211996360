package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters θ of a {@link Network} (and a gradient ∇𝓛 of the same shapes) as one flat vector, for solvers that
 * work on ℝᵖ ({@link LbfgsSolver}). Order: for ℓ = 0 … L−1, W_ℓ row-major (out × in), then b_ℓ when the layer has one;
 * p = Σ_ℓ out_ℓ·(in_ℓ + [bias]). Copies, O(p).
 */
final class ParameterVector {
    private ParameterVector() {
    }

    /** p, the number of parameters. */
    static int size(Network network) {
        int p = 0;
        for (Layer layer : network.layers()) {
            p += layer.weights().data().length + (layer.hasBias() ? layer.bias().data().length : 0);
        }
        return p;
    }

    /** θ as a new vector. */
    static double[] of(Network network) {
        double[] v = new double[size(network)];
        int at = 0;
        for (Layer layer : network.layers()) {
            at = put(layer.weights(), v, at);
            if (layer.hasBias()) {
                at = put(layer.bias(), v, at);
            }
        }
        return v;
    }

    /** ∇𝓛 as a new vector, in the order of {@link #of(Network)} for {@code network}. */
    static double[] of(Gradients g, Network network) {
        double[] v = new double[size(network)];
        int at = 0;
        for (int l = 0; l < network.depth(); l++) {
            at = put(g.weight(l), v, at);
            if (network.layer(l).hasBias()) {
                at = put(g.bias(l), v, at);
            }
        }
        return v;
    }

    /** The network with parameters θ = {@code v} (same shapes and activations as {@code like}). */
    static Network withParameters(Network like, double[] v) {
        if (v.length != size(like)) {
            throw new IllegalArgumentException("parameter vector: length " + v.length + " for " + size(like) + " parameters");
        }
        List<Layer> layers = new ArrayList<>(like.depth());
        int at = 0;
        for (Layer layer : like.layers()) {
            Matrix w = take(layer.weights(), v, at);
            at += w.data().length;
            Matrix b = null;
            if (layer.hasBias()) {
                b = take(layer.bias(), v, at);
                at += b.data().length;
            }
            layers.add(layer.withParameters(w, b));
        }
        return like.withLayers(layers);
    }

    private static int put(Matrix m, double[] v, int at) {
        double[] d = m.data();
        System.arraycopy(d, 0, v, at, d.length);
        return at + d.length;
    }

    private static Matrix take(Matrix shape, double[] v, int at) {
        Matrix m = Matrix.zeros(shape.rows(), shape.cols());
        System.arraycopy(v, at, m.data(), 0, m.data().length);
        return m;
    }
}
