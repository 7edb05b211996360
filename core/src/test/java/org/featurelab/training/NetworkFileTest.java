package org.featurelab.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.Json;
import org.featurelab.io.ModelArchive;
import org.featurelab.io.Provenance;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Networks;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.nn.TrainingData;
import org.featurelab.table.Table;
import org.featurelab.tabular.ModelKind;
import org.featurelab.tabular.TabularLearner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link NetworkFile}: bit-exact round trips, rejection of other model kinds, and runs started from a saved network. */
class NetworkFileTest {
    @TempDir
    Path dir;

    static Provenance provenance() {
        return Provenance.capture(3, "sha256:test", Json.object(), Provenance.API, "none");
    }

    /** A network with every activation, and layers with and without bias. */
    static Network mixed(SplittableRandom rng) {
        Network base = Initialization.standard(new int[] {5, 7, 6, 4, 3, 2}, Activation.TANH, true, rng);
        Activation[] acts = {Activation.RELU, Activation.TANH, Activation.QUADRATIC, Activation.IDENTITY, Activation.IDENTITY};
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < base.depth(); l++) {
            Layer b = base.layer(l);
            Matrix bias = l == 2 ? null : Matrix.zeros(1, b.outputDim());
            if (bias != null) {
                for (int j = 0; j < bias.cols(); j++) {
                    bias.set(0, j, rng.nextGaussian() / 3);
                }
            }
            layers.add(new Layer(b.weights(), bias, acts[l]));
        }
        return new Network(layers);
    }

    static void assertBitIdentical(Network expected, Network actual) {
        assertArrayEquals(expected.widths(), actual.widths());
        for (int l = 0; l < expected.depth(); l++) {
            Layer e = expected.layer(l);
            Layer a = actual.layer(l);
            assertEquals(e.activation(), a.activation(), "activation " + l);
            assertEquals(e.hasBias(), a.hasBias(), "bias " + l);
            assertArrayEquals(bits(e.weights()), bits(a.weights()), "W" + l);
            if (e.hasBias()) {
                assertArrayEquals(bits(e.bias()), bits(a.bias()), "b" + l);
            }
        }
    }

    static long[] bits(Matrix m) {
        double[] d = m.data();
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToRawLongBits(d[i]);
        }
        return b;
    }

    @Test
    void roundTripIsBitExactWithEqualActivationsAndOutputs() {
        SplittableRandom rng = new SplittableRandom(5);
        for (Network n : List.of(mixed(rng), Networks.deepLinearReluHead(4, 6, 3, rng))) {
            Path file = dir.resolve("n" + n.depth() + ".flm");
            Provenance p = provenance();
            NetworkFile.save(n, file, p);
            Network back = NetworkFile.load(file);
            assertNotSame(n, back);
            assertBitIdentical(n, back);
            Matrix x = Matrix.zeros(9, n.inputDim());
            for (int i = 0; i < x.data().length; i++) {
                x.data()[i] = rng.nextGaussian();
            }
            assertArrayEquals(bits(n.output(x)), bits(back.output(x)));
            ModelArchive a = ModelArchive.read(file);
            assertEquals(p, a.provenance());
            assertEquals(NetworkFile.KIND, a.manifest().get("model").get("kind").asText());
            assertEquals("W0", a.arrayNames().get(0));
        }
    }

    @Test
    void manifestDescribesEveryLayer() {
        Network n = mixed(new SplittableRandom(1));
        ModelArchive a = NetworkFile.toArchive(n, provenance());
        assertEquals(List.of("W0", "b0", "W1", "b1", "W2", "W3", "b3", "W4", "b4"), a.arrayNames());
        var layers = a.manifest().get("model").get("layers");
        assertEquals(5, layers.size());
        assertEquals("quadratic", layers.get(2).get("activation").asText());
        assertFalse(layers.get(2).get("bias").asBoolean());
        assertEquals(4, layers.get(2).get("weights").get(0).asInt());
        assertEquals(6, layers.get(2).get("weights").get(1).asInt());
        assertEquals("[5,7,6,4,3,2]", a.manifest().get("model").get("widths").toString());
    }

    @Test
    void tabularModelFileIsRejectedWithAClearSentence() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 24; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", a, b, a - b));
        }
        Path data = java.nio.file.Files.writeString(dir.resolve("t.csv"), csv);
        Path tabular = dir.resolve("tabular.flm");
        TabularLearner.of("y", ModelKind.LAPLACE).fit(Table.readCsv(data)).save(tabular);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkFile.load(tabular));
        assertEquals("model file " + tabular + " holds a 'featurelab-tabular-rfm' model, not a featurelab network "
                + "(model.kind 'featurelab-network')", e.getMessage());
    }

    @Test
    void archivesWithoutKindOrWithBrokenLayersAreRejected() {
        Path noKind = dir.resolve("nokind.flm");
        ModelArchive.write(noKind, ModelArchive.of(Json.object(), provenance(), Map.of("W0", Matrix.zeros(2, 2))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkFile.load(noKind));
        assertTrue(e.getMessage().contains("is not a featurelab network"), e.getMessage());

        Network n = mixed(new SplittableRandom(4));
        ModelArchive good = NetworkFile.toArchive(n, provenance());
        Map<String, Matrix> arrays = new LinkedHashMap<>(good.arrays());
        arrays.remove("b1");
        Path missing = dir.resolve("missing.flm");
        ModelArchive.write(missing, ModelArchive.of(good.manifest(), provenance(), arrays));
        e = assertThrows(IllegalArgumentException.class, () -> NetworkFile.load(missing));
        assertTrue(e.getMessage().contains("invalid featurelab network: missing array 'b1'"), e.getMessage());

        ObjectNode manifest = good.manifest();
        ((ObjectNode) manifest.get("model").get("layers").get(0)).put("activation", "gelu");
        Path badAct = dir.resolve("act.flm");
        ModelArchive.write(badAct, ModelArchive.of(manifest, provenance(), good.arrays()));
        e = assertThrows(IllegalArgumentException.class, () -> NetworkFile.load(badAct));
        assertTrue(e.getMessage().contains("unknown 'gelu'"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> NetworkFile.load(dir.resolve("absent.flm")));
    }

    @Test
    void runFromSavedNetworkStartsFromItsExactWeights() {
        TrainingData d = DiagnosticsRecorderTest.data(30, 8);
        TrainConfig first = new TrainConfig(new int[] {3, 6, 2}, Activation.TANH, Loss.MEAN_SQUARED, OptimizerKind.GD, 0.05, 1e-3, 20, 0,
                0.9, InitSpec.STANDARD, true, 10, 11, null, 0, 2000);
        TrainingRun a = TrainingRun.execute(first, d, s -> { });
        Path file = dir.resolve("net.flm");
        NetworkFile.save(a.trained(), file, provenance());
        TrainConfig resumed = new TrainConfig(new int[] {3, 6, 2}, Activation.TANH, Loss.MEAN_SQUARED, OptimizerKind.GD, 0.05, 1e-3, 1, 0,
                0.9, new InitSpec.FromFile(file), true, 1, 11, null, 0, 2000);
        assertEquals(new InitSpec.FromFile(file), InitSpec.parse("from:" + file));
        TrainingRun b = TrainingRun.execute(resumed, d, s -> { });
        assertBitIdentical(a.trained(), b.initial());
        assertEquals(a.last().trainLoss(), b.steps().get(0).trainLoss(), 1e-12);

        TrainConfig wider = new TrainConfig(new int[] {3, 7, 2}, Activation.TANH, Loss.MEAN_SQUARED, OptimizerKind.GD, 0.05, 1e-3, 1, 0,
                0.9, new InitSpec.FromFile(file), true, 1, 11, null, 0, 2000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.execute(wider, d, s -> { }));
        assertEquals("init from:" + file + ": the saved network is 3-6-2 but widths is 3-7-2 (they must be equal)",
                e.getMessage());
        TrainConfig relu = new TrainConfig(new int[] {3, 6, 2}, Activation.RELU, Loss.MEAN_SQUARED, OptimizerKind.GD, 0.05, 1e-3, 1, 0,
                0.9, new InitSpec.FromFile(file), true, 1, 11, null, 0, 2000);
        e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.execute(relu, d, s -> { }));
        assertEquals("init from:" + file + ": layer 0 of the saved network uses tanh but this run needs relu (activation relu)",
                e.getMessage());
        TrainConfig noBias = new TrainConfig(new int[] {3, 6, 2}, Activation.TANH, Loss.MEAN_SQUARED, OptimizerKind.GD, 0.05, 1e-3, 1, 0,
                0.9, new InitSpec.FromFile(file), false, 1, 11, null, 0, 2000);
        e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.execute(noBias, d, s -> { }));
        assertEquals("init from:" + file + ": layer 0 of the saved network has biases but this run has none (see bias)",
                e.getMessage());
    }
}
