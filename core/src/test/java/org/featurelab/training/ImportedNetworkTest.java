package org.featurelab.training;

import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Network;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layer inference from state-dict names: order, Flax kernels, biases, and the errors that name the tensors. */
class ImportedNetworkTest {
    @Test
    void namesAreOrderedAsNumbersAndTheTensorsRoundTrip() {
        Network net = Initialization.standard(new int[] {3, 5, 4, 2}, Activation.TANH, true, new SplittableRandom(1));
        Map<String, Matrix> t = ImportedNetwork.tensors(net);
        assertEquals(java.util.List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"),
                java.util.List.copyOf(t.keySet()));
        Map<String, Matrix> shuffled = new LinkedHashMap<>(); // header order is not layer order: 10 after 2
        shuffled.put("layers.10.weight", t.get("4.weight"));
        shuffled.put("layers.2.bias", t.get("2.bias"));
        shuffled.put("layers.0.weight", t.get("0.weight"));
        shuffled.put("layers.2.weight", t.get("2.weight"));
        shuffled.put("layers.0.bias", t.get("0.bias"));
        shuffled.put("layers.10.bias", t.get("4.bias"));
        Network back = ImportedNetwork.of(shuffled, Activation.TANH);
        assertArrayEquals(net.widths(), back.widths());
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(net.weights(l).data(), back.weights(l).data());
            assertArrayEquals(net.layer(l).bias().data(), back.layer(l).bias().data());
            assertEquals(l == 2 ? "identity" : "tanh", back.layer(l).activation().name());
        }
        assertTrue(ImportedNetwork.comparePrefixes("fc2", "fc10") < 0);
        assertTrue(ImportedNetwork.comparePrefixes("net.0", "net.2") < 0);
        assertTrue(ImportedNetwork.comparePrefixes("1", "01") != 0, "distinct names stay distinct");
    }

    @Test
    void flaxKernelsAreTransposedAndBiasesAreOptional() {
        Matrix w0 = RandomData.gaussian(5, 3, 2); // out×in
        Matrix w1 = RandomData.gaussian(2, 5, 3);
        Map<String, Matrix> flax = new LinkedHashMap<>();
        flax.put("Dense_0.kernel", w0.transpose());
        flax.put("Dense_1.kernel", w1.transpose());
        Network net = ImportedNetwork.of(flax, Activation.RELU);
        assertArrayEquals(w0.data(), net.weights(0).data());
        assertArrayEquals(w1.data(), net.weights(1).data());
        assertFalse(net.layer(0).hasBias());
    }

    @Test
    void inconsistentFilesNameTheTensors() {
        Map<String, Matrix> t = new LinkedHashMap<>();
        t.put("fc1.weight", Matrix.zeros(5, 3));
        t.put("fc2.weight", Matrix.zeros(2, 4));
        String chain = assertThrows(IllegalArgumentException.class, () -> ImportedNetwork.of(t, Activation.RELU)).getMessage();
        assertEquals("weights: layer 'fc2' is 2×4 (out×in) but layer 'fc1' before it has 5 outputs; the layers, in name "
                + "order [fc1, fc2], do not chain", chain);
        Map<String, Matrix> odd = Map.of("running_mean", Matrix.zeros(1, 3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImportedNetwork.of(odd, Activation.RELU))
                .getMessage().contains("'running_mean' is not <layer>.weight"));
        Map<String, Matrix> bias = new LinkedHashMap<>();
        bias.put("0.weight", Matrix.zeros(4, 3));
        bias.put("0.bias", Matrix.zeros(1, 3));
        assertEquals("weights: layer '0' has a bias of 3 values for 4 outputs",
                assertThrows(IllegalArgumentException.class, () -> ImportedNetwork.of(bias, Activation.RELU)).getMessage());
    }
}
