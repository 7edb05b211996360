package org.featurelab.training;

import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dense network from named tensors as PyTorch and JAX save them, and back. Names are {@code <prefix>.weight}
 * (PyTorch's out×in), {@code <prefix>.kernel} (Flax's in×out, transposed here) and optional {@code <prefix>.bias};
 * the layers are ordered by their prefixes compared piece by piece, numbers as numbers ({@code 0 < 2 < 10},
 * {@code fc1 < fc2}, {@code layers.3 < layers.10}, {@code net.0 < net.2}), and must chain: each layer's input width
 * is the previous one's output width. Hidden layers use the given activation, the last the identity. Writing names
 * the layers {@code 0, 2, 4, …} — the indices of the Linear modules in PyTorch's
 * {@code nn.Sequential(Linear, act, Linear, act, …, Linear)}, so that {@code model.load_state_dict} accepts them.
 */
public final class ImportedNetwork {
    private static final Pattern NAME = Pattern.compile("(.*)\\.(weight|kernel|bias)");
    private static final Pattern PIECE = Pattern.compile("\\d+|\\D+");

    private ImportedNetwork() {
    }

    /**
     * The network the tensors describe.
     *
     * @throws IllegalArgumentException naming the tensors: a name of another form, a bias without a weight, layers
     *                                  that do not chain, a bias of the wrong length
     */
    public static Network of(Map<String, Matrix> tensors, Activation hidden) {
        TreeMap<String, Matrix[]> layers = new TreeMap<>(ImportedNetwork::comparePrefixes);
        for (Map.Entry<String, Matrix> e : tensors.entrySet()) {
            Matcher m = NAME.matcher(e.getKey());
            if (!m.matches()) {
                throw new IllegalArgumentException("weights: tensor '" + e.getKey() + "' is not <layer>.weight, "
                        + "<layer>.kernel or <layer>.bias");
            }
            Matrix[] slot = layers.computeIfAbsent(m.group(1), k -> new Matrix[2]);
            int i = m.group(2).equals("bias") ? 1 : 0;
            if (slot[i] != null) {
                throw new IllegalArgumentException("weights: layer '" + m.group(1) + "' has both a weight and a kernel");
            }
            slot[i] = m.group(2).equals("kernel") ? e.getValue().transpose() : e.getValue();
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("weights: no tensors");
        }
        List<Layer> out = new ArrayList<>();
        String previous = null;
        int width = -1;
        int index = 0;
        for (Map.Entry<String, Matrix[]> e : layers.entrySet()) {
            Matrix w = e.getValue()[0];
            Matrix b = e.getValue()[1];
            if (w == null) {
                throw new IllegalArgumentException("weights: layer '" + e.getKey() + "' has a bias but no weight");
            }
            if (width >= 0 && w.cols() != width) {
                throw new IllegalArgumentException("weights: layer '" + e.getKey() + "' is " + w.rows() + "×" + w.cols()
                        + " (out×in) but layer '" + previous + "' before it has " + width + " outputs; the layers, in "
                        + "name order " + layers.keySet() + ", do not chain");
            }
            if (b != null && (b.rows() * b.cols() != w.rows())) {
                throw new IllegalArgumentException("weights: layer '" + e.getKey() + "' has a bias of " + b.rows() * b.cols()
                        + " values for " + w.rows() + " outputs");
            }
            boolean last = ++index == layers.size();
            Matrix bias = b == null ? null : Matrix.wrap(1, w.rows(), b.data().clone());
            out.add(new Layer(w.copy(), bias, last ? Activation.IDENTITY : hidden));
            previous = e.getKey();
            width = w.rows();
        }
        return new Network(out);
    }

    /** The tensors of {@code network} named for {@code nn.Sequential(Linear, act, …, Linear)}: 0.weight, 0.bias, 2.weight, … */
    public static Map<String, Matrix> tensors(Network network) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        for (int l = 0; l < network.depth(); l++) {
            Layer layer = network.layer(l);
            out.put(2 * l + ".weight", layer.weights());
            if (layer.hasBias()) {
                out.put(2 * l + ".bias", layer.bias());
            }
        }
        return out;
    }

    /** Prefix order: piece by piece, runs of digits compared as numbers, other runs as text. */
    static int comparePrefixes(String a, String b) {
        Matcher ma = PIECE.matcher(a);
        Matcher mb = PIECE.matcher(b);
        while (true) {
            boolean fa = ma.find();
            boolean fb = mb.find();
            if (!fa || !fb) {
                int c = Boolean.compare(fa, fb);
                return c != 0 ? c : a.compareTo(b); // "1" and "01" stay two layers
            }
            String pa = ma.group();
            String pb = mb.group();
            int c;
            if (Character.isDigit(pa.charAt(0)) && Character.isDigit(pb.charAt(0))) {
                c = new java.math.BigInteger(pa).compareTo(new java.math.BigInteger(pb));
            } else {
                c = pa.compareTo(pb);
            }
            if (c != 0) {
                return c;
            }
        }
    }
}
