package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code experiment centered-nfa --data DIR} on the committed Fashion-MNIST fixture (src/test/resources/data/
 * fashion-mnist-300, train files only, so the test rows are further training-file rows), a tiny two-seed run without
 * the chain task; the across-seed summary against the mean and n − 1 sample sd computed here from the per-seed values;
 * a CSV through the same flag; and the bad-input contract of the new flags.
 */
class ExperimentCenteredNfaCommandTest {
    @TempDir
    Path dir;

    @Test
    void fixtureTwoSeedsSummaryIsMeanAndSampleSd() throws IOException {
        Path out = dir.resolve("cnfa");
        CliRunner.ok("experiment", "centered-nfa", "--quick", "--data", ExperimentFactValidationCommandTest.FIXTURE.toString(),
                "--no-chain", "--train-size", "120", "--test-size", "60", "--width", "8", "--epochs", "2", "--init-scales",
                "0.5,1", "--seeds", "2", "--seed", "4", "--quiet", "--out", out.toString());
        JsonNode summary = Json.read(out.resolve("summary.json"));
        JsonNode config = summary.get("config");
        assertFalse(config.get("chain").asBoolean());
        assertEquals(2, config.get("seeds").asInt());
        String source = config.get("data_sources").get(0).asText();
        assertTrue(source.startsWith("real: IDX dir "), source);
        assertTrue(source.contains("further rows of the training file, no t10k files"), source);
        assertTrue(source.contains("standardised"), source);
        assertTrue(source.endsWith("120 training and 60 test rows"), source);
        assertEquals(2, Json.read(out.resolve("manifest.json")).get("inputs").size()); // the two train-* files

        JsonNode s = summary.get("summary");
        assertEquals(2, s.get("runs").size()); // first seed: one task × two init scales
        JsonNode seeds = s.get("seeds");
        assertEquals(List.of(4L, 5L), List.of(seeds.get(0).get("seed").asLong(), seeds.get(1).get("seed").asLong()));
        JsonNode across = s.get("across_seeds");
        assertEquals(2, across.get("seeds").asInt());
        for (int i = 0; i < 2; i++) {
            JsonNode a = across.get("runs").get(i);
            for (String key : List.of("uc_nfa", "c_nfa", "control", "test_error")) {
                double v0 = seeds.get(0).get("runs").get(i).get(key).asDouble();
                double v1 = seeds.get(1).get("runs").get(i).get(key).asDouble();
                meanAndSd(a, key, new double[]{v0, v1});
            }
            // per layer (5 weight matrices, readout last): the same statistics of the per-seed arrays
            assertEquals(5, a.get("c_nfa_layers_mean").size());
            for (int l = 0; l < 5; l++) {
                double v0 = seeds.get(0).get("runs").get(i).get("c_nfa_layers").get(l).asDouble();
                double v1 = seeds.get(1).get("runs").get(i).get("c_nfa_layers").get(l).asDouble();
                assertClose(a.get("c_nfa_layers_mean").get(l).asDouble(), (v0 + v1) / 2, 1e-12, 1e-15, "layer " + l);
                assertClose(a.get("c_nfa_layers_sd").get(l).asDouble(), Math.abs(v0 - v1) / Math.sqrt(2), 1e-12, 1e-15,
                        "layer " + l + " sd");
            }
            // the seeds are different runs (a summary of one run twice would have sd 0)
            assertNotEquals(seeds.get(0).get("runs").get(i).get("c_nfa").asDouble(),
                    seeds.get(1).get("runs").get(i).get("c_nfa").asDouble());
            // the top-level runs are the first seed's
            assertEquals(seeds.get(0).get("runs").get(i).get("c_nfa").asDouble(), s.get("runs").get(i).get("c_nfa").asDouble());
        }
        JsonNode slo = across.get("slo");
        assertEquals(2, slo.size()); // SGD and SLO on the one task
        for (int i = 0; i < 2; i++) {
            meanAndSd(slo.get(i), "test_error", new double[]{seeds.get(0).get("slo").get(i).get("test_error").asDouble(),
                    seeds.get(1).get("slo").get(i).get("test_error").asDouble()});
        }
        assertFalse(s.has("early")); // the early-time part uses the chain task
    }

    @Test
    void csvStillWorksThroughData() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 7).append(',').append((i * 13) % 5).append(',').append(i % 3).append(',')
                    .append(i % 7 > 3 ? "yes" : "no").append('\n');
        }
        Path file = Files.writeString(dir.resolve("t.csv"), csv);
        Path out = dir.resolve("csv");
        CliRunner.ok("experiment", "centered-nfa", "--quick", "--data", file.toString(), "--no-chain", "--width", "4", "--epochs",
                "1", "--init-scales", "1", "--quiet", "--out", out.toString());
        JsonNode summary = Json.read(out.resolve("summary.json"));
        String source = summary.get("config").get("data_sources").get(0).asText();
        assertTrue(source.startsWith("real: " + file), source);
        assertTrue(source.endsWith("48 training and 12 test rows"), source); // 80/20 split of 60 rows
        assertEquals(1, summary.get("summary").get("across_seeds").get("seeds").asInt()); // --quick: one seed
        assertEquals(5, summary.get("summary").get("runs").get(0).get("c_nfa_layers").size()); // 5 weight matrices
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
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--no-chain", "--no-real-data", "--out",
                d.toString()), "--no-chain with --no-real-data leaves no task to run");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--quick", "--data", fixture, "--no-chain",
                "--train-size", "250", "--test-size", "100", "--out", d.toString()), "exceed the 300 images");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--data", dir.resolve("missing.csv").toString(),
                "--out", d.toString()), "--data");
        assertFalse(Files.exists(d));
    }

    /** {@code KEY_mean} = (1/n)Σv, {@code KEY_sd} = √(Σ(v − mean)²/(n − 1)), computed here. */
    private static void meanAndSd(JsonNode o, String key, double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        assertClose(o.get(key + "_mean").asDouble(), mean, 1e-12, 1e-15, key + " mean");
        assertClose(o.get(key + "_sd").asDouble(), Math.sqrt(ss / (v.length - 1)), 1e-12, 1e-15, key + " sd");
    }
}
