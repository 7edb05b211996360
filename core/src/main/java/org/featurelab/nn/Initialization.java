package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Initial networks. Every random draw comes from the caller's {@link RandomGenerator}.
 * <ul>
 *   <li>{@link #standard}: W_ℓ entries i.i.d. N(0, g/in_ℓ) with g = 2 (He) when the layer is followed by ReLU,
 *       g = 1 (LeCun) otherwise; biases 0.</li>
 *   <li>{@link #scaled}: every parameter multiplied by a factor ("small init").</li>
 *   <li>{@link #balanced}: a deep linear chain W_L⋯W_1 = A with W_{ℓ+1}ᵀW_{ℓ+1} = W_ℓW_ℓᵀ exactly.</li>
 * </ul>
 */
public final class Initialization {
    private Initialization() {
    }

    /**
     * A network with layer widths {@code widths} (d, hidden…, c), activation {@code hidden} after every layer but
     * the last (identity), He/LeCun Gaussian weights and zero biases when {@code bias}.
     */
    public static Network standard(int[] widths, Activation hidden, boolean bias, RandomGenerator rng) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("init: need at least input and output widths, got " + widths.length);
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            if (in <= 0 || out <= 0) {
                throw new IllegalArgumentException("init: widths must be positive, got " + java.util.Arrays.toString(widths));
            }
            boolean last = l + 2 == widths.length;
            Activation act = last ? Activation.IDENTITY : hidden;
            double gain = act instanceof Activation.Relu ? 2.0 : 1.0;
            Matrix w = Matrix.gaussian(out, in, Math.sqrt(gain / in), rng);
            layers.add(new Layer(w, bias ? Matrix.zeros(1, out) : null, act));
        }
        return new Network(layers);
    }

    /** Every weight and bias of {@code network} multiplied by {@code factor}. */
    public static Network scaled(Network network, double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("init: scale factor must be finite, got " + factor);
        }
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            layers.add(layer.withParameters(layer.weights().scale(factor), layer.hasBias() ? layer.bias().scale(factor) : null));
        }
        return new Network(layers);
    }

    /**
     * Balanced deep linear chain of {@code depth} = L identity layers without bias whose product is A (c×d):
     * with the thin SVD A = UΣVᵀ (r = min(c, d)) and Q_ℓ (width×r) random with orthonormal columns,
     * <pre>  W_1 = Q_1Σ^{1/L}Vᵀ,  W_ℓ = Q_ℓΣ^{1/L}Q_{ℓ−1}ᵀ,  W_L = UΣ^{1/L}Q_{L−1}ᵀ.</pre>
     * Then W_L⋯W_1 = A, W_{ℓ+1}ᵀW_{ℓ+1} = W_ℓW_ℓᵀ = Q_ℓΣ^{2/L}Q_ℓᵀ and W_1ᵀW_1 = (AᵀA)^{1/L} = AGOP^{1/L}.
     *
     * @param width hidden width, at least min(c, d)
     */
    public static Network balanced(Matrix a, int depth, int width, RandomGenerator rng) {
        if (depth < 1) {
            throw new IllegalArgumentException("balanced init: depth must be ≥ 1, got " + depth);
        }
        int r = Math.min(a.rows(), a.cols());
        if (depth > 1 && width < r) {
            throw new IllegalArgumentException("balanced init: hidden width " + width + " < min(" + a.shape() + ") = " + r);
        }
        ThinSvd svd = ThinSvd.of(a);
        double[] root = svd.singularValues();
        for (int k = 0; k < r; k++) {
            root[k] = Math.pow(root[k], 1.0 / depth);
        }
        Matrix previous = svd.v(); // d×r: the right factor of the current layer is previousᵀ
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            Matrix left = l == depth - 1 ? svd.u() : orthonormalColumns(width, r, rng);
            Matrix ls = left.copy();
            ls.scaleColumnsInPlace(root);
            layers.add(Layer.of(ls.timesTranspose(previous), Activation.IDENTITY));
            previous = left;
        }
        return new Network(layers);
    }

    /** A rows×cols matrix with orthonormal columns: the polar factor G(GᵀG)^{-½} of a Gaussian G. */
    static Matrix orthonormalColumns(int rows, int cols, RandomGenerator rng) {
        Matrix g = Matrix.gaussian(rows, cols, 1.0, rng);
        SymmetricEigen e = SymmetricEigen.of(g.gramOfColumns());
        Matrix q = g.times(e.reconstruct(v -> 1.0 / Math.sqrt(v)));
        // one refinement step Q ← Q(3I − QᵀQ)/2 (Newton–Schulz) brings QᵀQ to I within round-off
        Matrix qtq = q.gramOfColumns();
        Matrix corr = qtq.scale(-0.5);
        corr.addToDiagonalInPlace(1.5);
        return q.times(corr);
    }

}
