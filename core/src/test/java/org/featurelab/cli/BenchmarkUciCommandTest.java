package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.featurelab.io.Digests;
import org.featurelab.io.Json;
import org.featurelab.io.Provenance;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code featurelab benchmark uci} on a tiny collection: trains and lenses copied from the test fixtures (data/uci121) plus a
 * dataset with a malformed features file.
 */
class BenchmarkUciCommandTest {
    static final Path UCI = TestData.uciFixture();

    @TempDir
    Path dir;

    /** DIR/data with INDEX.tsv listing trains, broken, lenses. */
    private Path collection() throws IOException {
        Path data = dir.resolve("data");
        for (String name : List.of("trains", "lenses")) {
            Path target = data.resolve(name);
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(UCI.resolve(name))) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        }
        Path broken = data.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("broken_py.dat"), "0.1,0.2\n0.3,oops\n");
        Files.writeString(broken.resolve("labels_py.dat"), "0\n1\n");
        Files.writeString(broken.resolve("folds_py.dat"), "1,0,0,0\n0,1,0,0\n");
        Files.writeString(broken.resolve("validation_folds_py.dat"), "0,1,0,0\n1,0,0,0\n");
        Files.writeString(data.resolve("INDEX.tsv"), "dataset\tn\td\tclasses\ntrains\t10\t29\t2\nbroken\t2\t2\t2\nlenses\t24\t4\t3\n");
        return data;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void runsIsolatesTheBrokenDatasetAndResumes() throws IOException {
        Path data = collection();
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.ok("benchmark", "uci", "--data", data.toString(), "--models", "laplace,nfa-rfm",
                "--out", out.toString());
        assertTrue(r.out().contains("16 of 24 units finished") && r.out().contains("8 failed"), r.out());
        assertTrue(r.err().contains("[24/24]") && r.err().contains("ETA") && r.err().contains("lenses fold 3 nfa-rfm"), r.err());

        List<String> results = lines(out.resolve("results.csv"));
        assertEquals("dataset,fold,model,hyperparameters,validation_score,test_score,seconds", results.get(0));
        assertEquals(1 + 2 * 4 * 2, results.size(), results::toString);
        assertEquals(triples(results).size(), results.size() - 1);
        assertTrue(results.get(1).startsWith("trains,0,laplace,"), results.get(1));
        assertTrue(results.get(16).startsWith("lenses,3,nfa-rfm,"), results.get(16));

        List<String> failures = lines(out.resolve("failures.csv"));
        assertEquals("dataset,fold,model,message", failures.get(0));
        assertEquals(1 + 8, failures.size(), failures::toString);
        assertTrue(failures.stream().skip(1).allMatch(l -> l.startsWith("broken,") && l.contains("oops")), failures::toString);

        String summary = Files.readString(out.resolve("summary.md"));
        for (String expected : List.of("| laplace |", "| nfa-rfm |", "85.22", "84.99", "85.10", "83.71", "120 datasets",
                "every model finished", "Wins / ties / losses", "wall time")) {
            assertTrue(summary.contains(expected), "'" + expected + "' in:\n" + summary);
        }
        checkManifestAndSummary(out, data);
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("UCI-121") && report.contains("<img"), "report.html has the title and plots");

        // interrupt: drop the last 3 rows and leave a half-written line
        List<String> kept = results.subList(0, results.size() - 3);
        Files.writeString(out.resolve("results.csv"), String.join("\n", kept) + "\nlenses,3,nfa", StandardCharsets.UTF_8);
        CliRunner.Result again = CliRunner.ok("benchmark", "uci", "--data", data.toString(), "--models", "laplace,nfa-rfm",
                "--out", out.toString(), "--quiet");
        assertEquals("", again.err(), again::toString);
        assertTrue(again.out().contains("16 of 24 units finished (13 resumed"), again.out());
        List<String> resumed = lines(out.resolve("results.csv"));
        assertEquals(results.size(), resumed.size(), resumed::toString);
        assertEquals(kept, resumed.subList(0, kept.size()));
        assertEquals(triples(results), triples(resumed));
        assertEquals(resumed.size() - 1, triples(resumed).size());
    }

    /**
     * manifest.json: the provenance, every data file read with its SHA-256, every output file with its SHA-256;
     * summary.json: the unit counts and the per-model mean test score recomputed here from results.csv.
     */
    private static void checkManifestAndSummary(Path out, Path data) throws IOException {
        JsonNode m = Json.read(out.resolve("manifest.json"));
        assertEquals("benchmark", m.get("kind").asText());
        assertEquals("uci", m.get("name").asText());
        Provenance p = Provenance.fromJson(m.get("provenance"));
        assertTrue(p.commandLine().startsWith("featurelab benchmark uci --data "), p.commandLine());
        assertEquals(List.of("trains", "broken", "lenses"), strings(p.configuration().get("datasets")));
        assertEquals(List.of("laplace", "nfa-rfm"), strings(p.configuration().get("models")));
        JsonNode inputs = m.get("inputs");
        assertEquals(1 + 3 * 4, inputs.size());
        assertEquals(data.resolve("INDEX.tsv").toAbsolutePath().normalize().toString(), inputs.get(0).get("path").asText());
        assertEquals("dataset lenses", inputs.get(12).get("role").asText());
        for (JsonNode in : inputs) {
            assertEquals(Digests.sha256Hex(Path.of(in.get("path").asText())), in.get("sha256").asText());
        }
        List<String> files = new ArrayList<>();
        for (JsonNode f : m.get("files")) {
            files.add(f.get("name").asText());
            assertEquals(Digests.sha256Hex(out.resolve(f.get("name").asText())), f.get("sha256").asText());
        }
        assertEquals(List.of("results.csv", "summary.json", "failures.csv", "summary.md", "report.html"), files);

        JsonNode top = Json.read(out.resolve("summary.json"));
        assertEquals(p.configuration(), top.get("config"));
        JsonNode s = top.get("summary");
        assertEquals(List.of(24, 16, 0, 8, 2), List.of(s.get("units").asInt(), s.get("finished").asInt(),
                s.get("resumed").asInt(), s.get("failed").asInt(), s.get("datasets_averaged").asInt()));
        Map<String, double[]> sums = new HashMap<>(); // dataset/model -> (sum of the test scores, folds)
        try (Reader r = Files.newBufferedReader(out.resolve("results.csv"));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().build().parse(r)) {
            for (CSVRecord row : csv) {
                double[] a = sums.computeIfAbsent(row.get("dataset") + "/" + row.get("model"), k -> new double[2]);
                a[0] += Double.parseDouble(row.get("test_score"));
                a[1]++;
            }
        }
        for (String model : List.of("laplace", "nfa-rfm")) {
            double[] trains = sums.get("trains/" + model);
            double[] lenses = sums.get("lenses/" + model);
            assertEquals(4, trains[1]);
            assertEquals(4, lenses[1]);
            assertEquals((trains[0] / 4 + lenses[0] / 4) / 2, s.get("mean_test_score").get(model).asDouble(), 1e-12, model);
            assertEquals(2, s.get("datasets_finished").get(model).asInt());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
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

    @Test
    void help() {
        String out = CliRunner.ok("benchmark", "uci", "--help").out();
        assertTrue(out.contains("Usage: featurelab benchmark uci") && out.contains("--datasets"), out);
        assertTrue(CliRunner.ok("benchmark", "--help").out().contains("uci"));
    }

    @Test
    void unknownDatasetsAreBadInput() throws IOException {
        Path data = collection();
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("benchmark", "uci", "--data", data.toString(), "--datasets", "trains,irs,wine2",
                "--out", out.toString());
        CliRunner.assertBadInput(r, "unknown datasets irs, wine2");
        assertFalse(Files.exists(out));
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", data.toString(), "--models", "laplace,svm",
                "--out", out.toString()), "unknown model 'svm'");
    }

    @Test
    void onlyFailuresIsBadInputAndDatasetsSelectTheOrder() throws IOException {
        Path data = collection();
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("benchmark", "uci", "--data", data.toString(), "--datasets", "broken",
                "--models", "laplace", "--out", out.toString(), "-q");
        CliRunner.assertBadInput(r, "all 4 units failed");
        assertEquals(5, lines(out.resolve("failures.csv")).size());
        CliRunner.ok("benchmark", "uci", "--data", data.toString(), "--datasets", "lenses,trains", "--models", "fact-rfm-gm",
                "--out", out.toString(), "-q");
        List<String> results = lines(out.resolve("results.csv"));
        assertEquals(9, results.size());
        assertTrue(results.get(1).startsWith("lenses,0,fact-rfm-gm,"), results.get(1));
        assertEquals(1, lines(out.resolve("failures.csv")).size());
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| fact-rfm-gm |"));
    }

    /** {@code --protocol rfm-script}: every unit carries the leak; its config names the protocol; bad combinations fail. */
    @Test
    void rfmScriptProtocolRunsAndRecordsTheLeak() throws IOException {
        Path out = dir.resolve("script");
        CliRunner.ok("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses", "--models", "laplace,nfa-rfm",
                "--protocol", "rfm-script", "--out", out.toString(), "-q");
        List<String> results = lines(out.resolve("results.csv"));
        assertEquals(9, results.size());
        for (String row : results.subList(1, results.size())) {
            assertTrue(row.contains(";leak="), row);
        }
        assertTrue(results.stream().anyMatch(r -> r.startsWith("lenses,0,") && r.contains(";leak=0.0000")), results.toString());
        JsonNode config = Json.read(out.resolve("summary.json")).get("config");
        assertEquals("rfm-script", config.get("protocol").get("name").asText(), config.toString());
        Path bad = dir.resolve("bad");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses",
                "--protocol", "papers", "--out", bad.toString()), "--protocol must be leak-free or rfm-script");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses",
                "--protocol", "rfm-script", "--refit", "train", "--out", bad.toString()), "drop --refit");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses",
                "--protocol", "rfm-script", "--models", "laplace,xgboost", "--out", bad.toString()), "kernel models only");
        assertFalse(Files.exists(bad));
    }

    /**
     * An ensemble and an ℓ1-kernel model run beside the plain kernel: their rows name them and the partner's choice,
     * the summary lists them; ensembles with trees, repeated models and ensembles under rfm-script are bad input.
     */
    @Test
    void ensemblesAndTheL1KernelRunAsModels() throws IOException {
        Path out = dir.resolve("ensemble");
        CliRunner.ok("benchmark", "uci", "--data", UCI.toString(), "--datasets", "iris", "--models",
                "laplace,laplace-l1,laplace+laplace-l1", "--out", out.toString(), "-q");
        List<String> rows = lines(out.resolve("results.csv"));
        assertEquals(13, rows.size());
        assertEquals(4, rows.stream().filter(r -> r.contains(",laplace+laplace-l1,") && r.contains(";partners=laplace-l1[ridge="))
                .count(), rows.toString());
        assertEquals(4, rows.stream().filter(r -> r.contains(",laplace-l1,") && !r.contains("partners")).count());
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| laplace+laplace-l1 |"));
        Path bad = dir.resolve("bad-ensemble");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", UCI.toString(), "--datasets", "iris",
                "--models", "laplace+xgboost", "--out", bad.toString()), "partner must be one kernel machine");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", UCI.toString(), "--datasets", "iris",
                "--models", "laplace-l1,LAPLACE-L1", "--out", bad.toString()), "twice");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", UCI.toString(), "--datasets", "iris",
                "--models", "nfa-rfm+laplace-l1", "--protocol", "rfm-script", "--out", bad.toString()),
                "not -l1 kernels or ensembles");
        assertFalse(Files.exists(bad));
    }

    /**
     * {@code --jobs 2}: the three fixture datasets at two at a time give every unit the hyperparameters and scores of the
     * sequential run, and the summaries agree; {@code --jobs 0} is bad input.
     */
    @Test
    void jobsDoNotChangeTheResults() throws IOException {
        Map<String, String> byUnit = new HashMap<>();
        for (String jobs : List.of("1", "2")) {
            Path out = dir.resolve("jobs-" + jobs);
            CliRunner.ok("benchmark", "uci", "--data", UCI.toString(), "--models", "laplace,nfa-rfm", "--jobs", jobs,
                    "--out", out.toString(), "-q");
            List<String> rows = lines(out.resolve("results.csv"));
            assertEquals(1 + 3 * 4 * 2, rows.size());
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.split(",");
                String key = f[0] + "," + f[1] + "," + f[2];
                String value = f[3] + "," + f[4] + "," + f[5];   // hyperparameters, validation and test scores
                String earlier = byUnit.putIfAbsent(key, value);
                assertTrue(earlier == null || earlier.equals(value), key + ": " + earlier + " vs " + value);
            }
        }
        assertEquals(24, byUnit.size());
        assertEquals(Json.read(dir.resolve("jobs-1/summary.json")).get("summary").get("mean_test_score"),
                Json.read(dir.resolve("jobs-2/summary.json")).get("summary").get("mean_test_score"));
        Path bad = dir.resolve("bad-jobs");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", UCI.toString(), "--jobs", "0",
                "--out", bad.toString()), "--jobs must be >= 1");
        assertFalse(Files.exists(bad));
    }

    /** {@code --center-targets}: recorded in the config; the plain kernel still reaches its floor on iris. */
    @Test
    void centerTargetsIsRecordedAndRuns() throws IOException {
        Path out = dir.resolve("centred");
        CliRunner.ok("benchmark", "uci", "--data", UCI.toString(), "--datasets", "iris", "--models", "laplace",
                "--center-targets", "--out", out.toString(), "-q");
        JsonNode config = Json.read(out.resolve("summary.json")).get("config");
        assertTrue(config.get("protocol").get("centerTargets").asBoolean(), config.toString());
        List<String> rows = lines(out.resolve("results.csv"));
        double sum = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            sum += Double.parseDouble(f[f.length - 2]);
        }
        assertTrue(sum / 4 >= 0.9, "iris, centred laplace: mean test accuracy " + sum / 4);
    }
}
