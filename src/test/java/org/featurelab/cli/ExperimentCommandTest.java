package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        for (String f : new String[]{"summary.json", "metrics.csv", "index.html", "accuracy.png", "nfa-rfm_M_reordered.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode s = Json.read(out.resolve("summary.json"));
        assertEquals("mul", s.get("config").get("op").asText());
        assertEquals(7, s.get("config").get("p").asInt());
        assertTrue(s.get("methods").get("fact-rfm").has("grok_iteration"));
        assertFalse(CliRunner.listing(out).stream().anyMatch(n -> n.startsWith(".")), CliRunner.listing(out)::toString);
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
