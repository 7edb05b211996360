package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code experiment centered-nfa --data DIR} on the committed Fashion-MNIST fixture (src/test/resources/data/
 * fashion-mnist-300, train files only, so the test rows are further training-file rows): a tiny run without the chain
 * task, one SGD step per run, because each diagnosed step does several 784×784 eigendecompositions; the across-seed
 * summary of a three-seed run on a small CSV (which also checks that a CSV still works through --data) against the mean
 * and n − 1 sample sd computed here from the per-seed values; and the bad-input contract of the new flags.
 */
class ExperimentCenteredNfaCommandTest {
    @TempDir
    Path dir;

    @Test
    void fashionMnistFixtureThroughData() throws IOException {
        Path out = dir.resolve("cnfa");
        CliRunner.ok("experiment", "centered-nfa", "--quick", "--data", ExperimentFactValidationCommandTest.FIXTURE.toString(),
                "--no-chain", "--train-size", "40", "--test-size", "20", "--width", "8", "--epochs", "1", "--init-scales", "1",
                "--diagnoses", "1", "--quiet", "--out", out.toString());
        JsonNode summary = Json.read(out.resolve("summary.json"));
        JsonNode config = summary.get("config");
        assertFalse(config.get("chain").asBoolean());
        assertEquals(1, config.get("seeds").asInt()); // --quick: one seed
        String source = config.get("data_sources").get(0).asText();
        assertTrue(source.startsWith("real: IDX dir "), source);
        assertTrue(source.contains("further rows of the training file, no t10k files"), source);
        assertTrue(source.contains("standardised"), source);
        assertTrue(source.contains("inputs times " + String.format(Locale.ROOT, "%.6g", 1 / Math.sqrt(784))), source);
        assertTrue(source.endsWith("40 training and 20 test rows"), source);
        assertEquals(2, Json.read(out.resolve("manifest.json")).get("inputs").size()); // the two train-* files
        JsonNode s = summary.get("summary");
        JsonNode run = s.get("runs").get(0);
        assertEquals(5, run.get("c_nfa_layers").size());
        assertClose(run.get("readout_c_nfa").asDouble(), 1.0, 0, 1e-12, "readout C-NFA (K = n·I at the linear readout)");
        assertEquals(2, s.get("slo").size()); // SGD and SLO on the one task
        assertFalse(s.has("early")); // the early-time part uses the chain task
        double err = run.get("test_error").asDouble();
        assertEquals(Math.round(err * 20) / 20.0, err, 1e-12); // a misclassification rate over 20 test rows
    }

