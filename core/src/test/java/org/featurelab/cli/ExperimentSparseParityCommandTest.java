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

/** {@code experiment sparse-parity --methods}: the variants reach the summary; bad specs exit 2 and write nothing. */
class ExperimentSparseParityCommandTest {
    @TempDir
    Path dir;

    @Test
    void methodsFlagRunsTheNamedVariants() throws IOException {
        Path out = dir.resolve("p");
        CliRunner.ok("experiment", "sparse-parity", "--k", "2", "--n", "100", "--iterations", "1", "--methods",
                "nfa-sqrt,nfa-centered:none", "--quiet", "--out", out.toString());
        JsonNode runs = Json.read(out.resolve("summary.json")).get("summary").get("runs");
        assertEquals(2, runs.size());
        assertEquals("nfa-sqrt-rfm", runs.get(0).get("method").asText());
        assertEquals("max", runs.get(0).get("scaling").asText());
        assertEquals("nfa-centered-rfm-scale-none", runs.get(1).get("method").asText());
        assertEquals("nfa-centered", runs.get(1).get("update").asText());
        assertEquals("none", runs.get(1).get("scaling").asText());
    }

    @Test
    void badMethodSpecsExitTwo() {
        CliRunner.assertBadInput(CliRunner.run("experiment", "sparse-parity", "--methods", "nfa:sideways", "--out",
                dir.resolve("d").toString()), "unknown M scaling 'sideways'");
        CliRunner.assertBadInput(CliRunner.run("experiment", "sparse-parity", "--methods", "nfa,nfa:max", "--out",
                dir.resolve("d").toString()), "methods must be distinct");
        CliRunner.assertBadInput(CliRunner.run("experiment", "sparse-parity", "--methods", "fact-centered", "--out",
                dir.resolve("d").toString()), "unknown feature update");
        assertFalse(Files.exists(dir.resolve("d")));
    }
}
