package org.featurelab.peer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;

import java.util.Arrays;
import java.util.Locale;

/**
 * The PyTorch peer of {@code featurelab speed mlp}: one full float32 training step (forward, backward, plain SGD
 * update) of a dense ReLU MLP with a linear output layer and biases, on a fixed synthetic batch, through DJL's
 * PyTorch engine (libtorch). Same shapes, loss and update as featurelab's {@code Float32Mlp}:
 * <pre>  U_ℓ = H_ℓ·W_ℓᵀ + b_ℓ,  H_{ℓ+1} = relu(U_ℓ) (identity on the last layer),
 *  loss = (1/n)·Σᵢ ½‖f(xᵢ) − yᵢ‖²,   θ ← θ − η·∂loss/∂θ  (no weight decay).</pre>
 * Usage: {@code DjlMlpStep [arch=784-1024-10] [batch=512] [steps=50] [warmup=10] [seed=0]}.
 */
public final class DjlMlpStep {
    private DjlMlpStep() {
    }

    public static void main(String[] args) {
        int[] widths = Arrays.stream((args.length > 0 ? args[0] : "784-1024-10").split("-")).mapToInt(Integer::parseInt).toArray();
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 0;
        float lr = 0.01f;
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) seed);
        int layers = widths.length - 1;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] w = new NDArray[layers];
            NDArray[] b = new NDArray[layers];
            for (int l = 0; l < layers; l++) {
                float std = (float) Math.sqrt((l + 1 < layers ? 2.0 : 1.0) / widths[l]);
                w[l] = m.randomNormal(0f, std, new Shape(widths[l + 1], widths[l]), DataType.FLOAT32);
                b[l] = m.zeros(new Shape(widths[l + 1]), DataType.FLOAT32);
                w[l].setRequiresGradient(true);
                b[l].setRequiresGradient(true);
            }
            NDArray x = m.randomNormal(0f, 1f, new Shape(batch, widths[0]), DataType.FLOAT32);
            NDArray y = m.randomNormal(0f, 1f, new Shape(batch, widths[layers]), DataType.FLOAT32);
            double[] ms = new double[steps];
            float loss = 0;
            for (int s = 0; s < warmup + steps; s++) {
                long t = System.nanoTime();
                loss = step(m, x, y, w, b, lr);
                if (s >= warmup) {
                    ms[s - warmup] = (System.nanoTime() - t) / 1e6;
                }
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            double median = steps % 2 == 1 ? sorted[steps / 2] : 0.5 * (sorted[steps / 2 - 1] + sorted[steps / 2]);
            double flops = 0;
            for (int l = 0; l < layers; l++) {
                double p = (double) widths[l] * widths[l + 1];
                flops += 2.0 * batch * p * (l == 0 ? 2 : 3); // forward + weight gradient (+ input gradient above layer 0)
            }
            System.out.printf(Locale.ROOT, "djl peer: engine %s %s, arch %s, batch %d, float32, mse, sgd lr %.3g, "
                            + "%d warm-up + %d timed steps, final loss %.5f%n", engine.getEngineName(), engine.getVersion(),
                    args.length > 0 ? args[0] : "784-1024-10", batch, lr, warmup, steps, loss);
            System.out.printf(Locale.ROOT, "ms per step: median %.2f, min %.2f; GFLOP/s (median) %.1f, GEMM flops per step %.4g%n",
                    median, sorted[0], flops / (median / 1e3) / 1e9, flops);
            System.out.printf(Locale.ROOT, "torch threads: %s%n", System.getenv().getOrDefault("OMP_NUM_THREADS", "default"));
        }
    }

    /** One training step; returns the loss before the update. */
    private static float step(NDManager parent, NDArray x, NDArray y, NDArray[] w, NDArray[] b, float lr) {
        int layers = w.length;
        float value;
        try (NDManager m = parent.newSubManager()) {
            // every intermediate (activations, gradients) belongs to m and is freed when the step ends
            NDList owned = new NDList(x, y);
            owned.addAll(Arrays.asList(w));
            owned.addAll(Arrays.asList(b));
            m.tempAttachAll(owned);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray h = x;
                for (int l = 0; l < layers; l++) {
                    NDArray u = h.matMul(w[l].transpose()).add(b[l]);
                    h = l + 1 < layers ? Activation.relu(u) : u;
                }
                NDArray r = h.sub(y);
                NDArray loss = r.mul(r).sum().mul(0.5f / x.getShape().get(0));
                gc.backward(loss);
                value = loss.getFloat();
            }
            for (int l = 0; l < layers; l++) {
                w[l].subi(w[l].getGradient().mul(lr));
                b[l].subi(b[l].getGradient().mul(lr));
            }
        }
        return value;
    }
}
