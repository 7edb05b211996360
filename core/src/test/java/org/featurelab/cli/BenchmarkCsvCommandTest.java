package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.featurelab.base.Task;
import org.featurelab.benchmark.CsvFolds;
import org.featurelab.io.Digests;
import org.featurelab.io.Json;
import org.featurelab.io.Provenance;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code featurelab benchmark csv --quick} on copies of the fixtures small/iris.csv (classification) and
 * diabetes.csv (regression) plus a manifest line whose CSV is missing; its test scores must equal, bit for bit, what
 * {@code fit} (with the flags --quick stands for) and {@code eval} give on the same fold's rows.
 */
class BenchmarkCsvCommandTest {
    static final Path SMALL = TestData.small("iris").getParent();
    static final int FOLDS = 3;

    @TempDir
    Path dir;

    private Path manifest() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.copy(SMALL.resolve("iris.csv"), data.resolve("iris.csv"));
        Files.copy(SMALL.resolve("diabetes.csv"), data.resolve("diabetes.csv"));
        Path m = dir.resolve("manifest.tsv");
        Files.writeString(m, "file\ttarget\ttask\tdrop\n"
                + "data/iris.csv\tspecies\tclassification\t\n"
                + "data/missing.csv\ty\tregression\t\n"
                + "data/diabetes.csv\tprogression\tregression\t\n");
        return m;
    }

    @Test
    void runsIsolatesTheMissingFileAgreesWithFitAndEvalAndResumes() throws IOException {
        Path manifest = manifest();
        Path out = dir.resolve("out");
        String[] args = {"benchmark", "csv", "--manifest", manifest.toString(), "--quick", "--folds", Integer.toString(FOLDS),
                "--models", "laplace,nfa-rfm", "--out", out.toString()};
        CliRunner.Result r = CliRunner.ok(args);
        assertTrue(r.out().contains("12 of 18 units finished") && r.out().contains("6 failed"), r.out());
        assertTrue(r.err().contains("[18/18]") && r.err().contains("ETA") && r.err().contains("diabetes fold 2 nfa-rfm"), r.err());

        List<CSVRecord> results = records(out.resolve("results.csv"));
        assertEquals(2 * FOLDS * 2, results.size());
        List<String> failures = Files.readAllLines(out.resolve("failures.csv"));
        assertEquals(1 + FOLDS * 2, failures.size(), failures::toString);
        assertTrue(failures.stream().skip(1).allMatch(l -> l.startsWith("missing,") && l.contains("missing.csv")),
                failures::toString);
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| laplace |") && summary.contains("| nfa-rfm |") && summary.contains("Wins / ties / losses"),
                summary);
        // accuracy and R² averaged apart: one dataset each here, so each column is that dataset's fold mean
        assertTrue(summary.contains("## Mean by measure") && summary.contains("| model | accuracy (1 dataset) | R² (1 dataset) |"),
                summary);
        JsonNode byMeasure = Json.read(out.resolve("summary.json")).get("summary").get("by_measure");
        assertEquals(mean(records(out.resolve("results.csv")), "iris", "nfa-rfm"),
                byMeasure.get("accuracy").get("mean_test_score").get("nfa-rfm").asDouble(), 1e-12);
        assertEquals(mean(records(out.resolve("results.csv")), "diabetes", "laplace"),
                byMeasure.get("R²").get("mean_test_score").get("laplace").asDouble(), 1e-12);
        assertEquals(1, byMeasure.get("R²").get("datasets").asInt());
        assertTrue(Files.readString(out.resolve("report.html")).contains("<img"));
        // the manifest: seed and settings in the provenance, the manifest and the two CSVs read (not the missing one)
        JsonNode m = Json.read(out.resolve("manifest.json"));
        assertEquals("csv", m.get("name").asText());
        Provenance p = Provenance.fromJson(m.get("provenance"));
        assertEquals(0, p.seed());
        assertEquals(FOLDS, p.configuration().get("protocol").get("folds").asInt());
        List<String> roles = new ArrayList<>();
        for (JsonNode in : m.get("inputs")) {
            roles.add(in.get("role").asText());
            assertEquals(Digests.sha256Hex(Path.of(in.get("path").asText())), in.get("sha256").asText());
        }
        assertEquals(List.of("--manifest", "dataset iris", "dataset diabetes"), roles);
        JsonNode counts = Json.read(out.resolve("summary.json")).get("summary");
        assertEquals(List.of(18, 12, 6, 2), List.of(counts.get("units").asInt(), counts.get("finished").asInt(),
                counts.get("failed").asInt(), counts.get("datasets_averaged").asInt()));
        assertTrue(results.stream().allMatch(x -> x.get("hyperparameters").matches("L=10;ridge=[0-9.]+;iteration=[0-2]")),
                results::toString);

        // Measured with this seed (0) and K = 3: iris fold means ~0.95-0.97 and diabetes R² ~0.4-0.5 for both
        // models; the floors leave room for harmless changes of the tuner while catching a broken pipeline
        // (chance level is 0.33 accuracy and R² <= 0).
        for (String model : List.of("laplace", "nfa-rfm")) {
            assertTrue(mean(results, "iris", model) >= 0.9, model + " iris " + mean(results, "iris", model));
            assertTrue(mean(results, "diabetes", model) >= 0.3, model + " diabetes " + mean(results, "diabetes", model));
        }

        assertEquals(score(results, "iris", 1, "laplace"),
                fitAndEval(SMALL.resolve("iris.csv"), "species", Task.CLASSIFICATION, 1, "laplace", "accuracy"));
        assertEquals(score(results, "diabetes", 0, "nfa-rfm"),
                fitAndEval(SMALL.resolve("diabetes.csv"), "progression", Task.REGRESSION, 0, "nfa-rfm", "r2"));

        // interrupt: drop the last result line, run again
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        List<String> kept = lines.subList(0, lines.size() - 1);
        Files.writeString(out.resolve("results.csv"), String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
        List<String> quietArgs = new ArrayList<>(List.of(args));
        quietArgs.add("--quiet");
        CliRunner.Result again = CliRunner.ok(quietArgs.toArray(String[]::new));
        assertEquals("", again.err(), again::toString);
        assertTrue(again.out().contains("12 of 18 units finished (11 resumed"), again.out());
        List<String> resumed = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(lines.size(), resumed.size());
        assertEquals(kept, resumed.subList(0, kept.size()));
        assertEquals(triples(lines), triples(resumed));
    }

    @Test
    void maxTuningRowsReachesEveryModelsLearner() throws IOException {
        Path m = dir.resolve("iris.tsv");
        Files.writeString(m, "file\ttarget\ttask\tdrop\n" + SMALL.resolve("iris.csv").toAbsolutePath()
                + "\tspecies\tclassification\t\n");
        Path capped = dir.resolve("capped");
        CliRunner.ok("benchmark", "csv", "--manifest", m.toString(), "--quick", "--folds", "2", "--models", "nfa-rfm",
                "--max-tuning-rows", "60", "--quiet", "--out", capped.toString());
        JsonNode learner = Json.read(capped.resolve("manifest.json")).get("provenance").get("configuration")
                .get("protocol").get("learner").get("nfa-rfm");
        assertEquals(60, learner.get("maxTuningRows").asInt(), learner::toString);
        CliRunner.assertBadInput(CliRunner.run(java.util.Map.of(), "benchmark", "csv", "--manifest", m.toString(),
                "--max-tuning-rows", "5", "--out", dir.resolve("bad").toString()), "--max-tuning-rows must be >= 10");
    }

    @Test
    void badInput() throws IOException {
        Path manifest = manifest();
        Path out = dir.resolve("out");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "csv", "--manifest", dir.resolve("none.tsv").toString(),
                "--out", out.toString()), "none.tsv not found");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "csv", "--manifest", manifest.toString(), "--models", "svm",
                "--out", out.toString()), "unknown model 'svm'");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "csv", "--manifest", manifest.toString(), "--folds", "1",
                "--out", out.toString()), "--folds must be >= 2");
        Files.writeString(manifest, "file\ttarget\ttask\tdrop\ndata/iris.csv\tspecies\tclustering\t\n");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "csv", "--manifest", manifest.toString(), "--out", out.toString()),
                "line 2: unknown task 'clustering'");
        assertFalse(Files.exists(out));
        String help = CliRunner.ok("benchmark", "csv", "--help").out();
        assertTrue(help.contains("Usage: featurelab benchmark csv") && help.contains("--manifest"), help);
    }

    /**
     * Writes fold {@code fold}'s train and test rows of {@code csv} (folds by {@link CsvFolds#assign} with K and the
     * default seed), runs {@code fit} with the flags {@code --quick} stands for and {@code eval --json}, returns
     * {@code key} of the evaluation.
     */
    private double fitAndEval(Path csv, String target, Task task, int fold, String model, String key) throws IOException {
        Table table = Table.readCsv(csv);
        CsvFolds.Fold f = CsvFolds.fold(CsvFolds.assign(table, target, task, FOLDS, CsvFolds.DEFAULT_SEED), fold);
        Path train = writeRows(table, f.train(), dir.resolve(model + "-train.csv"));
        Path test = writeRows(table, f.test(), dir.resolve(model + "-test.csv"));
        Path flm = dir.resolve(model + ".flm");
        List<String> fit = new ArrayList<>(List.of("fit", "--data", train.toString(), "--target", target, "--task",
                task.label(), "--model", model, "--bandwidth", "10", "--seed", "0", "--out", flm.toString(), "--quiet"));
        if (!model.equals("laplace")) {
            fit.addAll(List.of("--iters", "2"));
        }
        CliRunner.ok(fit.toArray(String[]::new));
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

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    private static double score(List<CSVRecord> results, String dataset, int fold, String model) {
        return results.stream().filter(x -> x.get("dataset").equals(dataset) && x.get("fold").equals(Integer.toString(fold))
                && x.get("model").equals(model)).mapToDouble(x -> Double.parseDouble(x.get("test_score"))).findFirst()
                .orElseThrow();
    }

    private static double mean(List<CSVRecord> results, String dataset, String model) {
        return results.stream().filter(x -> x.get("dataset").equals(dataset) && x.get("model").equals(model))
                .mapToDouble(x -> Double.parseDouble(x.get("test_score"))).average().orElseThrow();
    }

    /** The (dataset, fold, model) of every data row. */
    private static Set<String> triples(List<String> csv) {
        Set<String> set = new HashSet<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            set.add(f[0] + "," + f[1] + "," + f[2]);
        }
        return set;
    }
}
