package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.featurelab.io.Digests;
import org.featurelab.io.Json;
import org.featurelab.io.ModelArchive;
import org.featurelab.io.Provenance;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Network;
import org.featurelab.table.Idx;
import org.featurelab.table.IdxFiles;
import org.featurelab.training.NetworkFile;
import org.featurelab.training.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code featurelab train} end to end: a 4-8-3 tanh network, MSE, full-batch GD with λ = 10⁻² for 200 epochs on 60
 * rows of three Gaussian blobs, diagnosed every 50 steps (steps 0, 50, …, 200: 5 rows); and the bad-input contract.
 */
class TrainCommandTest {
    @TempDir
    static Path dir;
    static Path csv;
    static Path out;
    static CliRunner.Result run;

    @BeforeAll
    static void trainOnce() throws IOException {
        csv = CliRunner.blobs(dir.resolve("blobs.csv"), 60, 5);
        out = dir.resolve("run");
        run = CliRunner.ok("train", "--data", csv.toString(), "--arch", "4-8-3", "--activation", "tanh", "--loss", "mse",
                "--optimizer", "gd", "--lr", "0.1", "--weight-decay", "1e-2", "--epochs", "200", "--diagnose-every", "50",
                "--seed", "7", "--out", out.toString());
    }

    @Test
    void writesEveryOutputFile() throws IOException {
        for (String f : List.of("manifest.json", "metrics.csv", "summary.json", "correlations.png", "loss.png", "index.html",
                "network.flm")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertFalse(CliRunner.listing(out).stream().anyMatch(n -> n.startsWith(".")), "no temp files left");
        assertTrue(run.out().contains("grad norm"), run.out());
    }

    @Test
    void metricsAreTidyRowsPerDiagnosisAndTheLossDecreases() throws IOException {
        List<CSVRecord> rows = records(out);
        // 5 diagnoses × (3 network metrics + 2 layers × 9 layer metrics)
        assertEquals(5 * (3 + 2 * 9), rows.size());
        assertEquals(List.of("train", "0", "train_loss"), List.of(rows.get(0).get("run"), rows.get(0).get("step"),
                rows.get(0).get("metric")));
        assertEquals(List.of("layer0", "0", "pearson_fact"), List.of(rows.get(3).get("run"), rows.get(3).get("step"),
                rows.get(3).get("metric")));
        assertEquals(List.of("layer1", "200", "balancedness"), List.of(rows.get(104).get("run"), rows.get(104).get("step"),
                rows.get(104).get("metric")));
        List<double[]> loss = series(out, "train", "train_loss");
        assertEquals(5, loss.size());
        for (int k = 0; k < 5; k++) {
            assertEquals(50 * k, loss.get(k)[0], 0.0);
        }
        assertTrue(loss.get(4)[1] < 0.5 * loss.get(0)[1], loss.get(0)[1] + " -> " + loss.get(4)[1]);
        List<double[]> grad = series(out, "train", "grad_norm");
        assertTrue(grad.get(4)[1] < grad.get(0)[1]);
        assertEquals(5, series(out, "layer1", "c_nfa").size());
    }

    @Test
    void summaryHoldsTheLastStepAndConfigAndTheManifestTheProvenance() throws IOException {
        JsonNode top = Json.read(out.resolve("summary.json"));
        assertEquals("train", top.get("kind").asText());
        assertEquals("blobs.csv 4-8-3", top.get("name").asText());
        JsonNode s = top.get("summary");
        assertEquals(200, s.get("step").asInt());
        assertEquals(200, s.get("total_steps").asInt());
        assertTrue(s.get("train_loss").isNumber());
        assertTrue(s.get("grad_norm").isNumber());
        JsonNode layers = s.get("layers");
        assertEquals(2, layers.size());
        for (int l = 0; l < 2; l++) {
            JsonNode layer = layers.get(l);
            assertEquals(l, layer.get("index").asInt());
            for (String key : List.of("pearson_fact", "pearson_nfa", "cosine_fact", "cosine_nfa", "best_alpha", "uc_nfa", "c_nfa")) {
                assertTrue(layer.get(key).isNumber(), key);
            }
            double pf = layer.get("pearson_fact").asDouble();
            assertTrue(pf > -1 && pf <= 1 + 1e-12, "pearson in [-1, 1]: " + pf);
            // the metrics' last rows and the summary describe the same step
            assertEquals(last(series(out, "layer" + l, "pearson_fact"))[1], pf, 0.0);
        }
        assertEquals(last(series(out, "train", "train_loss"))[1], s.get("train_loss").asDouble(), 0.0);
        assertEquals("4-8-3", top.get("config").get("arch").asText());
        assertEquals("gd", top.get("config").get("optimizer").asText());
        assertEquals(7, top.get("seed").asLong());

        JsonNode manifest = Json.read(out.resolve("manifest.json"));
        Provenance p = Provenance.fromJson(manifest.get("provenance"));
        assertEquals(7, p.seed());
        assertTrue(p.commandLine().startsWith("featurelab train --data "), p.commandLine());
        assertEquals(top.get("config"), p.configuration());
        assertEquals(p, ModelArchive.read(out.resolve("network.flm")).provenance(), "network.flm has the run's provenance");
        JsonNode input = manifest.get("inputs").get(0);
        assertEquals("--data", input.get("role").asText());
        assertEquals(Digests.sha256Hex(csv), input.get("sha256").asText());
        List<String> files = new java.util.ArrayList<>();
        manifest.get("files").forEach(f -> files.add(f.get("name").asText()));
        assertEquals(List.of("summary.json", "metrics.csv", "correlations.png", "loss.png", "network.flm", "network.safetensors", "index.html"), files);
    }

    @Test
    void progressLinesGoToStderrUnlessQuiet() throws IOException {
        assertEquals(1 + 5, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(5).startsWith("step 200/200  loss "), run.err());
        Path quietOut = dir.resolve("quiet");
        CliRunner.Result q = CliRunner.ok("train", "--data", csv.toString(), "--arch", "4-3-3", "--lr", "0.1",
                "--weight-decay", "1e-3", "--epochs", "3", "--quiet", "--out", quietOut.toString());
        assertEquals("", q.err());
        // default K = max(1, steps / 20) = 1: steps 0..3
        assertEquals(4, series(quietOut, "train", "train_loss").size());
    }

    @Test
    void sameSeedGivesTheSameMetrics() throws IOException {
        Path again = dir.resolve("again");
        CliRunner.ok("train", "--data", csv.toString(), "--arch", "4-8-3", "--activation", "tanh", "--loss", "mse",
                "--optimizer", "gd", "--lr", "0.1", "--weight-decay", "1e-2", "--epochs", "200", "--diagnose-every", "50",
                "--seed", "7", "--quiet", "--out", again.toString());
        assertEquals(Files.readString(out.resolve("metrics.csv")), Files.readString(again.resolve("metrics.csv")));
    }

    @Test
    void float32EngineFollowsTheFloat64CurveAndSaysSoInTheSummary() throws IOException {
        Path f32 = dir.resolve("f32");
        CliRunner.ok("train", "--data", csv.toString(), "--arch", "4-8-3", "--activation", "tanh", "--loss", "mse",
                "--optimizer", "gd", "--lr", "0.1", "--weight-decay", "1e-2", "--epochs", "200", "--diagnose-every", "50",
                "--seed", "7", "--quiet", "--precision", "float32", "--out", f32.toString());
        List<double[]> a = series(out, "train", "train_loss");
        List<double[]> b = series(f32, "train", "train_loss");
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k)[1], b.get(k)[1], 1e-4 * a.get(k)[1], "train_loss at step " + a.get(k)[0]);
        }
        assertTrue(Files.readString(f32.resolve("summary.json")).contains("\"arithmetic\": \"float32\""));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"arithmetic\": \"float64\""));
    }

    @Test
    void archMismatchStatesTheExpectedWidths() {
        Path d = dir.resolve("mismatch");
        CliRunner.Result r = CliRunner.run("train", "--data", csv.toString(), "--arch", "5-8-2", "--lr", "0.1",
                "--epochs", "5", "--out", d.toString());
        CliRunner.assertBadInput(r, "--arch 4-8-3");
        assertFalse(Files.exists(d));
        CliRunner.assertBadInput(CliRunner.run("train", "--data", csv.toString(), "--arch", "4-x-3", "--lr", "0.1",
                "--epochs", "5", "--out", d.toString()), "--arch: expected dash-separated integers like 784-256-10, got '4-x-3'");
        CliRunner.assertBadInput(CliRunner.run("train", "--data", csv.toString(), "--arch", "4", "--lr", "0.1",
                "--epochs", "5", "--out", d.toString()), "--arch: need at least an input and an output width, got 4");
        assertFalse(Files.exists(d));
    }

    @Test
    void unknownOptimizerNegativeLearningRateAndOthersAreBadInput() {
        String[][] cases = {
                {"--optimizer", "rmsprop", "--lr", "0.1"},
                {"--lr", "-0.1"},
                {"--lr", "0.1", "--activation", "gelu"},
                {"--lr", "0.1", "--init", "small:x"},
                {"--lr", "0.1", "--momentum", "0.5"},
                {"--lr", "0.1", "--optimizer", "slo", "--slo-speeds", "1,2,3"},
                {"--lr", "0.1", "--batch", "10"},
                {"--lr", "0.1", "--init", "balanced"},
                {"--lr", "0.1", "--init", "small:-1"},
                {"--lr", "0.1", "--weight-decay", "-1"},
                {"--lr", "0.1", "--diagnostic-rows", "0"},
                {"--lr", "0.1", "--optimizer", "slo", "--slo-speeds", "1,0"},
                {"--lr", "0.1", "--optimizer", "sgld", "--temperature", "-1"},
                {"--lr", "0.1", "--precision", "mixed"},
                {"--lr", "0.1", "--optimizer", "lbfgs", "--precision", "float32"},
        };
        // library messages name the fields (learningRate, widths, ...); train reads them with its flags
        String[] fragments = {"--optimizer: unknown 'rmsprop' (gd, sgd, adam, adamw, slo, sgld, lbfgs)",
                "--lr must be positive and finite, got -0.1", "--activation: unknown 'gelu'",
                "--init: expected small:F with a number F, got 'small:x'", "--momentum applies to --optimizer sgd",
                "--slo-speeds: need one speed per layer (2), got 3",
                "--batch: gd is full-batch gradient descent; use sgd (with --momentum 0) for mini-batches",
                "--init balanced is for deep linear chains: use --activation identity",
                "--init small:F factor must be positive and finite, got -1.0", "--weight-decay must be finite and ≥ 0, got -1.0",
                "--diagnostic-rows must be ≥ 1, got 0", "--slo-speeds must be positive and finite, got 0.0",
                "--temperature must be finite and ≥ 0, got -1.0", "--precision: unsupported precision 'mixed': expected float64 or float32",
                "--precision: lbfgs runs in float64 only"};
        for (int k = 0; k < cases.length; k++) {
            Path d = dir.resolve("bad" + k);
            List<String> args = new java.util.ArrayList<>(List.of("train", "--data", csv.toString(), "--arch", "4-8-3",
                    "--epochs", "5", "--out", d.toString()));
            args.addAll(List.of(cases[k]));
            CliRunner.assertBadInput(CliRunner.run(args.toArray(new String[0])), fragments[k]);
            assertFalse(Files.exists(d), d::toString);
        }
    }

    @Test
    void divergenceIsBadInputWithoutOutputDirectory() {
        Path d = dir.resolve("diverged");
        CliRunner.assertBadInput(CliRunner.run("train", "--data", csv.toString(), "--arch", "4-8-3", "--lr", "1e6",
                "--weight-decay", "1e-3", "--epochs", "20", "--quiet", "--out", d.toString()), "training diverged");
        assertFalse(Files.exists(d));
    }

    @Test
    void missingDataFileIsBadInput() {
        Path d = dir.resolve("nodata");
        CliRunner.assertBadInput(CliRunner.run("train", "--data", dir.resolve("nope.csv").toString(), "--arch", "4-8-3",
                "--lr", "0.1", "--epochs", "5", "--out", d.toString()), "no such file");
        assertFalse(Files.exists(d));
    }

    @Test
    void idxImagesWithLabelsTrainAClassifier() throws IOException {
        Path idxDir = Files.createDirectories(dir.resolve("idx"));
        Path[] files = IdxFiles.mnistLike(idxDir, 40, 3, 3, 2, true, 11);
        Path d = dir.resolve("idxrun");
        CliRunner.Result r = CliRunner.ok("train", "--data", files[0].toString(), "--labels", files[1].toString(),
                "--arch", "9-4-2", "--loss", "ce", "--lr", "0.5", "--weight-decay", "1e-3", "--epochs", "20", "--quiet",
                "--out", d.toString());
        assertTrue(r.out().contains("grad norm"), r.out());
        JsonNode s = Json.read(d.resolve("summary.json"));
        assertEquals(20, s.get("summary").get("total_steps").asInt());
        assertEquals("9-4-2", s.get("config").get("arch").asText());
        assertEquals(2, s.get("summary").get("layers").size());
        JsonNode inputs = Json.read(d.resolve("manifest.json")).get("inputs");
        assertEquals(List.of("--data", "--labels"), List.of(inputs.get(0).get("role").asText(), inputs.get(1).get("role").asText()));
        assertEquals(Digests.sha256Hex(files[1]), inputs.get(1).get("sha256").asText());
    }

    @Test
    void idxMismatchesAndBadFilesAreBadInput() throws IOException {
        Path idxDir = Files.createDirectories(dir.resolve("idxbad"));
        Path[] files = IdxFiles.mnistLike(idxDir, 40, 3, 3, 2, false, 12);
        Path fewer = IdxFiles.write(idxDir.resolve("fewer"), IdxFiles.bytes(Idx.UBYTE, new int[]{3}, new double[]{0, 1, 0}), false);
        String[][] cases = {
                {files[0].toString(), files[1].toString(), "10-4-2"},
                {files[0].toString(), fewer.toString(), "9-4-2"},
                {csv.toString(), files[1].toString(), "9-4-2"},
                {files[0].toString(), idxDir.resolve("none").toString(), "9-4-2"},
        };
        String[] fragments = {"--arch 10-4-2 does not fit the data: 9 pixels per image and 2 classes, e.g. --arch 9-4-2",
                "40 images but 3 labels", "bad magic number", "--labels " + idxDir.resolve("none") + ": no such file"};
        for (int k = 0; k < cases.length; k++) {
            Path d = dir.resolve("idxbad" + k);
            CliRunner.assertBadInput(CliRunner.run("train", "--data", cases[k][0], "--labels", cases[k][1], "--arch",
                    cases[k][2], "--lr", "0.1", "--epochs", "2", "--out", d.toString()), fragments[k]);
            assertFalse(Files.exists(d), d::toString);
        }
    }

    @Test
    void initFromSavedNetworkStartsFromItsExactWeights() throws IOException {
        Path first = dir.resolve("first");
        CliRunner.ok("train", "--data", csv.toString(), "--arch", "4-8-3", "--activation", "tanh", "--lr", "0.1",
                "--weight-decay", "1e-2", "--epochs", "50", "--diagnose-every", "10", "--seed", "3", "--quiet",
                "--out", first.toString());
        Path saved = first.resolve("network.flm");
        Network network = NetworkFile.load(saved);
        assertEquals("4-8-3", TrainConfig.archString(network.widths()));
        assertEquals(Activation.TANH, network.layer(0).activation());
        assertEquals(Activation.IDENTITY, network.layer(1).activation());
        double finalLoss = Json.read(first.resolve("summary.json")).get("summary").get("train_loss").asDouble();

        Path second = dir.resolve("second");
        CliRunner.ok("train", "--data", csv.toString(), "--arch", "4-8-3", "--activation", "tanh", "--lr", "0.1",
                "--weight-decay", "1e-2", "--epochs", "1", "--diagnose-every", "1", "--seed", "3", "--quiet",
                "--init", "from:" + saved, "--out", second.toString());
        double[] start = series(second, "train", "train_loss").get(0);
        assertEquals(0.0, start[0], 0.0);
        assertEquals(finalLoss, start[1], 1e-12);
        assertEquals("from:" + saved, Json.read(second.resolve("summary.json")).get("config").get("init").asText());
        JsonNode init = Json.read(second.resolve("manifest.json")).get("inputs").get(1);
        assertEquals("--init", init.get("role").asText());
        assertEquals(Digests.sha256Hex(saved), init.get("sha256").asText());
        assertTrue(Files.size(second.resolve("network.flm")) > 0);
    }

    @Test
    void initFromMismatchedOrForeignFileIsBadInput() throws IOException {
        Path first = dir.resolve("small");
        CliRunner.ok("train", "--data", csv.toString(), "--arch", "4-5-3", "--lr", "0.1", "--epochs", "2", "--quiet",
                "--out", first.toString());
        String saved = first.resolve("network.flm").toString();
        Path d = dir.resolve("wider");
        CliRunner.assertBadInput(CliRunner.run("train", "--data", csv.toString(), "--arch", "4-8-3", "--lr", "0.1",
                "--epochs", "2", "--init", "from:" + saved, "--out", d.toString()),
                "the saved network is 4-5-3 but --arch is 4-8-3");
        assertFalse(Files.exists(d));
        CliRunner.assertBadInput(CliRunner.run("train", "--data", csv.toString(), "--arch", "4-5-3", "--lr", "0.1",
                "--activation", "tanh", "--epochs", "2", "--init", "from:" + saved, "--out", d.toString()),
                "layer 0 of the saved network uses relu but this run needs tanh (--activation tanh)");
        CliRunner.assertBadInput(CliRunner.run("train", "--data", csv.toString(), "--arch", "4-5-3", "--lr", "0.1",
                "--no-bias", "--epochs", "2", "--init", "from:" + saved, "--out", d.toString()),
                "--init from:" + saved + ": layer 0 of the saved network has biases but this run has none (see --no-bias)");
        CliRunner.assertBadInput(CliRunner.run("train", "--data", csv.toString(), "--arch", "4-5-3", "--lr", "0.1",
                "--epochs", "2", "--init", "from:" + dir.resolve("absent.flm"), "--out", d.toString()), "absent.flm");
        Path notNetwork = dir.resolve("other.flm");
        ModelArchive.write(notNetwork, ModelArchive.of((com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper()
                .readTree("{\"model\":{\"kind\":\"featurelab-tabular-rfm\"}}"),
                Provenance.capture(0, "x", Json.object(), Provenance.API, "none"), java.util.Map.of()));
        CliRunner.assertBadInput(CliRunner.run("train", "--data", csv.toString(), "--arch", "4-5-3", "--lr", "0.1",
                "--epochs", "2", "--init", "from:" + notNetwork, "--out", d.toString()),
                "holds a 'featurelab-tabular-rfm' model, not a featurelab network");
        assertFalse(Files.exists(d));
    }

    private static List<CSVRecord> records(Path runDir) throws IOException {
        try (Reader r = Files.newBufferedReader(runDir.resolve("metrics.csv"));
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(r)) {
            assertEquals(List.of("run", "step", "metric", "value"), p.getHeaderNames());
            return p.getRecords();
        }
    }

    /** The (step, value) rows of one run and metric of metrics.csv, in file order. */
    private static List<double[]> series(Path runDir, String run, String metric) throws IOException {
        return records(runDir).stream().filter(r -> r.get("run").equals(run) && r.get("metric").equals(metric))
                .map(r -> new double[] {Double.parseDouble(r.get("step")), Double.parseDouble(r.get("value"))}).toList();
    }

    private static double[] last(List<double[]> rows) {
        return rows.get(rows.size() - 1);
    }
}
