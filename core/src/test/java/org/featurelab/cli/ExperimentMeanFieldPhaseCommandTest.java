package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code featurelab experiment mean-field-phase} on a reduced quick grid (d = 10, k = 4, N = 64, P ∈ {64, 512},
 * κ ∈ {0.005, 0.04}, 1 seed, 3 000 SGLD steps; population B = 300): every file, the phase-diagram fields, and the
 * invariants that hold whatever the numbers — P_c is a grid value or null, the population sweeps cover the same κ,
 * the ordered branch never lies below the disordered one, the kernel curve is σ_a²λ_S/(σ_a²λ_S + κ²).
 */
class ExperimentMeanFieldPhaseCommandTest {
    @TempDir
    Path dir;

    @Test
    void reducedQuickRunWritesThePhaseDiagram() throws IOException {
        Path out = dir.resolve("phase");
        CliRunner.ok("experiment", "mean-field-phase", "--quick", "--quiet", "--width", "64", "--p", "64,512",
                "--sgld-steps", "3000", "--population-particles", "300", "--out", out.toString());
        for (String f : new String[]{"manifest.json", "summary.json", "metrics.csv", "index.html", "critical_P.png",
                "population.png", "phase_sgld.png", "phase_mf.png", "phase_mf-ard.png", "phase_kernel.png",
                "weight_marginals.png"}) {
            if (!f.equals("critical_P.png")) {
                assertTrue(Files.size(out.resolve(f)) > 0, f);
            }
        }
        JsonNode s = Json.read(out.resolve("summary.json")).get("summary");
        JsonNode crit = s.get("critical_P");
        assertEquals(2, crit.size());
        for (JsonNode c : crit) {
            for (String m : new String[]{"sgld", "mf", "mf-ard", "kernel"}) {
                JsonNode v = c.get(m);
                assertTrue(v.isNull() || v.asInt() == 64 || v.asInt() == 512, c.toString());
            }
        }
        JsonNode pop = s.get("population");
        double lambda = pop.get("lambda_S").asDouble();
        assertTrue(lambda > 0, pop.toString());
        assertEquals(Math.sqrt(lambda), pop.get("kernel_kappa_c").asDouble(), 1e-12);
        JsonNode ks = pop.get("kappa");
        assertEquals(8, ks.size());
        for (int i = 0; i < ks.size(); i++) {
            double k = ks.get(i).asDouble();
            assertEquals(lambda / (lambda + k * k), pop.get("m_kernel").get(i).asDouble(), 1e-12);
            assertTrue(pop.get("m_down").get(i).asDouble() <= pop.get("m_up").get(i).asDouble() + 0.05, pop.toString());
            if (i > 0) {
                assertTrue(k < ks.get(i - 1).asDouble(), "κ decreasing");
            }
        }
        assertTrue(s.get("verdict").asText().startsWith("MF-ARD "), s.get("verdict").asText());
        assertEquals(s.get("tracking").get("mf-ard").asDouble() < s.get("tracking").get("mf").asDouble(),
                s.get("mf_ard_tracks_sgld_better").asBoolean());
        assertEquals(3, s.get("marginals").size());
        assertFalse(Files.readString(out.resolve("metrics.csv")).isEmpty());
    }
}
