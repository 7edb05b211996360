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
 * The float32 network engine: a dense network whose forward and backward passes run entirely on float32 native
 * (direct) buffers through {@link Blas#sgemm}, so no GEMM operand is copied through JNI. It repeats the maths of the
 * float64 {@link Network} and {@link Objective} (any {@link Activation} per layer, either {@link Loss}, coupled decay):
 * <pre>  U_ℓ = H_ℓ·W_ℓᵀ + 1·b_ℓ,  H_{ℓ+1} = σ_ℓ(U_ℓ),  F = H_L,
 *  𝓛 = (1/n)Σᵢ ℓᵢ + (λ/2)‖θ‖²   (biases included),
 *  Δ_{L−1} = (∇_F/n) ⊙ σ'_{L−1}(U_{L−1}),  Δ_{ℓ−1} = (Δ_ℓ·W_ℓ) ⊙ σ'_{ℓ−1}(U_{ℓ−1}),
 *  ∂𝓛/∂W_ℓ = Δ_ℓᵀH_ℓ + λW_ℓ,  ∂𝓛/∂b_ℓ = 1ᵀΔ_ℓ + λb_ℓ.</pre>
 * σ' is read from H for ReLU (1[H &gt; 0]) and tanh (1 − H²); only quadratic layers keep U (σ' = 2U).
 * {@link #fromNetwork} and {@link #toNetwork} convert to and from the float64 network (narrowed to float32 on the way
 * in, widened exactly on the way out); the update rules are {@link Float32Optimizer}, the loop {@link Float32Trainer}.
 *
 * <p>Parameters are the <em>tensors</em> W_0, b_0, W_1, b_1, … (no b_ℓ without bias), each a direct buffer, W_ℓ
 * row-major out×in; {@link #newTensors} makes zeroed buffers of the same shapes (gradients, optimiser slots). Batches
 * are row-major n×d {@code float[]}.
 *
 * <p>Cost of {@link #gradientsInto} on n rows: forward 2·n·Σ in_ℓ·out_ℓ flops, weight gradients the same again,
 * input gradients 2·n·Σ_{ℓ≥1} in_ℓ·out_ℓ (the first layer's is skipped); element-wise loops in Java.
 *
 * <p>Mutable: the parameters change in place through {@link #parameters()} (the optimiser's job); activation buffers
 * for the largest batch so far are kept between calls. Not thread-safe.
 */
public final class Float32Mlp {
    private final int[] widths;
    private final Activation[] activations;
    private final boolean bias;
    private final FloatBuffer[] tensors;
    private FloatBuffer[] hidden;      // H_0 (a copy of X), H_1..H_L for the current batch size
    private FloatBuffer[] preActivations; // U_ℓ for quadratic layers, else null
    private FloatBuffer deltaA;
    private FloatBuffer deltaB;
    private FloatBuffer ones;           // n ones: bias gradients are Δᵀ·1
    private int batchRows = 0; // rows the activation buffers hold

    private Float32Mlp(int[] widths, Activation[] activations, boolean bias, float[][] tensors) {
        this.widths = widths;
        this.activations = activations;
        this.bias = bias;
        this.tensors = new FloatBuffer[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            this.tensors[t] = direct(tensors[t].length);
            this.tensors[t].put(0, tensors[t]);
        }
    }

    /** Per-parameter gradient of 𝓛 in float32 ({@code biases} null without bias) and the data loss (1/n)Σᵢℓᵢ. */
    public record Gradients32(float[][] weights, float[][] biases, double dataLoss) {
    }

    /** He-initialised ReLU network ({@link Initialization#standard}), zero biases, in float32. */
    public static Float32Mlp standard(int[] widths, boolean bias, RandomGenerator rng) {
        return fromNetwork(Initialization.standard(widths, Activation.RELU, bias, rng));
    }

    /** The float32 copy of {@code network}, which must have a bias on every layer or on none. */
    public static Float32Mlp fromNetwork(Network network) {
        int depth = network.depth();
        boolean bias = network.layer(0).hasBias();
        Activation[] act = new Activation[depth];
        List<float[]> t = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            Layer layer = network.layer(l);
            if (layer.hasBias() != bias) {
                throw new IllegalArgumentException("float32 network: layer " + l + (bias ? " has no bias" : " has a bias")
                        + " unlike layer 0 (biases on every layer or on none)");
            }
            act[l] = layer.activation();
            t.add(Blas.toFloat(layer.weights().data()));
            if (bias) {
                t.add(Blas.toFloat(layer.bias().data()));
            }
        }
        return new Float32Mlp(network.widths(), act, bias, t.toArray(new float[0][]));
    }

    /** The float64 network with these parameters (widened exactly). */
    public Network toNetwork() {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < depth(); l++) {
            Matrix w = Matrix.wrap(widths[l + 1], widths[l], toDouble(tensors[weightTensor(l)]));
            Matrix b = bias ? Matrix.wrap(1, widths[l + 1], toDouble(tensors[weightTensor(l) + 1])) : null;
            layers.add(new Layer(w, b, activations[l]));
        }
        return new Network(layers);
    }

    /** Layer widths d, hidden…, c. */
    public int[] widths() {
        return widths.clone();
    }

    /** Number of weight matrices L. */
    public int depth() {
        return activations.length;
    }

    public boolean hasBias() {
        return bias;
    }

    /** Index of W_ℓ among the tensors (b_ℓ, when present, is the next one). */
    public int weightTensor(int layer) {
        return bias ? 2 * layer : layer;
    }

    /** The layer ℓ a tensor belongs to. */
    public int layerOf(int tensor) {
        return bias ? tensor / 2 : tensor;
    }

    /** The live parameter tensors W_0, b_0, W_1, … (changing them changes the network). */
    FloatBuffer[] parameters() {
        return tensors;
    }

    /** Zeroed direct buffers shaped like the parameter tensors. */
    public FloatBuffer[] newTensors() {
        FloatBuffer[] out = new FloatBuffer[tensors.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = direct(tensors[t].capacity());
        }
        return out;
    }

    /** A copy of W_ℓ, row-major out×in. */
    public float[] weights(int layer) {
        return copy(tensors[weightTensor(layer)]);
    }

    /** A copy of b_ℓ, or null without bias. */
    public float[] bias(int layer) {
        return bias ? copy(tensors[weightTensor(layer) + 1]) : null;
    }

    /** ‖θ‖² = Σ_ℓ ‖W_ℓ‖²_F + ‖b_ℓ‖², accumulated in double. */
    public double squaredParameterNorm() {
        return squaredNorm(tensors);
    }

    /** Σ over the tensors of Σ entries², accumulated in double. */
    public static double squaredNorm(FloatBuffer[] tensors) {
        double s = 0;
        for (FloatBuffer t : tensors) {
            for (int i = 0, end = t.capacity(); i < end; i++) {
                double v = t.get(i);
                s += v * v;
            }
        }
        return s;
    }

    /** f(X) for X n×d row-major: a new n×c array. */
    public float[] output(float[] x, int n) {
        forward(x, n);
        return copy(hidden[depth()], n * widths[depth()]);
    }

    /** ∇𝓛 on the batch (X n×d, Y n×c, row-major) as new arrays; see {@link #gradientsInto}. */
    public Gradients32 gradients(float[] x, float[] y, int n, Objective objective) {
        FloatBuffer[] g = newTensors();
        double loss = gradientsInto(g, x, y, n, objective);
        float[][] gw = new float[depth()][];
        float[][] gb = bias ? new float[depth()][] : null;
        for (int l = 0; l < depth(); l++) {
            gw[l] = copy(g[weightTensor(l)]);
            if (bias) {
                gb[l] = copy(g[weightTensor(l) + 1]);
            }
        }
        return new Gradients32(gw, gb, loss);
    }

    /**
     * Writes ∇𝓛 on the batch (X n×d, Y n×c, row-major) into {@code out} (shaped by {@link #newTensors}), the decay
     * term λθ included, without changing the parameters: one forward and one backward pass. Returns the data loss
     * (1/n)Σᵢℓᵢ.
     */
    public double gradientsInto(FloatBuffer[] out, float[] x, float[] y, int n, Objective objective) {
        requireTensors(out);
        float decay = (float) objective.weightDecay();
        return pass(x, y, n, objective.loss(), (l, delta, input) -> writeGradient(l, delta, input, n, decay, out));
    }

    /**
     * One plain gradient step θ ← θ − η·∇𝓛 on the batch, in place, folded into the weight-gradient GEMM:
     * W_ℓ ← (1 − ηλ)·W_ℓ − η·Δ_ℓᵀH_ℓ (one sgemm with β = 1 − ηλ, no gradient buffer), b_ℓ likewise. When
     * {@code gradients} is not null, ∇𝓛 at the parameters before the step is also written there (one more GEMM per
     * layer; the step itself is the same bits either way). Returns the data loss (1/n)Σᵢℓᵢ before the step.
     */
    public double sgdStepInPlace(float[] x, float[] y, int n, Objective objective, float learningRate,
                                 FloatBuffer[] gradients) {
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("float32 network: learning rate must be positive and finite, got " + learningRate);
        }
        if (gradients != null) {
            requireTensors(gradients);
        }
        float decay = (float) objective.weightDecay();
        float keep = (float) (1.0 - learningRate * objective.weightDecay());
        return pass(x, y, n, objective.loss(), (l, delta, input) -> {
            if (gradients != null) {
                writeGradient(l, delta, input, n, decay, gradients);
            }
            int out = widths[l + 1];
            int in = widths[l];
            Blas.sgemm(true, false, out, in, n, -learningRate, delta, out, input, in, keep, tensors[weightTensor(l)], in);
            if (bias) { // b_ℓ ← (1 − ηλ)·b_ℓ − η·Δ_ℓᵀ·1
                Blas.sgemm(true, false, out, 1, n, -learningRate, delta, out, ones, 1, keep, tensors[weightTensor(l) + 1], 1);
            }
        });
    }

    /** ∂𝓛/∂W_ℓ = Δ_ℓᵀH_ℓ + λW_ℓ and ∂𝓛/∂b_ℓ = 1ᵀΔ_ℓ + λb_ℓ into {@code out}. */
    private void writeGradient(int l, FloatBuffer delta, FloatBuffer input, int n, float decay, FloatBuffer[] out) {
        int outW = widths[l + 1];
        int in = widths[l];
        FloatBuffer gw = out[weightTensor(l)];
        if (decay != 0f) {
            gw.put(0, tensors[weightTensor(l)], 0, outW * in);
        }
        Blas.sgemm(true, false, outW, in, n, 1f, delta, outW, input, in, decay, gw, in);
        if (bias) { // ∂𝓛/∂b_ℓ = Δ_ℓᵀ·1 + λb_ℓ
            FloatBuffer gb = out[weightTensor(l) + 1];
            if (decay != 0f) {
                gb.put(0, tensors[weightTensor(l) + 1], 0, outW);
            }
            Blas.sgemm(true, false, outW, 1, n, 1f, delta, outW, ones, 1, decay, gb, 1);
        }
    }

    private void requireTensors(FloatBuffer[] out) {
        if (out.length != tensors.length) {
            throw new IllegalArgumentException("float32 network: " + out.length + " gradient tensors for " + tensors.length);
        }
    }

    /** Receives Δ_ℓ (n×out_ℓ) and H_ℓ (n×in_ℓ) once W_ℓ is no longer needed by the backward pass. */
    @FunctionalInterface
    private interface LayerGradient {
        void accept(int layer, FloatBuffer delta, FloatBuffer input);
    }

    /** Forward, loss gradient and backward; hands each layer's Δ_ℓ to {@code sink} from the top down. */
    private double pass(float[] x, float[] y, int n, Loss loss, LayerGradient sink) {
        Objects.requireNonNull(loss, "float32 network: loss");
        int depth = depth();
        int c = widths[depth];
        if (y.length < (long) n * c) {
            throw new IllegalArgumentException("float32 network: Y has " + y.length + " values, expected " + n + "x" + c);
        }
        forward(x, n);
        FloatBuffer delta = deltaA;
        FloatBuffer other = deltaB;
        double value = lossGradient(loss, hidden[depth], y, n, c, delta);
        multiplyByDerivativeInPlace(depth - 1, delta, n);
        for (int l = depth - 1; l >= 0; l--) {
            int out = widths[l + 1];
            int in = widths[l];
            if (l > 0) { // Δ_{ℓ−1} = (Δ_ℓ·W_ℓ) ⊙ σ'_{ℓ−1}(U_{ℓ−1}), formed before W_ℓ changes
                Blas.sgemm(false, false, n, in, out, 1f, delta, out, tensors[weightTensor(l)], in, 0f, other, in);
                multiplyByDerivativeInPlace(l - 1, other, n);
            }
            sink.accept(l, delta, hidden[l]);
            FloatBuffer t = delta;
            delta = other;
            other = t;
        }
        return value;
    }

    /** g ← g ⊙ σ'_ℓ(U_ℓ) over n rows, from H_{ℓ+1} (or U_ℓ for quadratic layers). */
    private void multiplyByDerivativeInPlace(int layer, FloatBuffer g, int n) {
        Activation a = activations[layer];
        int count = n * widths[layer + 1];
        if (a instanceof Activation.Relu) {
            reluMask(hidden[layer + 1], g, count);
        } else if (a instanceof Activation.Tanh) {
            tanhDerivative(hidden[layer + 1], g, count);
        } else if (a instanceof Activation.Quadratic) {
            FloatBuffer u = preActivations[layer];
            for (int k = 0; k < count; k++) {
                g.put(k, g.get(k) * 2f * u.get(k));
            }
        }
    }

    /** g ← g ⊙ 1[H &gt; 0] without a branch: H ≥ +0, so −bits(H) is negative exactly when H &gt; 0. */
    private static void reluMask(FloatBuffer h, FloatBuffer g, int count) {
        for (int k = 0; k < count; k++) {
            int mask = (-Float.floatToRawIntBits(h.get(k))) >> 31;
            g.put(k, Float.intBitsToFloat(Float.floatToRawIntBits(g.get(k)) & mask));
        }
    }

    /** g ← g ⊙ (1 − H²). */
    private static void tanhDerivative(FloatBuffer h, FloatBuffer g, int count) {
        for (int k = 0; k < count; k++) {
            float t = h.get(k);
            g.put(k, g.get(k) * (1f - t * t));
        }
    }

    private void forward(float[] x, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("float32 network: need at least one row, got " + n);
        }
        if (x.length < (long) n * widths[0]) {
            throw new IllegalArgumentException("float32 network: X has " + x.length + " values, expected " + n + "x" + widths[0]);
        }
        ensureBuffers(n);
        hidden[0].put(0, x, 0, n * widths[0]);
        FloatBuffer h = hidden[0];
        for (int l = 0; l < depth(); l++) {
            int out = widths[l + 1];
            int in = widths[l];
            FloatBuffer u = preActivations[l] != null ? preActivations[l] : hidden[l + 1];
            float beta = 0f;
            if (bias) { // U ← 1·b_ℓ, then U ← H_ℓ·W_ℓᵀ + U
                FloatBuffer b = tensors[weightTensor(l) + 1];
                for (int i = 0; i < n; i++) {
                    u.put(i * out, b, 0, out);
                }
                beta = 1f;
            }
            Blas.sgemm(false, true, n, out, in, 1f, h, in, tensors[weightTensor(l)], in, beta, u, out);
            activateInPlace(activations[l], u, hidden[l + 1], n * out);
            h = hidden[l + 1];
        }
    }

    /**
     * H ← σ(U) entry-wise over {@code count} entries ({@code u} and {@code h} are the same buffer except for quadratic
     * layers, which keep U for σ' = 2U). ReLU runs without a branch: v is cleared when its sign bit is set (−0 becomes
     * +0), which the JIT can vectorise and which does not mispredict on random signs.
     */
    private static void activateInPlace(Activation a, FloatBuffer u, FloatBuffer h, int count) {
        if (a instanceof Activation.Relu) {
            for (int k = 0; k < count; k++) {
                int bits = Float.floatToRawIntBits(u.get(k));
                u.put(k, Float.intBitsToFloat(bits & ~(bits >> 31)));
            }
        } else if (a instanceof Activation.Tanh) {
            for (int k = 0; k < count; k++) {
                u.put(k, (float) Math.tanh(u.get(k)));
            }
        } else if (a instanceof Activation.Quadratic) {
            for (int k = 0; k < count; k++) {
                float v = u.get(k);
                h.put(k, v * v);
            }
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

    /** Buffers for at least n rows; kept while batches are no larger (the short last batch of an epoch reuses them). */
    private void ensureBuffers(int n) {
        if (n <= batchRows) {
            return;
        }
        int depth = depth();
        hidden = new FloatBuffer[depth + 1];
        preActivations = new FloatBuffer[depth];
        int widest = 0;
        for (int l = 0; l <= depth; l++) {
            hidden[l] = direct(n * widths[l]);
            widest = Math.max(widest, widths[l]);
            if (l < depth && activations[l] instanceof Activation.Quadratic) {
                preActivations[l] = direct(n * widths[l + 1]);
            }
        }
        deltaA = direct(n * widest);
        deltaB = direct(n * widest);
        ones = direct(n);
        for (int i = 0; i < n; i++) {
            ones.put(i, 1f);
        }
        batchRows = n;
    }

    /** A zeroed native-order direct buffer of {@code length} floats. */
    static FloatBuffer direct(int length) {
        return ByteBuffer.allocateDirect(4 * length).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static float[] copy(FloatBuffer b) {
        return copy(b, b.capacity());
    }

    private static float[] copy(FloatBuffer b, int length) {
        float[] out = new float[length];
        b.get(0, out);
        return out;
    }

    private static double[] toDouble(FloatBuffer x) {
        double[] out = new double[x.capacity()];
        for (int i = 0; i < out.length; i++) {
            out[i] = x.get(i);
        }
        return out;
    }
}
