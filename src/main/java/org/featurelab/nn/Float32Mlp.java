package org.featurelab.nn;

import org.featurelab.linalg.Blas;
import org.featurelab.linalg.Matrix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The float32 training path: a dense MLP with ReLU hidden layers and a linear output layer, whose forward pass,
 * backward pass and plain SGD step run entirely on float32 native (direct) buffers through {@link Blas#sgemm}, so
 * no GEMM operand is copied through JNI. It is a separate type
 * (not a precision switch inside {@link Network}); {@link #fromNetwork} and {@link #toNetwork} convert to and from the
 * float64 network, whose maths it repeats:
 * <pre>  U_ℓ = H_ℓ·W_ℓᵀ + 1·b_ℓ,  H_{ℓ+1} = relu(U_ℓ) (identity on the last layer),
 *  𝓛 = (1/n)Σᵢ ℓᵢ + (λ/2)‖θ‖²   (coupled decay, biases included; ℓᵢ from {@link Loss}),
 *  Δ_{L−1} = ∇_F/n,  Δ_{ℓ−1} = (Δ_ℓ·W_ℓ) ⊙ 1[H_ℓ &gt; 0],
 *  ∂𝓛/∂W_ℓ = Δ_ℓᵀH_ℓ + λW_ℓ,  ∂𝓛/∂b_ℓ = 1ᵀΔ_ℓ + λb_ℓ.</pre>
 * Weights are row-major out×in (copied in and out as {@code float[]}); batches are row-major n×d {@code float[]}.
 * {@link #sgdStepInPlace} folds the update
 * into the weight-gradient GEMM: W_ℓ ← (1 − ηλ)·W_ℓ − η·Δ_ℓᵀH_ℓ (one sgemm with β = 1 − ηλ, no gradient buffer).
 *
 * <p>Cost per step on a batch of n rows: forward 2·n·Σ in_ℓ·out_ℓ flops, weight gradients the same again, input
 * gradients 2·n·Σ_{ℓ≥1} in_ℓ·out_ℓ (the first layer's is skipped); element-wise ReLU, bias and loss loops in Java.
 *
 * <p>Mutable: parameters change in place in {@link #sgdStepInPlace} (the name says so); activation buffers for the
 * last batch size are kept between calls. Not thread-safe.
 */
public final class Float32Mlp {
    private final int[] widths;
    private final FloatBuffer[] weights;
    private final float[][] biases;   // null when the network has no bias
    private FloatBuffer[] activations; // H_0 (a copy of X), H_1..H_L for the current batch size
    private FloatBuffer deltaA;
    private FloatBuffer deltaB;
    private int batchRows = -1;

    private Float32Mlp(int[] widths, float[][] weights, float[][] biases) {
        this.widths = widths;
        this.weights = new FloatBuffer[weights.length];
        for (int l = 0; l < weights.length; l++) {
            this.weights[l] = direct(weights[l].length);
            this.weights[l].put(0, weights[l]);
        }
        this.biases = biases;
    }

    /** Per-parameter gradient of 𝓛 in float32 ({@code biases} null without bias) and the data loss (1/n)Σᵢℓᵢ. */
    public record Gradients32(float[][] weights, float[][] biases, double dataLoss) {
    }

    /** He-initialised network (N(0, 2/in) before ReLU, N(0, 1/in) for the output layer), zero biases. */
    public static Float32Mlp standard(int[] widths, boolean bias, RandomGenerator rng) {
        return fromNetwork(Initialization.standard(widths, Activation.RELU, bias, rng));
    }

    /**
     * The float32 copy of {@code network}, which must have ReLU on every layer but the last, identity on the last,
     * and a bias on every layer or on none.
     */
    public static Float32Mlp fromNetwork(Network network) {
        int depth = network.depth();
        boolean bias = network.layer(0).hasBias();
        float[][] w = new float[depth][];
        float[][] b = bias ? new float[depth][] : null;
        for (int l = 0; l < depth; l++) {
            Layer layer = network.layer(l);
            Activation want = l + 1 < depth ? Activation.RELU : Activation.IDENTITY;
            if (!layer.activation().equals(want)) {
                throw new IllegalArgumentException("float32 mlp: layer " + l + " has activation " + layer.activation().name()
                        + ", expected " + want.name() + " (relu hidden layers, identity output)");
            }
            if (layer.hasBias() != bias) {
                throw new IllegalArgumentException("float32 mlp: layer " + l + (bias ? " has no bias" : " has a bias")
                        + " unlike layer 0");
            }
            w[l] = Blas.toFloat(layer.weights().data());
            if (bias) {
                b[l] = Blas.toFloat(layer.bias().data());
            }
        }
        return new Float32Mlp(network.widths(), w, b);
    }

    /** The float64 network with these parameters (widened exactly). */
    public Network toNetwork() {
        List<Layer> layers = new ArrayList<>();
        int depth = depth();
        for (int l = 0; l < depth; l++) {
            Matrix w = Matrix.wrap(widths[l + 1], widths[l], toDouble(weights(l)));
            Matrix b = biases == null ? null : Matrix.wrap(1, widths[l + 1], toDouble(biases[l]));
            layers.add(new Layer(w, b, l + 1 < depth ? Activation.RELU : Activation.IDENTITY));
        }
        return new Network(layers);
    }

    /** Layer widths d, hidden…, c. */
    public int[] widths() {
        return widths.clone();
    }

    /** Number of weight matrices L. */
    public int depth() {
        return weights.length;
    }

    public boolean hasBias() {
        return biases != null;
    }

    /** A copy of W_ℓ, row-major out×in. */
    public float[] weights(int layer) {
        float[] w = new float[widths[layer] * widths[layer + 1]];
        weights[layer].get(0, w);
        return w;
    }

    /** A copy of b_ℓ, or null without bias. */
    public float[] bias(int layer) {
        return biases == null ? null : biases[layer].clone();
    }

    /** f(X) for X n×d row-major: a new n×c array. */
    public float[] output(float[] x, int n) {
        forward(x, n);
        float[] f = new float[n * widths[depth()]];
        activations[depth()].get(0, f);
        return f;
    }

    /** ∇𝓛 on the batch (X n×d, Y n×c, row-major) without changing the parameters: one forward and one backward pass. */
    public Gradients32 gradients(float[] x, float[] y, int n, Objective objective) {
        int depth = depth();
        float[][] gw = new float[depth][];
        float[][] gb = biases == null ? null : new float[depth][];
        float decay = (float) objective.weightDecay();
        double loss = pass(x, y, n, objective.loss(), (l, delta, input) -> {
            int out = widths[l + 1];
            int in = widths[l];
            FloatBuffer g = direct(out * in);
            g.put(0, weights(l));
            Blas.sgemm(true, false, out, in, n, 1f, delta, out, input, in, decay, g, in);
            gw[l] = new float[out * in];
            g.get(0, gw[l]);
            if (gb != null) {
                gb[l] = columnSums(delta, n, out);
                for (int j = 0; j < out; j++) {
                    gb[l][j] += decay * biases[l][j];
                }
            }
        });
        return new Gradients32(gw, gb, loss);
    }

    /**
     * One plain SGD step θ ← θ − η·∇𝓛 on the batch (X n×d, Y n×c, row-major), in place. Returns the data loss
     * (1/n)Σᵢℓᵢ before the step.
     */
    public double sgdStepInPlace(float[] x, float[] y, int n, Objective objective, float learningRate) {
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("float32 mlp: learning rate must be positive and finite, got " + learningRate);
        }
        float keep = (float) (1.0 - learningRate * objective.weightDecay());
        return pass(x, y, n, objective.loss(), (l, delta, input) -> {
            int out = widths[l + 1];
            int in = widths[l];
            Blas.sgemm(true, false, out, in, n, -learningRate, delta, out, input, in, keep, weights[l], in);
            if (biases != null) {
                float[] b = biases[l];
                float[] s = columnSums(delta, n, out);
                for (int j = 0; j < out; j++) {
                    b[j] = keep * b[j] - learningRate * s[j];
                }
            }
        });
    }

    /** Receives Δ_ℓ (n×out_ℓ) and H_ℓ (n×in_ℓ) once W_ℓ is no longer needed by the backward pass. */
    @FunctionalInterface
    private interface LayerGradient {
        void accept(int layer, FloatBuffer delta, FloatBuffer input);
    }

    /** Forward, loss gradient and backward; hands each layer's Δ_ℓ to {@code sink} from the top down. */
    private double pass(float[] x, float[] y, int n, Loss loss, LayerGradient sink) {
        Objects.requireNonNull(loss, "float32 mlp: loss");
        int depth = depth();
        int c = widths[depth];
        if (y.length != (long) n * c) {
            throw new IllegalArgumentException("float32 mlp: Y has " + y.length + " values, expected " + n + "x" + c);
        }
        forward(x, n);
        FloatBuffer f = activations[depth];
        FloatBuffer delta = deltaA;
        double value = lossGradient(loss, f, y, n, c, delta);
        FloatBuffer other = deltaB;
        for (int l = depth - 1; l >= 0; l--) {
            int out = widths[l + 1];
            int in = widths[l];
            FloatBuffer input = activations[l];
            if (l > 0) { // Δ_{ℓ−1} = (Δ_ℓ·W_ℓ) ⊙ 1[H_ℓ > 0], formed before W_ℓ changes
                Blas.sgemm(false, false, n, in, out, 1f, delta, out, weights[l], in, 0f, other, in);
                FloatBuffer h = activations[l];
                for (int i = 0, end = n * in; i < end; i++) {
                    if (!(h.get(i) > 0f)) {
                        other.put(i, 0f);
                    }
                }
            }
            sink.accept(l, delta, input);
            FloatBuffer t = delta;
            delta = other;
            other = t;
        }
        return value;
    }

    private void forward(float[] x, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("float32 mlp: need at least one row, got " + n);
        }
        if (x.length != (long) n * widths[0]) {
            throw new IllegalArgumentException("float32 mlp: X has " + x.length + " values, expected " + n + "x" + widths[0]);
        }
        ensureBuffers(n);
        int depth = depth();
        activations[0].put(0, x);
        FloatBuffer h = activations[0];
        for (int l = 0; l < depth; l++) {
            int out = widths[l + 1];
            int in = widths[l];
            FloatBuffer u = activations[l + 1];
            float beta = 0f;
            if (biases != null) {
                float[] b = biases[l];
                for (int i = 0; i < n; i++) {
                    u.put(i * out, b);
                }
                beta = 1f;
            }
            Blas.sgemm(false, true, n, out, in, 1f, h, in, weights[l], in, beta, u, out);
            if (l + 1 < depth) {
                for (int i = 0, end = n * out; i < end; i++) {
                    if (!(u.get(i) > 0f)) {
                        u.put(i, 0f);
                    }
                }
            }
            h = u;
        }
    }

    /** Writes ∇_F/n into {@code g} (n×c) and returns (1/n)Σᵢℓᵢ, accumulated in double. */
    private static double lossGradient(Loss loss, FloatBuffer f, float[] y, int n, int c, FloatBuffer g) {
        float inv = 1f / n;
        double sum = 0;
        if (loss instanceof Loss.MeanSquared) {
            for (int i = 0, end = n * c; i < end; i++) {
                float r = f.get(i) - y[i];
                sum += (double) r * r;
                g.put(i, r * inv);
            }
            return 0.5 * sum / n;
        }
        for (int i = 0; i < n; i++) { // softmax cross-entropy, stable log-sum-exp per row
            int o = i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                max = Math.max(max, f.get(o + k));
            }
            double s = 0;
            double mass = 0;
            for (int k = 0; k < c; k++) {
                s += Math.exp(f.get(o + k) - max);
                mass += y[o + k];
            }
            double lse = max + Math.log(s);
            for (int k = 0; k < c; k++) {
                double yk = y[o + k];
                if (yk != 0) {
                    sum -= yk * (f.get(o + k) - lse);
                }
                g.put(o + k, (float) ((mass * Math.exp(f.get(o + k) - lse) - yk) / n));
            }
        }
        return sum / n;
    }

    private void ensureBuffers(int n) {
        if (n == batchRows) {
            return;
        }
        int depth = depth();
        activations = new FloatBuffer[depth + 1];
        int widest = 0;
        for (int l = 0; l <= depth; l++) {
            activations[l] = direct(n * widths[l]);
            widest = Math.max(widest, widths[l]);
        }
        deltaA = direct(n * widest);
        deltaB = direct(n * widest);
        batchRows = n;
    }

    private static float[] columnSums(FloatBuffer g, int n, int cols) {
        float[] s = new float[cols];
        for (int i = 0; i < n; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                s[j] += g.get(o + j);
            }
        }
        return s;
    }

    /** A zeroed native-order direct buffer of {@code length} floats. */
    private static FloatBuffer direct(int length) {
        return ByteBuffer.allocateDirect(4 * length).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }


    private static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }
}
