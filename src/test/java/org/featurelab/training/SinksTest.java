package org.featurelab.training;

import org.featurelab.report.TrainingPlots;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sinks on hand-made records: exact CSV text, JSON nulls for NaN, PNG signatures. */
class SinksTest {
    @TempDir
    Path dir;

    static List<DiagnosedStep> steps() {
        DiagnosedStep.Layer a0 = new DiagnosedStep.Layer(0, 0.5, 0.6, 0.7, 0.8, 0.25, 0.9, Double.NaN, 0.1, 2.0);
        DiagnosedStep.Layer b0 = new DiagnosedStep.Layer(0, 0.99, 0.98, 0.9, 0.91, 0.5, 0.95, Double.NaN, 0.01, 1.0);
        return List.of(new DiagnosedStep(0, 2.0, 1.5, 10.0, List.of(a0)), new DiagnosedStep(5, 0.5, 0.25, 0.01, List.of(b0)));
    }

    @Test
    void metricsCsvWritesOneRowPerStep() throws IOException {
        Path f = dir.resolve("metrics.csv");
        MetricsCsv.write(f, steps());
        List<String> lines = Files.readAllLines(f);
        assertEquals(3, lines.size());
        assertEquals("step,train_loss,data_loss,grad_norm,layer0_pearson_fact,layer0_cosine_fact,layer0_pearson_nfa,"
                + "layer0_cosine_nfa,layer0_best_alpha,layer0_uc_nfa,layer0_c_nfa,layer0_fact_rel_error,layer0_balancedness",
                lines.get(0));
        assertEquals("5,0.5,0.25,0.01,0.99,0.98,0.9,0.91,0.5,0.95,NaN,0.01,1.0", lines.get(2));
    }

    @Test
    void summaryJsonHasTheLastStepAndNullForUndefined() {
        TrainConfig c = new TrainConfig(new int[] {3, 2}, org.featurelab.nn.Activation.RELU,
                org.featurelab.nn.Loss.MEAN_SQUARED, org.featurelab.nn.OptimizerKind.GD, 0.1, 1e-3, 5, 0, 0.9, InitSpec.STANDARD, true, 5, 4, null, 0, 2000);
        TrainingRun run = new TrainingRun(c, null, null, steps(), 5, 10, 1.0);
        Path f = dir.resolve("summary.json");
        SummaryJson.write(f, run, Json.object().put("seed", 4));
        JsonNode s = Json.read(f);
        assertEquals(0.5, s.get("train_loss").asDouble());
        assertEquals(0.01, s.get("grad_norm").asDouble());
        assertEquals(0.99, s.get("layers").get(0).get("pearson_fact").asDouble());
        assertEquals(0.9, s.get("layers").get(0).get("pearson_nfa").asDouble());
        assertTrue(s.get("layers").get(0).get("c_nfa").isNull());
        assertEquals("3-2", s.get("config").get("arch").asText());
        assertEquals(4, s.get("provenance").get("seed").asInt());
    }

    @Test
    void plotsArePngs() throws IOException {
        Map<String, byte[]> plots = TrainingPlots.render(steps());
        assertEquals(List.of(TrainingPlots.CORRELATIONS, TrainingPlots.LOSS), List.copyOf(plots.keySet()));
        List<String> written = TrainingPlots.write(dir, steps());
        for (String name : written) {
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve(name)), 4);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, name);
        }
    }
}
