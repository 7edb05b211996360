package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.io.Json;
import org.featurelab.table.Idx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code experiment fact-validation --data DIR} on the committed Fashion-MNIST fixture
 * (src/test/resources/data/fashion-mnist-300: the first 300 images of Fashion-MNIST's training file, made as its
 * README says): the IDX plumbing (784 inputs, 10 classes, 200 + 100 rows), the stationarity fields, and the bad-input
 * contract of the new flags. The run is far too short to converge, so it must say so. Two diagnoses only (step 0 and the
 * last): each works on 784×784 matrices (AGOP, α sweep, square roots). 3.8 s in an unloaded `mvn verify`.
 */
class ExperimentFactValidationCommandTest {
    static final Path FIXTURE = Path.of("src/test/resources/data/fashion-mnist-300");

    @TempDir
    Path dir;

    @Test
    void fashionMnistFixtureRunsTwoSeedsAndReportsStationarity() throws IOException {
        Idx.Labeled all = Idx.readLabeled(FIXTURE.resolve("train-images-idx3-ubyte.gz"), FIXTURE.resolve("train-labels-idx1-ubyte.gz"));
        assertEquals(300, all.x().rows());
        assertEquals(784, all.x().cols());
        assertEquals(10, all.classes().length);
        Path out = dir.resolve("fact");
        CliRunner.ok("experiment", "fact-validation", "--data", FIXTURE.toString(), "--train-size", "200", "--test-size",
                "100", "--width", "8", "--steps", "4", "--diagnose-every", "4", "--weight-decay", "1e-4", "--seeds", "1",
                "--quiet", "--out", out.toString());
        JsonNode summary = Json.read(out.resolve("summary.json"));
        JsonNode config = summary.get("config");
        assertEquals(200, config.get("trainRows").asInt());
        assertEquals(100, config.get("testRows").asInt());
        assertTrue(config.get("arch").asText().startsWith("784-8-8-8-8-8-10"), config.toString());
        JsonNode s = summary.get("summary");
        assertEquals(1, s.get("seeds").size());
        JsonNode st = s.get("stationarity");
        assertEquals(6, st.get("layers").size());
        assertFalse(st.get("near_stationary").asBoolean(), st.toString());
        assertTrue(st.get("note").asText().startsWith("NOT near"), st.toString());
        assertEquals(st.get("grad_norm").asDouble() / st.get("decay_norm").asDouble(), st.get("ratio").asDouble(),
                1e-12 * st.get("ratio").asDouble());
        assertEquals(2, Json.read(out.resolve("manifest.json")).get("inputs").size()); // the two train-* files
        assertTrue(Files.readString(out.resolve("metrics.csv")).contains("stationarity,4,max_layer_ratio,"));
    }

    @Test
    void badNewFlagsExitTwoAndWriteNothing() {
        CliRunner.assertBadInput(CliRunner.run("experiment", "fact-validation", "--seeds", "0", "--out",
                dir.resolve("d").toString()), "--seeds");
        CliRunner.assertBadInput(CliRunner.run("experiment", "fact-validation", "--diagnose-every", "0", "--out",
                dir.resolve("d").toString()), "--diagnose-every");
        CliRunner.assertBadInput(CliRunner.run("experiment", "fact-validation", "--test-size", "0", "--out",
                dir.resolve("d").toString()), "--test-size");
        CliRunner.assertBadInput(CliRunner.run("experiment", "fact-validation", "--data", FIXTURE.toString(), "--train-size",
                "250", "--test-size", "100", "--out", dir.resolve("d").toString()), "exceed the 300 images");
        CliRunner.assertBadInput(CliRunner.run("experiment", "fact-validation", "--polish-steps", "-1", "--out",
                dir.resolve("d").toString()), "--polish-steps");
        CliRunner.assertBadInput(CliRunner.run("experiment", "fact-validation", "--activation", "identity", "--out",
                dir.resolve("d").toString()), "--activation must be relu or tanh");
        CliRunner.assertBadInput(CliRunner.run("experiment", "fact-validation", "--activation", "gelu", "--out",
                dir.resolve("d").toString()), "unknown 'gelu'");
        assertFalse(Files.exists(dir.resolve("d")));
    }
}
