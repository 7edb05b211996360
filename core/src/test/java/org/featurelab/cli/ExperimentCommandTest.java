package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.io.Digests;
import org.featurelab.io.Json;
import org.featurelab.io.Provenance;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code featurelab experiment ...} end to end: outputs of a tiny run, and the bad-input contract. */
class ExperimentCommandTest {
    @TempDir
    Path dir;

    @Test
    void grokkingWritesEveryOutput() throws IOException {
        Path out = dir.resolve("grok");
        CliRunner.Result r = CliRunner.ok("experiment", "grokking", "--p", "7", "--iterations", "2", "--op", "mul",
                "--quiet", "--out", out.toString());
        assertTrue(r.out().contains("experiment grokking"), r.out());
        assertEquals("", r.err());
        for (String f : new String[]{"manifest.json", "summary.json", "metrics.csv", "index.html", "accuracy.png",
                "nfa-rfm_M_reordered.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode s = Json.read(out.resolve("summary.json"));
        assertEquals("mul", s.get("config").get("op").asText());
        assertEquals(7, s.get("config").get("p").asInt());
        assertTrue(s.get("summary").get("methods").get("fact-rfm").has("grok_iteration"));
        // the manifest: the provenance of this command line and every file of the run with its SHA-256
        JsonNode m = Json.read(out.resolve("manifest.json"));
        assertEquals("experiment", m.get("kind").asText());
        assertEquals("grokking", m.get("name").asText());
        Provenance p = Provenance.fromJson(m.get("provenance"));
        assertTrue(p.commandLine().startsWith("featurelab experiment grokking --p 7"), p.commandLine());
        assertEquals(0, p.seed());
        assertEquals(Provenance.NO_DATA, p.dataFingerprint());
        assertEquals(s.get("config"), p.configuration());
        assertEquals(0, m.get("inputs").size());
        List<String> listed = new ArrayList<>();
        for (JsonNode f : m.get("files")) {
            listed.add(f.get("name").asText());
            assertEquals(Digests.sha256Hex(out.resolve(f.get("name").asText())), f.get("sha256").asText());
        }
        List<String> onDisk = new ArrayList<>(CliRunner.listing(out));
        onDisk.remove("manifest.json");
        assertEquals(onDisk.stream().sorted().toList(), listed.stream().sorted().toList());
        assertFalse(CliRunner.listing(out).stream().anyMatch(n -> n.startsWith(".")), CliRunner.listing(out)::toString);
    }

    @Test
    void factValidationRecordsItsDataFileInTheManifest() throws IOException {
        Path csv = Files.copy(TestData.small("iris"), dir.resolve("iris.csv"));
        Path out = dir.resolve("fact");
        CliRunner.ok("experiment", "fact-validation", "--quick", "--data", csv.toString(), "--train-size", "60",
                "--width", "4", "--steps", "3", "--quiet", "--out", out.toString());
        JsonNode inputs = Json.read(out.resolve("manifest.json")).get("inputs");
        assertEquals(1, inputs.size());
        assertEquals("--data", inputs.get(0).get("role").asText());
        assertEquals(csv.toAbsolutePath().normalize().toString(), inputs.get(0).get("path").asText());
        assertEquals(Digests.sha256Hex(csv), inputs.get(0).get("sha256").asText());
        // the tidy rows of featurelab train: run train, then one run per layer
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("train,0,train_loss,", rows.get(1).substring(0, "train,0,train_loss,".length()));
        assertTrue(rows.get(4).startsWith("layer0,0,pearson_fact,"), rows.get(4));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        CliRunner.assertBadInput(CliRunner.run("experiment", "grokking", "--op", "pow", "--out", dir.resolve("a").toString()),
                "unknown operation");
        CliRunner.assertBadInput(CliRunner.run("experiment", "grokking", "--p", "12", "--out", dir.resolve("b").toString()),
                "prime");
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        CliRunner.assertBadInput(CliRunner.run("experiment", "sparse-parity", "--out", file.toString()), "is a file");
        CliRunner.assertBadInput(CliRunner.run("experiment", "sparse-parity", "--k", "5", "--out", dir.resolve("c").toString()),
                "k <= 4");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--optimizers", "sgd,adam", "--out",
                dir.resolve("d").toString()), "centered-nfa: --optimizers takes sgd and slo, got adam");
        CliRunner.assertBadInput(CliRunner.run("experiment", "centered-nfa", "--optimizers", "rmsprop", "--out",
                dir.resolve("d").toString()), "--optimizers: unknown 'rmsprop'");
        CliRunner.assertBadInput(CliRunner.run("experiment", "fact-validation", "--lr", "-1", "--out",
                dir.resolve("d").toString()), "fact-validation: --lr > 0, momentum in [0, 1) and --weight-decay > 0");
        CliRunner.assertBadInput(CliRunner.run("experiment", "fact-validation", "--train-size", "1", "--out",
                dir.resolve("d").toString()), "fact-validation: --train-size ≥ 2");
        assertFalse(Files.exists(dir.resolve("d")));
        assertFalse(Files.exists(dir.resolve("a")));
        assertFalse(Files.exists(dir.resolve("b")));
    }
}
