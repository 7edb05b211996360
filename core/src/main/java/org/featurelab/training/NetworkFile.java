package org.featurelab.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.Json;
import org.featurelab.io.ModelArchive;
import org.featurelab.io.Provenance;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a {@link Network} onto the versioned {@link ModelArchive} (format version 1), so that a trained network
 * can be kept, inspected and used as the starting point of another run ({@code featurelab train --init from:FILE}).
 * This mapping lives here rather than in {@code nn} because {@code io} is not below {@code nn}.
 *
 * <p><b>Manifest</b> (the caller's fields of the archive):
 * <pre>{@code
 * "model": {
 *   "kind": "featurelab-network",
 *   "widths": [4, 8, 3],
 *   "layers": [
 *     { "index": 0, "activation": "tanh", "bias": true, "weights": [8, 4] },
 *     { "index": 1, "activation": "identity", "bias": true, "weights": [3, 8] }
 *   ]
 * }
 * }</pre>
 * <b>Arrays</b>, in layer order: {@code W0} (out×in), {@code b0} (1×out, only when the layer has a bias),
 * {@code W1}, {@code b1}, … Values are stored as IEEE-754 doubles, so a save/load round trip is bit-exact.
 */
public final class NetworkFile {
    /** The manifest's {@code model.kind}. */
    public static final String KIND = "featurelab-network";
    /** File name of the trained network inside a run directory. */
    public static final String FILE = "network" + ModelArchive.EXTENSION;

    private NetworkFile() {
    }

    /**
     * Writes {@code network} to {@code file} atomically (the file appears complete or not at all).
     *
     * @throws java.io.UncheckedIOException naming the file when it cannot be written
     */
    public static void save(Network network, Path file, Provenance provenance) {
        Objects.requireNonNull(network, "network");
        ModelArchive.write(file, toArchive(network, provenance));
    }

    /** The archive {@link #save} writes. */
    public static ModelArchive toArchive(Network network, Provenance provenance) {
        ObjectNode manifest = Json.object();
        ObjectNode model = manifest.putObject("model");
        model.put("kind", KIND);
        ArrayNode widths = model.putArray("widths");
        for (int w : network.widths()) {
            widths.add(w);
        }
        ArrayNode layers = model.putArray("layers");
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        for (int l = 0; l < network.depth(); l++) {
            Layer layer = network.layer(l);
            ObjectNode lo = layers.addObject();
            lo.put("index", l);
            lo.put("activation", layer.activation().name());
            lo.put("bias", layer.hasBias());
            lo.putArray("weights").add(layer.outputDim()).add(layer.inputDim());
            arrays.put("W" + l, layer.weights());
            if (layer.hasBias()) {
                arrays.put("b" + l, layer.bias());
            }
        }
        return ModelArchive.of(manifest, provenance, arrays);
    }

    /**
     * Reads a network written by {@link #save}.
     *
     * @throws IllegalArgumentException one sentence naming the file: unreadable or not a featurelab model (from
     *                                  {@link ModelArchive#read}), a model of another kind (e.g. a tabular RFM), or
     *                                  an inconsistent network description
     */
    public static Network load(Path file) {
        return fromArchive(ModelArchive.read(file), file);
    }

    /** The network in {@code archive}; {@code file} names it in messages. */
    static Network fromArchive(ModelArchive archive, Path file) {
        JsonNode model = archive.manifest().get("model");
        JsonNode kind = model == null ? null : model.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw new IllegalArgumentException("model file " + file + " is not a featurelab network: its manifest has no model.kind"
                    + " (expected '" + KIND + "')");
        }
        if (!KIND.equals(kind.textValue())) {
            throw new IllegalArgumentException("model file " + file + " holds a '" + kind.textValue()
                    + "' model, not a featurelab network (model.kind '" + KIND + "')");
        }
        try {
            JsonNode layers = model.get("layers");
            if (layers == null || !layers.isArray() || layers.isEmpty()) {
                throw new IllegalArgumentException("model.layers is missing or empty");
            }
            List<Layer> out = new ArrayList<>(layers.size());
            for (int l = 0; l < layers.size(); l++) {
                JsonNode lo = layers.get(l);
                JsonNode act = lo.get("activation");
                JsonNode bias = lo.get("bias");
                JsonNode shape = lo.get("weights");
                if (act == null || !act.isTextual() || bias == null || !bias.isBoolean() || shape == null || !shape.isArray()
                        || shape.size() != 2 || !shape.get(0).canConvertToInt() || !shape.get(1).canConvertToInt()) {
                    throw new IllegalArgumentException("layer " + l + " needs 'activation' (text), 'bias' (true/false) and "
                            + "'weights' ([out, in])");
                }
                Activation activation = Activation.parse(act.textValue());
                Matrix w = array(archive, "W" + l);
                if (w.rows() != shape.get(0).intValue() || w.cols() != shape.get(1).intValue()) {
                    throw new IllegalArgumentException("array W" + l + " is " + w.shape() + " but layer " + l + " declares "
                            + shape.get(0).intValue() + "x" + shape.get(1).intValue());
                }
                Matrix b = null;
                if (bias.booleanValue()) {
                    b = array(archive, "b" + l);
                } else if (archive.hasArray("b" + l)) {
                    throw new IllegalArgumentException("layer " + l + " has no bias but array b" + l + " is stored");
                }
                out.add(new Layer(w, b, activation));
            }
            Network network = new Network(out);
            JsonNode widths = model.get("widths");
            if (widths != null && !widths.equals(widthsJson(network.widths()))) {
                throw new IllegalArgumentException("model.widths " + widths + " do not match the layers ("
                        + TrainConfig.archString(network.widths()) + ")");
            }
            return network;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + file + " is an invalid featurelab network: " + e.getMessage(), e);
        }
    }

    private static ArrayNode widthsJson(int[] widths) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (int w : widths) {
            a.add(w);
        }
        return a;
    }

    private static Matrix array(ModelArchive a, String name) {
        if (!a.hasArray(name)) {
            throw new IllegalArgumentException("missing array '" + name + "'");
        }
        return a.array(name);
    }
}
