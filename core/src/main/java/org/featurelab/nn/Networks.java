package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Named network shapes built from plain {@link Layer}s (REFERENCE §6–7).
 *
 * <p>{@link #deepLinearReluHead}: the deep linear network with a ReLU head
 * <pre>  f(x) = aᵀ[W_L⋯W_1x + b₁]₊ + b₂,   W_1: m×d, W_ℓ: m×m, b₁ ∈ ℝᵐ, a ∈ ℝᵐ, b₂ ∈ ℝ,</pre>
 * as L + 1 layers: W_1 … W_{L−1} with identity activations and no bias, W_L with the bias b₁ and the ReLU,
 * then the 1-output linear head (weights aᵀ, bias b₂, identity). Every diagnostic and optimiser in {@code nn}
 * applies to it unchanged (the bias b₁ and b₂ are decayed like all parameters under coupled decay).
 */
public final class Networks {
    private Networks() {
    }

    /**
     * The deep-linear-with-ReLU-head model from given parameters.
     *
     * @param chain W_1 (m×d), W_2 … W_L (m×m), at least one matrix
     * @param b1    1×m bias added after W_L, before the ReLU
     * @param a     1×m head weights aᵀ
     * @param b2    head bias
     */
    public static Network deepLinearReluHead(List<Matrix> chain, Matrix b1, Matrix a, double b2) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("deep linear ReLU head: need at least one linear layer");
        }
        int depth = chain.size();
        List<Layer> layers = new ArrayList<>(depth + 1);
        for (int l = 0; l < depth - 1; l++) {
            layers.add(Layer.of(chain.get(l), Activation.IDENTITY));
        }
        layers.add(new Layer(chain.get(depth - 1), b1, Activation.RELU));
        if (a.rows() != 1) {
            throw new IllegalArgumentException("deep linear ReLU head: a must be 1×m (aᵀ as a row), got " + a.shape());
        }
        layers.add(new Layer(a, Matrix.wrap(1, 1, new double[]{b2}), Activation.IDENTITY));
        return new Network(layers); // checks that the widths chain up
    }

    /**
     * The deep-linear-with-ReLU-head model with the standard initialisation: W_ℓ entries i.i.d. N(0, 1/in_ℓ)
     * (LeCun) for the linear layers W_1 … W_{L−1}, N(0, 2/m) (He) for W_L (followed by the ReLU), a entries
     * N(0, 1/m); b₁ = 0 and b₂ = 0. Cost: (d + (L−1)m + m)·m Gaussian draws from {@code rng}.
     *
     * @param inputDim d ≥ 1
     * @param width    m ≥ 1
     * @param depth    L ≥ 1 linear layers before the ReLU
     */
    public static Network deepLinearReluHead(int inputDim, int width, int depth, RandomGenerator rng) {
        if (inputDim < 1 || width < 1 || depth < 1) {
            throw new IllegalArgumentException("deep linear ReLU head: d, width and depth must be ≥ 1, got d = " + inputDim
                    + ", width = " + width + ", depth = " + depth);
        }
        List<Matrix> chain = new ArrayList<>(depth);
        for (int l = 0; l < depth; l++) {
            int in = l == 0 ? inputDim : width;
            double gain = l == depth - 1 ? 2.0 : 1.0;
            chain.add(Matrix.gaussian(width, in, Math.sqrt(gain / in), rng));
        }
        Matrix a = Matrix.gaussian(1, width, Math.sqrt(1.0 / width), rng);
        return deepLinearReluHead(chain, Matrix.zeros(1, width), a, 0.0);
    }
}
