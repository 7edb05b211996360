package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.diagnostics.DiagnosticsConfig;
import org.featurelab.diagnostics.LayerDiagnostics;
import org.featurelab.diagnostics.NetworkDiagnostics;
import org.featurelab.io.Json;
import org.featurelab.io.Npy;
import org.featurelab.io.Safetensors;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.TrainingData;
import org.featurelab.testing.RandomData;
import org.featurelab.training.DiagnosedStep;
import org.featurelab.training.DiagnosticsRecorder;
import org.featurelab.training.ImportedNetwork;
import org.featurelab.training.NetworkFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.featurelab.testing.Close.relativeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code featurelab diagnose}: the safetensors round trip against the native diagnostics, the PyTorch fixture
 * (src/test/resources/diagnose, made by scripts/make-torch-fixture.py) against PyTorch's autograd, and bad input.
 */
class DiagnoseCommandTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DiagnoseCommandTest.class.getResource("/diagnose/" + name).toURI());
    }

    private static Path csv(Path file, Matrix m) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < m.cols(); j++) {
            sb.append(j == 0 ? "" : ",").append("c").append(j);
        }
        sb.append('\n');
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                sb.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", m.get(i, j)));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void aNetworkWrittenAsSafetensorsDiagnosesLikeTheNativePath() throws IOException {
        Network net = Initialization.standard(new int[] {4, 6, 3}, Activation.TANH, true, new SplittableRandom(3));
        Network init = Initialization.standard(new int[] {4, 6, 3}, Activation.TANH, true, new SplittableRandom(4));
        Matrix x = RandomData.gaussian(40, 4, 5);
        Matrix y = RandomData.gaussian(40, 3, 6);
        Path w = dir.resolve("w.safetensors");
        Path w0 = dir.resolve("w0.safetensors");
        Safetensors.write(w, ImportedNetwork.tensors(net), Map.of());
        Safetensors.write(w0, ImportedNetwork.tensors(init), Map.of());
        Path out = dir.resolve("diag");
        CliRunner.Result r = CliRunner.ok("diagnose", "--weights", w.toString(), "--init-weights", w0.toString(),
                "--data", csv(dir.resolve("x.csv"), x).toString(), "--targets", csv(dir.resolve("y.csv"), y).toString(),
                "--activation", "tanh", "--weight-decay", "0.01", "--out", out.toString());
        assertTrue(r.out().contains("pearson_fact"), r.out());
        DiagnosedStep expected = DiagnosticsRecorder.diagnose(0, net, init, new TrainingData(x, y),
                new Objective(Loss.MEAN_SQUARED, 0.01), DiagnosticsConfig.defaults());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile()).get("summary");
        assertEquals(expected.trainLoss(), summary.get("train_loss").asDouble(), 1e-12 * expected.trainLoss());
        for (int l = 0; l < 2; l++) {
            double[] v = DiagnosedStep.values(expected.layers().get(l));
            JsonNode layer = summary.get("layers").get(l);
            for (int k = 0; k < v.length; k++) {
                String key = DiagnosedStep.LAYER_COLUMNS.get(k);
                if (Double.isFinite(v[k])) {
                    assertEquals(v[k], layer.get(key).asDouble(), 1e-12 * Math.max(1, Math.abs(v[k])), "layer " + l + " " + key);
                } else {
                    assertTrue(layer.get(key).isNull(), "layer " + l + " " + key);
                }
            }
        }
        for (String f : new String[] {"manifest.json", "summary.json", "metrics.csv", "index.html", "alpha-sweep.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"--init-weights\""));
    }

    @Test
    void npzWeightsAndNpyDataGiveTheSameDiagnosisAsSafetensors() throws IOException {
        Network net = Initialization.standard(new int[] {3, 5, 2}, Activation.RELU, true, new SplittableRandom(8));
        Matrix x = RandomData.gaussian(30, 3, 9);
        Path npz = dir.resolve("w.npz");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(npz))) {
            for (Map.Entry<String, Matrix> e : ImportedNetwork.tensors(net).entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry("fc." + e.getKey() + ".npy"));
                z.write(org.featurelab.io.ForeignFormatsTestImages.npy(e.getValue()));
                z.closeEntry();
            }
        }
        Path xs = Files.write(dir.resolve("x.npy"), org.featurelab.io.ForeignFormatsTestImages.npy(x));
        Path st = dir.resolve("w.safetensors");
        Safetensors.write(st, ImportedNetwork.tensors(net), Map.of());
        CliRunner.ok("diagnose", "--weights", npz.toString(), "--data", xs.toString(), "--quiet", "--out",
                dir.resolve("a").toString());
        CliRunner.ok("diagnose", "--weights", st.toString(), "--data", xs.toString(), "--quiet", "--out",
                dir.resolve("b").toString());
        assertEquals(Files.readString(dir.resolve("a/metrics.csv")), Files.readString(dir.resolve("b/metrics.csv")));
        assertTrue(Files.readString(dir.resolve("a/summary.json")).contains("no --targets: FACT"));
    }

    @Test
    void trainWritesSafetensorsThatLoadAsItsNetwork() throws IOException {
        Path data = CliRunner.blobs(dir.resolve("blobs.csv"), 60, 5);
        Path run = dir.resolve("run");
        CliRunner.ok("train", "--data", data.toString(), "--arch", "4-8-3", "--activation", "tanh", "--lr", "0.1",
                "--epochs", "20", "--quiet", "--out", run.toString());
        Network saved = NetworkFile.load(run.resolve("network.flm"));
        Network again = ImportedNetwork.of(Safetensors.read(run.resolve("network.safetensors")), Activation.TANH);
        for (int l = 0; l < saved.depth(); l++) {
            assertArrayEquals(saved.weights(l).data(), again.weights(l).data());
            assertArrayEquals(saved.layer(l).bias().data(), again.layer(l).bias().data());
        }
    }

    /** PyTorch's autograd AGOP and its WᵀW, per layer, against ours on the network PyTorch saved (float32 round-off). */
    @Test
    void thePyTorchFixtureMatchesAutogradAndFactHoldsAtItsStationaryPoint() throws Exception {
        Network net = ImportedNetwork.of(Safetensors.read(resource("torch-mlp.safetensors")), Activation.TANH);
        assertArrayEquals(new int[] {4, 8, 3}, net.widths());
        Matrix x = Npy.read(resource("torch-x.npy"));
        Matrix y = Npy.read(resource("torch-y.npy"));
        NetworkDiagnostics d = NetworkDiagnostics.compute(0, net, null, x, y, new Objective(Loss.MEAN_SQUARED, 0.01),
                DiagnosticsConfig.defaults());
        for (int l = 0; l < 2; l++) {
            LayerDiagnostics layer = d.layers().get(l);
            double agop = relativeError(layer.agop(), Npy.read(resource("torch-agop-" + l + ".npy")));
            double nfm = relativeError(layer.nfm(), Npy.read(resource("torch-nfm-" + l + ".npy")));
            assertTrue(agop < 1e-6, "layer " + l + " AGOP relative error " + agop);
            assertTrue(nfm < 1e-6, "layer " + l + " NFM relative error " + nfm);
        }
        Path out = dir.resolve("torch");
        CliRunner.ok("diagnose", "--weights", resource("torch-mlp.safetensors").toString(), "--data",
                resource("torch-x.npy").toString(), "--targets", resource("torch-y.npy").toString(), "--activation", "tanh",
                "--weight-decay", "0.01", "--quiet", "--out", out.toString());
        JsonNode layers = Json.mapper().readTree(out.resolve("summary.json").toFile()).get("summary").get("layers");
        for (int l = 0; l < 2; l++) {
            double pearson = layers.get(l).get("pearson_fact").asDouble();
            assertTrue(pearson >= 0.99, "layer " + l + " ρ(WᵀW, FACT) = " + pearson);
        }
    }

    @Test
    void badFilesAreOneLineAndWriteNothing() throws IOException {
        Path out = dir.resolve("never");
        Path truncated = dir.resolve("t.safetensors");
        Files.write(truncated, new byte[] {1, 2, 3});
        Path x = csv(dir.resolve("x.csv"), RandomData.gaussian(5, 2, 1));
        CliRunner.assertBadInput(CliRunner.run("diagnose", "--weights", truncated.toString(), "--data", x.toString(),
                "--out", out.toString()), "is truncated: 3 bytes, no 8-byte header length");
        Path w = dir.resolve("w.safetensors");
        Safetensors.write(w, ImportedNetwork.tensors(Initialization.standard(new int[] {4, 3, 2}, Activation.RELU, true,
                new SplittableRandom(1))), Map.of());
        CliRunner.assertBadInput(CliRunner.run("diagnose", "--weights", w.toString(), "--data", x.toString(),
                "--out", out.toString()), "--data has 2 columns but the first layer takes 4 inputs");
        byte[] past = org.featurelab.io.ForeignFormatsTestImages.safetensors("0.weight", "F32", java.util.List.of(1, 2),
                new byte[8]);
        java.nio.ByteBuffer.wrap(past).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        Path pastFile = Files.write(dir.resolve("past.safetensors"), past);
        CliRunner.assertBadInput(CliRunner.run("diagnose", "--weights", pastFile.toString(), "--data", x.toString(),
                "--out", out.toString()), "has a header length of 1099511627776 bytes, past its");
        Path int8 = Files.write(dir.resolve("i8.safetensors"), org.featurelab.io.ForeignFormatsTestImages.safetensors(
                "0.weight", "I8", java.util.List.of(1, 2), new byte[2]));
        CliRunner.assertBadInput(CliRunner.run("diagnose", "--weights", int8.toString(), "--data", x.toString(),
                "--out", out.toString()), "has dtype I8");
        Map<String, Matrix> broken = new java.util.LinkedHashMap<>();
        broken.put("0.weight", Matrix.zeros(3, 2));
        broken.put("2.weight", Matrix.zeros(2, 4));
        Path chain = dir.resolve("chain.safetensors");
        Safetensors.write(chain, broken, Map.of());
        CliRunner.assertBadInput(CliRunner.run("diagnose", "--weights", chain.toString(), "--data", x.toString(),
                "--out", out.toString()), "weights: layer '2' is 2×4 (out×in) but layer '0' before it has 3 outputs");
        assertFalse(Files.exists(out));
    }
}