    @Test
    void threeSeedSummaryIsMeanAndSampleSdOfThePerSeedValues() throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), csv());
        Path out = dir.resolve("csv");
        CliRunner.ok("experiment", "centered-nfa", "--quick", "--data", file.toString(), "--no-chain", "--width", "4", "--epochs",
                "2", "--init-scales", "0.5,1", "--seeds", "3", "--seed", "4", "--quiet", "--out", out.toString());
        JsonNode summary = Json.read(out.resolve("summary.json"));
        String source = summary.get("config").get("data_sources").get(0).asText();
        assertTrue(source.startsWith("real: " + file), source); // a CSV keeps working through --data
        assertTrue(source.endsWith("48 training and 12 test rows"), source); // 80/20 split of 60 rows
        JsonNode s = summary.get("summary");
        assertEquals(2, s.get("runs").size()); // first seed: one task × two init scales
        JsonNode seeds = s.get("seeds");
        assertEquals(3, seeds.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(4 + k, seeds.get(k).get("seed").asLong());
        }
        JsonNode across = s.get("across_seeds");
        assertEquals(3, across.get("seeds").asInt());
        for (int i = 0; i < 2; i++) {
            JsonNode a = across.get("runs").get(i);
            for (String key : List.of("uc_nfa", "c_nfa", "control", "test_error")) {
                meanAndSd(a, key, perSeed(seeds, "runs", i, key, -1));
            }
            // per layer (5 weight matrices, readout last): the same statistics of the per-seed arrays
            assertEquals(5, a.get("c_nfa_layers_mean").size());
            for (int l = 0; l < 5; l++) {
                meanAndSd(a, "c_nfa_layers", perSeed(seeds, "runs", i, "c_nfa_layers", l), l);
                meanAndSd(a, "relative_change_layers", perSeed(seeds, "runs", i, "relative_change_layers", l), l);
            }
            // the seeds are different runs (a summary of one run thrice would have sd 0)
            assertTrue(a.get("c_nfa_sd").asDouble() > 0, a.toString());
            // the top-level runs are the first seed's
            assertEquals(seeds.get(0).get("runs").get(i).get("c_nfa").asDouble(), s.get("runs").get(i).get("c_nfa").asDouble());
        }
        JsonNode slo = across.get("slo");
        assertEquals(2, slo.size()); // SGD and SLO on the one task
        for (int i = 0; i < 2; i++) {
            meanAndSd(slo.get(i), "test_error", perSeed(seeds, "slo", i, "test_error", -1));
        }
    }

    @Test
    void badNewFlagsExitTwoAndWriteNothing() {
        Path d = dir.resolve("d");
        String fixture = ExperimentFactValidationCommandTest.FIXTURE.toString();
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--seeds", "0", "--out", d.toString()),
                "--seeds ≥ 1");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--train-size", "1", "--out", d.toString()),
                "--train-size ≥ 2");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--test-size", "0", "--out", d.toString()),
                "--test-size ≥ 1");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--diagnostic-rows", "0", "--out", d.toString()),
                "--diagnostic-rows ≥ 1");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--diagnoses", "0", "--out", d.toString()),
                "--diagnoses ≥ 1");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--no-chain", "--no-real-data", "--out",
                d.toString()), "--no-chain with --no-real-data leaves no task to run");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--quick", "--data", fixture, "--no-chain",
                "--train-size", "250", "--test-size", "100", "--out", d.toString()), "exceed the 300 images");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--data", dir.resolve("missing.csv").toString(),
                "--out", d.toString()), "--data");
        assertFalse(Files.exists(d));
    }

    /** 60 rows, 3 numeric features, a yes/no label. */
    private static String csv() {
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 7).append(',').append((i * 13) % 5).append(',').append(i % 3).append(',')
                    .append(i % 7 > 3 ? "yes" : "no").append('\n');
        }
        return csv.toString();
    }

    /** The value {@code key} (element {@code layer} of it when ≥ 0) of entry {@code i} of {@code part} of every seed. */
    private static double[] perSeed(JsonNode seeds, String part, int i, String key, int layer) {
        double[] v = new double[seeds.size()];
        for (int k = 0; k < v.length; k++) {
            JsonNode x = seeds.get(k).get(part).get(i).get(key);
            v[k] = (layer < 0 ? x : x.get(layer)).asDouble();
        }
        return v;
    }

    /** {@code KEY_mean} = (1/n)Σv, {@code KEY_sd} = √(Σ(v − mean)²/(n − 1)), computed here. */
    private static void meanAndSd(JsonNode o, String key, double[] v) {
        double[] ms = meanSd(v);
        assertClose(o.get(key + "_mean").asDouble(), ms[0], 1e-12, 1e-15, key + " mean");
        assertClose(o.get(key + "_sd").asDouble(), ms[1], 1e-12, 1e-15, key + " sd");
    }

    /** Element {@code layer} of the arrays {@code KEY_mean}, {@code KEY_sd}. */
    private static void meanAndSd(JsonNode o, String key, double[] v, int layer) {
        double[] ms = meanSd(v);
        assertClose(o.get(key + "_mean").get(layer).asDouble(), ms[0], 1e-12, 1e-15, key + " mean, layer " + layer);
        assertClose(o.get(key + "_sd").get(layer).asDouble(), ms[1], 1e-12, 1e-15, key + " sd, layer " + layer);
    }

    private static double[] meanSd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new double[]{mean, Math.sqrt(ss / (v.length - 1))};
    }
}
