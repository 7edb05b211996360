package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.featurelab.io.Json;
import org.featurelab.testing.TestData;
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
 * The ensemble nfa-rfm+laplace-l1 through the command line: {@code fit} names both members, {@code predict},
 * {@code eval} and {@code inspect} read the saved ensemble, {@code benchmark csv} runs it beside the single models, and
 * a kernel flag it cannot honour is bad input.
 */
class EnsembleCommandsTest {
    static final Path IRIS = TestData.small("iris");

    @TempDir
    Path dir;

    @Test
    void fitPredictEvalInspect() throws IOException {
        Path model = dir.resolve("e.flm");
        String fit = CliRunner.ok("fit", "--data", IRIS.toString(), "--target", "species", "--model", "nfa-rfm+laplace-l1",
                "--iters", "1", "--bandwidth", "10", "--out", model.toString(), "-q").out();
        assertTrue(fit.contains("model       nfa-rfm+laplace-l1 (ensemble of 2 kernel machines"), fit);
        assertTrue(fit.contains("member      nfa-rfm (kernel laplace): L=10 ridge="), fit);
        assertTrue(fit.contains("member      laplace-l1 (kernel product-laplace): L=10 ridge="), fit);
        Path predictions = dir.resolve("p.csv");
        CliRunner.ok("predict", "--model", model.toString(), "--data", IRIS.toString(), "--out", predictions.toString(), "-q");
        List<String> lines = Files.readAllLines(predictions);
        assertEquals(151, lines.size());
        assertTrue(lines.get(0).startsWith("prediction,score_"), lines.get(0));
        String eval = CliRunner.ok("eval", "--model", model.toString(), "--data", IRIS.toString()).out();
        double accuracy = Double.parseDouble(eval.lines().filter(l -> l.startsWith("accuracy")).findFirst().orElseThrow()
                .substring("accuracy".length()).strip());
        assertTrue(accuracy > 0.95, eval);
        String inspect = CliRunner.ok("inspect", "--model", model.toString()).out();
        assertTrue(inspect.contains("member 1          nfa-rfm: kernel laplace"), inspect);
        assertTrue(inspect.contains("member 2          laplace-l1: kernel product-laplace"), inspect);
        assertTrue(inspect.contains("Column importances"), inspect);
    }

    @Test
    void aKernelFlagIsBadInputAndWritesNothing() {
        Path model = dir.resolve("x.flm");
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", IRIS.toString(), "--target", "species", "--model",
                "nfa-rfm+laplace-l1", "--kernel", "gaussian", "--out", model.toString()), "fixes its members' kernels");
        assertFalse(Files.exists(model));
    }

    @Test
    void benchmarkCsvRunsTheEnsembleBesideItsFirstMember() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.copy(IRIS, data.resolve("iris.csv"));
        Path manifest = dir.resolve("manifest.tsv");
        Files.writeString(manifest, "file\ttarget\ttask\tdrop\ndata/iris.csv\tspecies\tclassification\t\n");
        Path out = dir.resolve("out");
        CliRunner.ok("benchmark", "csv", "--manifest", manifest.toString(), "--folds", "2", "--quick", "--models",
                "nfa-rfm,nfa-rfm+laplace-l1", "--out", out.toString(), "-q");
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(out.resolve("results.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        assertEquals(4, rows.size());
        for (CSVRecord r : rows) {
            if (r.get("model").equals("nfa-rfm+laplace-l1")) {
                assertTrue(r.get("hyperparameters").matches("nfa-rfm\\[L=10 ridge=[0-9.]+ iteration=\\d\\]"
                        + "\\+laplace-l1\\[L=10 ridge=[0-9.]+ iteration=0\\]"), r.toString());
                assertTrue(Double.parseDouble(r.get("test_score")) > 0.9, r.toString());
            }
        }
        JsonNode learner = Json.read(out.resolve("manifest.json")).get("provenance").get("configuration").get("protocol")
                .get("learner").get("nfa-rfm+laplace-l1");
        assertEquals("[\"nfa-rfm (kernel laplace)\",\"laplace-l1 (kernel product-laplace)\"]",
                learner.get("members").toString());
    }
}
