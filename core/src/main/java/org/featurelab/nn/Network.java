package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * A fully connected network f = σ_{L−1}∘A_{L−1}∘⋯∘σ_0∘A_0 with dense layers A_ℓ(h) = W_ℓh + b_ℓ, W_ℓ out×in.
 * Batches are row-major: X is n×d, layer ℓ maps its input H_ℓ (n×in_ℓ, H_0 = X) to U_ℓ = H_ℓ·W_ℓᵀ + 1·b_ℓ and
 * H_{ℓ+1} = σ_ℓ(U_ℓ). Networks built by {@link Initialization} use the identity on the last layer.
 *
 * <p>Immutable: parameter updates build a new network ({@link #withLayers}). Forward cost 2·n·Σ in_ℓ·out_ℓ
 * flops (one GEMM per layer); a backward pass about twice that.
 */
public final class Network {
    private final List<Layer> layers;

    public Network(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("network: no layers");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputDim() != layers.get(l - 1).outputDim()) {
                throw new IllegalArgumentException("network: layer " + (l - 1) + " is " + layers.get(l - 1).weights().shape()
                        + " but layer " + l + " is " + layers.get(l).weights().shape() + " (W is out×in)");
            }
        }
        this.layers = List.copyOf(layers);
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer layer(int l) {
        return layers.get(l);
    }

    /** Number of weight matrices L. */
    public int depth() {
        return layers.size();
    }

    public int inputDim() {
        return layers.get(0).inputDim();
    }

    public int outputDim() {
        return layers.get(layers.size() - 1).outputDim();
    }

    /** W_ℓ (owned by the network: read only). */
    public Matrix weights(int l) {
        return layers.get(l).weights();
    }

    /** Layer widths d, out_0, …, out_{L−1}. */
    public int[] widths() {
        int[] w = new int[layers.size() + 1];
        w[0] = inputDim();
        for (int l = 0; l < layers.size(); l++) {
            w[l + 1] = layers.get(l).outputDim();
        }
        return w;
    }

    /** ‖θ‖² = Σ_ℓ ‖W_ℓ‖²_F + ‖b_ℓ‖². */
    public double squaredParameterNorm() {
        double s = 0;
        for (Layer layer : layers) {
            s += layer.squaredNorm();
        }
        return s;
    }

    /** A network with the same depth and new layers. */
    public Network withLayers(List<Layer> newLayers) {
        return new Network(newLayers);
    }

    /** Forward pass over a batch X (n×d), caching every H_ℓ and U_ℓ. */
    public ForwardPass forward(Matrix x) {
        if (x.cols() != inputDim()) {
            throw new IllegalArgumentException("forward: X is " + x.shape() + ", network input is " + inputDim());
        }
        List<Matrix> inputs = new ArrayList<>(layers.size() + 1);
        List<Matrix> pre = new ArrayList<>(layers.size());
        Matrix h = x;
        inputs.add(h);
        for (Layer layer : layers) {
            Matrix u = h.timesTranspose(layer.weights());
            if (layer.hasBias()) {
                addRowInPlace(u, layer.bias().data());
            }
            pre.add(u);
            h = layer.activation().apply(u);
            inputs.add(h);
        }
        return new ForwardPass(inputs, pre);
    }

    /** f(X) (n×c). */
    public Matrix output(Matrix x) {
        return forward(x).output();
    }

    /**
     * Backward pass from G = ∂s/∂f(X) (n×c): ∂s/∂U_ℓ = ∂s/∂H_{ℓ+1} ⊙ σ_ℓ'(U_ℓ), ∂s/∂H_ℓ = ∂s/∂U_ℓ·W_ℓ.
     *
     * @param firstInputGradient whether to form ∂s/∂X too (one extra n×out_0×d GEMM)
     */
    public BackwardPass backward(ForwardPass pass, Matrix outputGradient, boolean firstInputGradient) {
        Matrix out = pass.output();
        if (outputGradient.rows() != out.rows() || outputGradient.cols() != out.cols()) {
            throw new IllegalArgumentException("backward: output gradient is " + outputGradient.shape() + ", output is " + out.shape());
        }
        int depth = layers.size();
        Matrix[] dU = new Matrix[depth];
        Matrix[] dH = new Matrix[depth];
        Matrix g = outputGradient;
        for (int l = depth - 1; l >= 0; l--) {
            Layer layer = layers.get(l);
            dU[l] = layer.activation().backpropagate(g, pass.preActivation(l));
            if (l > 0 || firstInputGradient) {
                dH[l] = dU[l].times(layer.weights());
            }
            g = dH[l];
        }
        return new BackwardPass(List.of(dU), java.util.Arrays.asList(dH));
    }

    /** {@code u[i, :] += b} for every row i. */
    static void addRowInPlace(Matrix u, double[] b) {
        double[] d = u.data();
        int c = u.cols();
        for (int i = 0; i < u.rows(); i++) {
            int o = i * c;
            for (int j = 0; j < c; j++) {
                d[o + j] += b[j];
            }
        }
    }

    /** Column sums 1ᵀ·G as a 1×cols matrix. */
    static Matrix columnSums(Matrix g) {
        Matrix s = Matrix.zeros(1, g.cols());
        double[] d = g.data();
        double[] o = s.data();
        int c = g.cols();
        for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < c; j++) {
                o[j] += d[i * c + j];
            }
        }
        return s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Network[");
        int[] w = widths();
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : "-").append(w[i]);
        }
        sb.append(", activations");
        for (Layer layer : layers) {
            sb.append(' ').append(layer.activation().name());
        }
        return sb.append(']').toString();
    }
}
