package org.featurelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fit --max-leaf-size}: the tree-partitioned kernel machine through fit, predict, eval and inspect. */
class PartitionedFitCommandTest {
    @TempDir
    Path dir;

    @Test
    void fitPredictEvalAndInspectATree() throws IOException {
        Path train = CliRunner.blobs(dir.resolve("train.csv"), 400, 1);
        Path test = CliRunner.blobs(dir.resolve("test.csv"), 150, 2);
        Path model = dir.resolve("tree.flm");
        CliRunner.Result fit = CliRunner.ok("fit", "--data", train.toString(), "--target", "label", "--iters", "1",
                "--max-leaf-size", "100", "--out", model.toString());
        assertTrue(fit.out().contains("tree        4 leaves of at most 100 rows, depth 2"), fit.out());
        assertTrue(fit.err().contains("a tree-partitioned RFM with leaves of at most 100 rows"), fit.err());
        assertTrue(fit.err().contains("leaf 4/4"), fit.err());
        Path predictions = dir.resolve("p.csv");
        CliRunner.ok("predict", "--model", model.toString(), "--data", test.toString(), "--out", predictions.toString(), "-q");
        List<String> lines = Files.readAllLines(predictions);
        assertEquals(151, lines.size());
        CliRunner.Result eval = CliRunner.ok("eval", "--model", model.toString(), "--data", test.toString());
        double accuracy = Double.parseDouble(eval.out().replaceAll("(?s).*accuracy\\s+([0-9.]+).*", "$1"));
        assertTrue(accuracy > 0.9, eval.out()); // three well separated blobs
        CliRunner.Result inspect = CliRunner.ok("inspect", "--model", model.toString());
        assertTrue(inspect.out().contains("Tree (x·v <= threshold goes left)"), inspect.out());
        assertTrue(inspect.out().contains("split of 400 rows at"), inspect.out());
        assertTrue(inspect.out().contains("leaf 3: 100 rows"), inspect.out());
        assertTrue(inspect.out().contains("Column importances"), inspect.out());
    }

    @Test
    void withValidationTheTuningCapAppliesToATreeAndIsRefusedForAnExactFit() throws IOException {
        Path train = CliRunner.blobs(dir.resolve("train.csv"), 400, 1);
        Path val = CliRunner.blobs(dir.resolve("val.csv"), 90, 2);
        Path model = dir.resolve("capped-tree.flm");
        CliRunner.ok("fit", "--data", train.toString(), "--validation", val.toString(), "--target", "label", "--iters", "1",
                "--max-leaf-size", "100", "--max-tuning-rows", "120", "--out", model.toString(), "-q");
        org.featurelab.tabular.TabularModel m = org.featurelab.tabular.TabularModel.load(model);
        assertEquals(120, m.config().maxTuningRows());
        assertEquals(120, m.tuning().fitRows(), "(L, λ) chosen on 120 rows of --data");
        assertEquals(90, m.tuning().validationRows());
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", train.toString(), "--validation", val.toString(),
                "--target", "label", "--max-tuning-rows", "120", "--out", dir.resolve("exact.flm").toString()),
                "--max-tuning-rows does not apply here: with --validation an exact fit fits every candidate on all 400 rows");
    }

    @Test
    void aBadLeafSizeIsBadInput() throws IOException {
        Path train = CliRunner.blobs(dir.resolve("t.csv"), 60, 3);
        Path model = dir.resolve("m.flm");
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", train.toString(), "--target", "label",
                "--max-leaf-size", "x", "--out", model.toString()), "--max-leaf-size: expected a row count or auto, got 'x'");
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", train.toString(), "--target", "label",
                "--max-leaf-size", "5", "--out", model.toString()), "--max-leaf-size must be >= 20 (or 0: automatic), got 5");
        assertFalse(Files.exists(model));
    }
}
