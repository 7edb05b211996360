package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.featurelab.io.Json;
import org.featurelab.table.Table;
import org.featurelab.tabular.LearnerConfig;
import org.featurelab.tabular.ModelKind;
import org.featurelab.tabular.Predictions;
import org.featurelab.tabular.TabularModel;
import org.junit.jupiter.api.BeforeAll;
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

/** The happy path end to end: fit, predict, eval (text and JSON), for classification and regression. */
class FitPredictEvalTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path test;
    static Path model;
    static CliRunner.Result fit;

    @BeforeAll
    static void fitOnce() throws IOException {
        train = CliRunner.blobs(dir.resolve("train.csv"), 150, 1);
        test = CliRunner.blobs(dir.resolve("test.csv"), 90, 2);
        model = dir.resolve("blobs.flm");
        fit = CliRunner.ok("fit", "--data", train.toString(), "--target", "label", "--out", model.toString(),
                "--iters", "2", "--seed", "3");
    }

    @Test
    void fitWritesTheModelPrintsASummaryAndRecordsTheCommandLine() {
        assertTrue(Files.isRegularFile(model));
        assertTrue(fit.out().contains("task        classification (3 classes)"), fit.out());
        assertTrue(fit.out().contains("rows        150"), fit.out());
        assertTrue(fit.out().contains("chosen      L="), fit.out());
        assertTrue(fit.out().contains("validation  accuracy"), fit.out());
        assertTrue(fit.err().contains("tune 1/12"), "progress on stderr: " + fit.err());
        TabularModel m = TabularModel.load(model);
        assertEquals(ModelKind.NFA_RFM, m.config().model());
        assertEquals(3L, m.provenance().seed());
        assertEquals("featurelab fit --data " + train + " --target label --out " + model + " --iters 2 --seed 3",
                m.provenance().commandLine());
        assertEquals(Table.readCsv(train).fingerprint(), m.provenance().dataFingerprint());
    }

    @Test
    void quietFitPrintsNoProgressAndFixedHyperParametersAreUsed() {
        Path out = dir.resolve("fixed.flm");
        CliRunner.Result r = CliRunner.ok("fit", "--data", train.toString(), "--target", "label", "--out", out.toString(),
                "--model", "fact-rfm", "--ridge", "0.01", "--bandwidth", "7", "--iters", "0", "--quiet");
        assertEquals("", r.err());
        assertTrue(r.out().contains("validation  none"), r.out());
        TabularModel m = TabularModel.load(out);
        assertEquals(7.0, m.rfm().kernel().bandwidth());
        assertEquals(0.01, m.rfm().config().ridge());
        assertEquals(List.of(0.01), m.config().ridges());
    }

    @Test
    void maxTuningRowsCapsTheTuningSplitAndIsRefusedWhereItCannotApply() {
        Path out = dir.resolve("capped.flm");
        CliRunner.ok("fit", "--data", train.toString(), "--target", "label", "--out", out.toString(), "--iters", "1",
                "--max-tuning-rows", "60", "--quiet");
        TabularModel m = TabularModel.load(out);
        assertEquals(60, m.config().maxTuningRows());
        assertEquals(60, m.tuning().fitRows() + m.tuning().validationRows(), "150 rows capped to 60 for tuning");
        assertEquals(150, m.rfm().centers().rows(), "the refit uses every row");
        assertEquals(LearnerConfig.DEFAULT_MAX_TUNING_ROWS, TabularModel.load(model).config().maxTuningRows());
        CliRunner.assertBadInput(CliRunner.run(java.util.Map.of(), "fit", "--data", train.toString(), "--target", "label",
                "--out", dir.resolve("y.flm").toString(), "--max-tuning-rows", "5"), "--max-tuning-rows");
        CliRunner.assertBadInput(CliRunner.run(java.util.Map.of(), "fit", "--data", train.toString(), "--validation",
                test.toString(), "--target", "label", "--out", dir.resolve("z.flm").toString(), "--max-tuning-rows", "60"),
                "--max-tuning-rows");
    }

    @Test
    void anIdentifierColumnIsFlaggedWithTheDropFlag() throws IOException {
        StringBuilder csv = new StringBuilder("id,x,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "r%02d,%d,%s%n", i, i % 7, i % 2 == 0 ? "a" : "b"));
        }
        Path data = Files.writeString(dir.resolve("ids.csv"), csv);
        CliRunner.Result r = CliRunner.ok("fit", "--data", data.toString(), "--target", "label", "--out",
                dir.resolve("ids.flm").toString(), "--model", "laplace", "--ridge", "0.1", "--bandwidth", "5");
        assertTrue(r.err().contains("warning: text column 'id' has 60 distinct values in 60 rows (an identifier?); it "
                + "becomes 60 one-hot features — consider adding 'id' to --drop"), r.err());
        assertTrue(r.out().contains("model       laplace (kernel laplace, full M, intercept)"), r.out());
    }

    @Test
    void predictKeepsRowOrderAndMatchesTheJavaApi() throws IOException {
        Path out = dir.resolve("pred.csv");
        CliRunner.ok("predict", "--model", model.toString(), "--data", test.toString(), "--out", out.toString());
        Predictions expected = TabularModel.load(model).predict(Table.readCsv(test));
        List<CSVRecord> records;
        List<String> header;
        try (Reader r = Files.newBufferedReader(out);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            header = p.getHeaderNames();
            records = p.getRecords();
        }
        assertEquals(List.of("prediction", "score_a", "score_b", "score_c", "prob_a", "prob_b", "prob_c"), header);
        assertEquals(90, records.size());
        for (int i : new int[] {0, 1, 2, 45, 89}) {
            assertEquals(expected.labels().get(i), records.get(i).get("prediction"), "row " + i);
            double sum = 0;
            int argmax = 0;
            for (int k = 0; k < 3; k++) {
                assertEquals(expected.scores().get(i, k), Double.parseDouble(records.get(i).get(k + 1)), 0.0, "row " + i);
                double p = Double.parseDouble(records.get(i).get(k + 4));
                assertEquals(expected.probabilities().get(i, k), p, 0.0, "row " + i);
                sum += p;
                argmax = p > Double.parseDouble(records.get(i).get(argmax + 4)) ? k : argmax;
            }
            assertEquals(1.0, sum, 1e-12, "probabilities sum to 1, row " + i);
            assertEquals(records.get(i).get("prediction"), List.of("a", "b", "c").get(argmax), "argmax of p is the label");
        }
        // blobs are labelled a, b, c in turn: the predictions should mostly follow that order
        int agree = 0;
        for (int i = 0; i < records.size(); i++) {
            agree += records.get(i).get(0).equals(List.of("a", "b", "c").get(i % 3)) ? 1 : 0;
        }
        assertTrue(agree >= 81, "row order kept, " + agree + " of 90 in order");
    }

    @Test
    void fitWithValidationKeepsTheModelScoredOnThatFile() {
        Path m = dir.resolve("given.flm");
        CliRunner.Result r = CliRunner.ok("fit", "--data", train.toString(), "--validation", test.toString(), "--target",
                "label", "--out", m.toString(), "--iters", "2", "--ridge", "1e-3", "--bandwidth", "10");
        assertTrue(r.out().contains("(best of 1 candidates, 90 rows of --validation; no refit)"), r.out());
        assertFalse(r.err().contains("refit on"), r.err());
        String printed = r.out().lines().filter(l -> l.startsWith("validation  accuracy")).findFirst().orElseThrow()
                .split("\\s+")[2];
        JsonNode eval = Json.parse(CliRunner.ok("eval", "--model", m.toString(), "--data", test.toString(), "--json")
                .out().getBytes(java.nio.charset.StandardCharsets.UTF_8), "eval output");
        assertEquals(Double.parseDouble(printed), eval.get("accuracy").asDouble(), 1e-4);
        CliRunner.assertBadInput(CliRunner.run(java.util.Map.of(), "fit", "--data", train.toString(), "--validation",
                dir.resolve("absent.csv").toString(), "--target", "label", "--out", dir.resolve("x.flm").toString()),
                "--validation");
    }

    @Test
    void evalJsonIsOneObjectWithTheClassificationKeys() {
        CliRunner.Result r = CliRunner.ok("eval", "--model", model.toString(), "--data", test.toString(), "--json");
        assertEquals(1, r.out().lines().count(), r.out());
        JsonNode json = Json.parse(r.out().getBytes(java.nio.charset.StandardCharsets.UTF_8), "eval output");
        assertEquals("classification", json.get("task").asText());
        assertEquals(90, json.get("n").asInt());
        assertTrue(json.get("accuracy").asDouble() >= 0.9, r.out());
        assertFalse(json.has("rmse"));
        CliRunner.Result text = CliRunner.ok("eval", "--model", model.toString(), "--data", test.toString());
        assertTrue(text.out().contains("accuracy  0."), text.out());
    }

    @Test
    void regressionEndToEnd() throws IOException {
        Path data = CliRunner.regression(dir.resolve("reg.csv"), 120, 5);
        Path reg = dir.resolve("reg.flm");
        CliRunner.ok("fit", "--data", data.toString(), "--target", "y", "--out", reg.toString(), "--model", "laplace", "-q");
        CliRunner.Result r = CliRunner.ok("eval", "--model", reg.toString(), "--data", data.toString(), "--json");
        JsonNode json = Json.parse(r.out().getBytes(java.nio.charset.StandardCharsets.UTF_8), "eval output");
        assertEquals("regression", json.get("task").asText());
        assertEquals(120, json.get("n").asInt());
        assertTrue(json.get("rmse").isNumber() && json.get("mae").isNumber() && json.get("r2").isNumber(), r.out());
        assertTrue(json.get("r2").asDouble() > 0.8, r.out());
        assertFalse(json.has("accuracy"));
        Path pred = dir.resolve("reg-pred.csv");
        CliRunner.ok("predict", "--model", reg.toString(), "--data", data.toString(), "--out", pred.toString(), "-q");
        List<String> lines = Files.readAllLines(pred);
        assertEquals("prediction", lines.get(0));
        assertEquals(121, lines.size());
        Double.parseDouble(lines.get(1));
    }
}
