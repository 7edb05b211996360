package org.featurelab.training;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.io.Json;
import org.featurelab.io.Provenance;
import org.featurelab.report.RunOutput;
import org.featurelab.report.TrainingPlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The views of a training run on hand-made records: exact tidy rows, JSON nulls for NaN, PNG signatures. */
class SinksTest {
    @TempDir
    Path dir;

    static List<DiagnosedStep> steps() {
        DiagnosedStep.Layer a0 = new DiagnosedStep.Layer(0, 0.5, 0.6, 0.7, 0.8, 0.25, 0.9, Double.NaN, 0.1, 2.0);
        DiagnosedStep.Layer b0 = new DiagnosedStep.Layer(0, 0.99, 0.98, 0.9, 0.91, 0.5, 0.95, Double.NaN, 0.01, 1.0);
        return List.of(new DiagnosedStep(0, 2.0, 1.5, 10.0, List.of(a0)), new DiagnosedStep(5, 0.5, 0.25, 0.01, List.of(b0)));
    }

    @Test
    void metricsRowsAreTidyTrainThenEveryLayer() {
        List<String> rows = new ArrayList<>();
        MetricsCsv.rows(steps(), (run, step, metric, value) -> rows.add(run + "," + step + "," + metric + "," + value));
        // per step: 3 network rows, then 9 per layer
        assertEquals(2 * (3 + 9), rows.size());
        assertEquals(List.of("train,0.0,train_loss,2.0", "train,0.0,data_loss,1.5", "train,0.0,grad_norm,10.0",
                "layer0,0.0,pearson_fact,0.5", "layer0,0.0,cosine_fact,0.6", "layer0,0.0,pearson_nfa,0.7",
                "layer0,0.0,cosine_nfa,0.8", "layer0,0.0,best_alpha,0.25", "layer0,0.0,uc_nfa,0.9",
                "layer0,0.0,c_nfa,NaN", "layer0,0.0,fact_rel_error,0.1", "layer0,0.0,balancedness,2.0"), rows.subList(0, 12));
        assertEquals("train,5.0,train_loss,0.5", rows.get(12));
        assertEquals("layer0,5.0,balancedness,1.0", rows.get(23));
    }

    @Test
    void summaryHasTheLastStepAndNullForUndefined() {
        TrainConfig c = new TrainConfig(new int[] {3, 2}, org.featurelab.nn.Activation.RELU,
                org.featurelab.nn.Loss.MEAN_SQUARED, org.featurelab.nn.OptimizerKind.GD, 0.1, 1e-3, 5, 0, 0.9, InitSpec.STANDARD, true, 5, 4, null, 0, 2000);
        TrainingRun run = new TrainingRun(c, null, null, steps(), 5, 10, 1.0);
        JsonNode s = SummaryJson.of(run);
        assertEquals(List.of("step", "train_loss", "data_loss", "grad_norm", "layers", "total_steps", "diagnostic_rows"),
                iterable(s.fieldNames()));
        assertEquals(5, s.get("step").asInt());
        assertEquals(0.5, s.get("train_loss").asDouble());
        assertEquals(0.01, s.get("grad_norm").asDouble());
        assertEquals(0.99, s.get("layers").get(0).get("pearson_fact").asDouble());
        assertEquals(0.9, s.get("layers").get(0).get("pearson_nfa").asDouble());
        assertTrue(s.get("layers").get(0).get("c_nfa").isNull());
        assertEquals(5, s.get("total_steps").asInt());
        assertEquals(10, s.get("diagnostic_rows").asInt());
    }

    @Test
    void plotsArePngsWrittenByTheRunOutput() throws IOException {
        Map<String, byte[]> plots = TrainingPlots.render(steps());
        assertEquals(List.of(TrainingPlots.CORRELATIONS, TrainingPlots.LOSS), List.copyOf(plots.keySet()));
        RunOutput out = new RunOutput(RunOutput.Kind.TRAIN, "sinks",
                Provenance.capture(4, Provenance.NO_DATA, Json.object(), Provenance.API, "none")).seconds(1.0);
        TrainingPlots.addTo(out, steps());
        assertEquals(2, out.plotCount());
        out.writeTo(dir);
        for (String name : plots.keySet()) {
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve(name)), 4);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, name);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
