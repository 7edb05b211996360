package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.featurelab.base.Task;
import org.featurelab.benchmark.CsvFolds;
import org.featurelab.io.Json;
import org.featurelab.table.Table;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tree models through the command line: {@code benchmark csv} and {@code benchmark uci} put {@code xgboost} and
 * {@code xgboost-tuned} beside the kernels (same folds, same tables), a unit's test score is exactly what
 * {@code fit --model xgboost} + {@code eval} give on the fold's rows, {@code predict} / {@code eval} / {@code inspect}
 * read the saved trees, and bad input is one line with exit 2.
 */
class XgboostCommandsTest {
    static final Path SMALL = TestData.small("iris").getParent();

    @TempDir
    Path dir;

    private Path manifest() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.copy(SMALL.resolve("iris.csv"), data.resolve("iris.csv"));
        Files.copy(SMALL.resolve("diabetes.csv"), data.resolve("diabetes.csv"));
        Path m = dir.resolve("manifest.tsv");
        Files.writeString(m, "file\ttarget\ttask\tdrop\n" + "data/iris.csv\tspecies\tclassification\t\n"
                + "data/diabetes.csv\tprogression\tregression\t\n");
        return m;
    }

    @Test
    void benchmarkCsvPutsTheTreesBesideTheKernelsAndAgreesWithFitAndEval() throws IOException {
        Path out = dir.resolve("out");
        CliRunner.ok("benchmark", "csv", "--manifest", manifest().toString(), "--folds", "2", "--quick",
                "--models", "laplace,xgboost,xgboost-tuned", "--out", out.toString(), "-q");
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(out.resolve("results.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        assertEquals(2 * 2 * 3, rows.size());
        for (CSVRecord r : rows) {
            String model = r.get("model");
            if (model.startsWith("xgboost")) {
                assertTrue(r.get("hyperparameters").matches("max_depth=\\d+;eta=[0-9.]+;rounds=\\d+"), r.toString());
                // nothing is tuned for the defaults; the tuned model reports its validation score
                assertEquals(model.equals("xgboost"), r.get("validation_score").equals("NaN"), r.toString());
            }
        }
        String summary = Files.readString(out.resolve("summary.md"));
        for (String m : List.of("laplace", "xgboost", "xgboost-tuned")) {
            assertTrue(summary.contains("| " + m + " |"), summary);
        }
        JsonNode learner = Json.read(out.resolve("manifest.json")).get("provenance").get("configuration").get("protocol")
                .get("learner");
        assertEquals("max_depth=6;eta=0.3;rounds=100", learner.get("xgboost").get("defaults").asText());
        assertTrue(learner.get("xgboost-tuned").get("tuned").asBoolean());
        // a unit is fit + eval on the fold's rows, to the last bit
        double unit = Double.parseDouble(rows.stream().filter(r -> r.get("dataset").equals("iris") && r.get("fold").equals("1")
                && r.get("model").equals("xgboost-tuned")).findFirst().orElseThrow().get("test_score"));
        assertEquals(unit, fitAndEval(SMALL.resolve("iris.csv"), "species", Task.CLASSIFICATION, 1, "xgboost-tuned", "accuracy"));
        double reg = Double.parseDouble(rows.stream().filter(r -> r.get("dataset").equals("diabetes") && r.get("fold").equals("0")
                && r.get("model").equals("xgboost")).findFirst().orElseThrow().get("test_score"));
        assertEquals(reg, fitAndEval(SMALL.resolve("diabetes.csv"), "progression", Task.REGRESSION, 0, "xgboost", "r2"));
    }

    @Test
    void benchmarkUciRunsTheTreesOnTheKernelsFolds() throws IOException {
        Path out = dir.resolve("uci");
        CliRunner.ok("benchmark", "uci", "--data", TestData.uciFixture().toString(), "--datasets", "iris",
                "--models", "laplace,xgboost,xgboost-tuned", "--out", out.toString(), "-q");
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(1 + 4 * 3, lines.size());
        for (String l : lines.subList(1, lines.size())) {
            if (l.contains(",xgboost")) {
                assertTrue(l.matches("iris,\\d,xgboost(-tuned)?,max_depth=\\d+;eta=[0-9.]+;rounds=\\d+;tuning_rows=\\d+;"
                        + "refit_rows=\\d+,.*"), l);
                double acc = Double.parseDouble(l.split(",")[5]);
                assertTrue(acc > 0.85, l); // iris: three classes of 1/3 each
            }
        }
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| xgboost |") && summary.contains("| xgboost-tuned |"), summary);
    }

    @Test
    void fitPredictEvalInspectReadTheSavedTrees() throws IOException {
        Path model = dir.resolve("wine.flm");
        String fit = CliRunner.ok("fit", "--data", SMALL.resolve("wine.csv").toString(), "--target", "cultivar",
                "--model", "xgboost", "--out", model.toString(), "-q").out();
        assertTrue(fit.contains("model       xgboost (gradient-boosted trees, XGBoost)"), fit);
        assertTrue(fit.contains("chosen      max_depth=6 eta=0.3 rounds=100"), fit);
        Path pred = dir.resolve("pred.csv");
        CliRunner.ok("predict", "--model", model.toString(), "--data", SMALL.resolve("wine.csv").toString(), "--out",
                pred.toString(), "-q");
        List<String> p = Files.readAllLines(pred);
        assertEquals(1 + 178, p.size());
        assertEquals("prediction,score_class_0,score_class_1,score_class_2,prob_class_0,prob_class_1,prob_class_2", p.get(0));
        JsonNode e = Json.mapper().readTree(CliRunner.ok("eval", "--model", model.toString(), "--data",
                SMALL.resolve("wine.csv").toString(), "--json").out());
        assertEquals(1.0, e.get("accuracy").asDouble()); // 100 rounds of depth 6 fit 178 training rows exactly
        String inspect = CliRunner.ok("inspect", "--model", model.toString()).out();
        assertTrue(inspect.contains("share of XGBoost's total gain"), inspect);
        assertTrue(inspect.contains("kind              xgboost, gradient-boosted trees"), inspect);
        assertFalse(inspect.contains("eigenvectors"), inspect);
        CliRunner.assertBadInput(CliRunner.run("inspect", "--model", model.toString(), "--png",
                dir.resolve("m.png").toString()), "has none");
        assertFalse(Files.exists(dir.resolve("m.png")));
    }

    @Test
    void badInputIsOneLine() throws IOException {
        Path out = dir.resolve("m.flm");
        String data = SMALL.resolve("iris.csv").toString();
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", data, "--target", "species", "--model", "xgbost",
                "--out", out.toString()), "unknown model 'xgbost': expected laplace, nfa-rfm, fact-rfm, fact-rfm-gm, nfa-rfm-sqrt, nfa-rfm+laplace-l1, xgboost or xgboost-tuned");
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", data, "--target", "species", "--model", "xgboost",
                "--bandwidth", "5", "--iters", "2", "--out", out.toString()), "--iters, --bandwidth apply to the kernel models, not to xgboost");
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", data, "--target", "species", "--model", "xgboost",
                "--patience", "1", "--out", out.toString()), "--patience applies to the kernel models, not to xgboost");
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", data, "--target", "species", "--patience", "-1",
                "--out", out.toString()), "--patience must be in 0..100 (0: every iteration), got -1");
        assertFalse(Files.exists(out));
        Path bench = dir.resolve("bench");
        Path manifest = manifest();
        CliRunner.assertBadInput(CliRunner.run("benchmark", "csv", "--manifest", manifest.toString(), "--models",
                "xgboost,XGBoost", "--out", bench.toString()), "--models lists xgboost twice");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "csv", "--manifest", manifest.toString(), "--models",
                "nfa-rfm", "--patience", "-1", "--out", bench.toString()), "--patience must be in 0..100");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", TestData.uciFixture().toString(), "--models",
                "xgboost,xgbost", "--out", bench.toString()), "unknown model 'xgbost'");
        assertFalse(Files.exists(bench));
    }

    /** fit --model MODEL on fold {@code fold}'s training rows (2 folds, seed 0) and eval --json on its test rows. */
    private double fitAndEval(Path csv, String target, Task task, int fold, String model, String key) throws IOException {
        Table table = Table.readCsv(csv);
        CsvFolds.Fold f = CsvFolds.fold(CsvFolds.assign(table, target, task, 2, CsvFolds.DEFAULT_SEED), fold);
        Path train = writeRows(table, f.train(), dir.resolve(model + "-train.csv"));
        Path test = writeRows(table, f.test(), dir.resolve(model + "-test.csv"));
        Path flm = dir.resolve(model + ".flm");
        CliRunner.ok("fit", "--data", train.toString(), "--target", target, "--task", task.label(), "--model", model,
                "--seed", "0", "--out", flm.toString(), "--quiet");
        JsonNode e = Json.mapper().readTree(CliRunner.ok("eval", "--model", flm.toString(), "--data", test.toString(), "--json").out());
        return e.get(key).asDouble();
    }

    private static Path writeRows(Table table, int[] rows, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord(table.columnNames());
            for (int i : rows) {
                List<String> cells = new ArrayList<>();
                for (int j = 0; j < table.columnCount(); j++) {
                    cells.add(table.cell(i, j));
                }
                csv.printRecord(cells);
            }
        }
        return file;
    }
}
