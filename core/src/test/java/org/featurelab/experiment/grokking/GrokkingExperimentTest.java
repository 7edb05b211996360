package org.featurelab.experiment.grokking;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.io.Json;
import org.featurelab.io.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick grokking run shows the claim: interpolation from the start, a delayed rise to 100% test accuracy. */
class GrokkingExperimentTest {
    @TempDir
    Path dir;

    @Test
    void bothMethodsGrokAfterADelayedRise() throws IOException {
        Grokking.Config config = Grokking.Config.quick();
        ExperimentReport report = GrokkingExperiment.run(config, Progress.NONE);
        report.output(config.seed(), Provenance.API, 1.0).writeTo(dir);
        JsonNode summary = Json.read(dir.resolve("summary.json"));
        assertEquals("experiment", summary.get("kind").asText());
        assertEquals("grokking", summary.get("name").asText());
        assertEquals(config.seed(), summary.get("seed").asLong());
        assertEquals(config.p(), summary.get("config").get("p").asInt());
        assertEquals(1.0, summary.get("seconds").asDouble(), 0.0);
        for (String method : List.of("nfa-rfm", "fact-rfm")) {
            JsonNode m = summary.get("summary").get("methods").get(method);
            assertEquals(1.0, m.get("final_test_accuracy").asDouble(), 0.0, method + " final test accuracy");
            assertEquals(1.0, m.get("final_train_accuracy").asDouble(), 0.0, method);
            int grok = m.get("grok_iteration").asInt();
            // delayed: several iterations at (or below) chance before the rise
            assertTrue(grok >= 3, method + " grokked at iteration " + grok);
            assertTrue(m.get("circulant_deviation").asDouble() < 0.25, method + " circulant deviation " + m);
        }
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("run,step,metric,value", csv.get(0));
        // iteration 0 (M = I): test accuracy at most twice chance; the metrics hold every iterate of both methods
        String first = csv.stream().filter(l -> l.startsWith("nfa-rfm,0,test_accuracy,")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(first.split(",")[3]) <= 2.0 / config.p(), first);
        assertEquals(1 + 2 * 4 * (config.iterations() + 1), csv.size());
        assertEquals(7, report.plots().size());
        for (ExperimentReport.Plot p : report.plots()) {
            assertTrue(Files.size(dir.resolve(p.file())) > 1000, p.file());
        }
        assertTrue(Files.readString(dir.resolve("index.html")).contains("grok iteration"));
    }
}
