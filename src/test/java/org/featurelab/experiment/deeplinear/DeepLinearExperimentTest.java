package org.featurelab.experiment.deeplinear;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.experiment.PowerSweep;
import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DeepLinearExperiment} at {@link DeepLinear.Config#quick()} (one run, about 8 s: 24 trainings of 2 000 GD
 * steps). Thresholds from the measured quick run (seed 0): balanced chains peak at α̃ = 0.50, 0.34, 0.25, 0.21 with
 * cos at 1/L ≥ 0.99998; standard init without decay has cos at 1/L 0.31–0.50 and balancedness 5.6–27 (conserved);
 * with λ = 0.05 (λt = 2) cos at 1/L ≥ 0.998 and balancedness 0.10–0.49 (≈ e^{−2λt} = 0.018 of the start).
 */
class DeepLinearExperimentTest {
    private static ExperimentReport report;

    @BeforeAll
    static void runQuick() {
        report = DeepLinearExperiment.run(DeepLinear.Config.quick(), Progress.NONE);
    }

    @Test
    void balancedNetsPeakAtInverseDepthForEveryQuickDepth() {
        int[] depths = DeepLinear.Config.quick().depths();
        JsonNode rows = report.summary().get("depths");
        assertEquals(depths.length, rows.size());
        for (int k = 0; k < depths.length; k++) {
            JsonNode row = rows.get(k);
            int l = row.get("L").asInt();
            assertEquals(depths[k], l);
            double alpha = row.get("argmax_alpha").asDouble();
            assertTrue(Math.abs(alpha - 1.0 / l) <= 0.05, "argmax α̃ " + alpha + " for L = " + l);
            assertTrue(row.get("cosine_at_inverse_L").asDouble() > 0.9999, "cos at 1/L for L = " + l + ": " + row);
            assertTrue(row.get("train_loss").asDouble() < 1e-6, "the balanced chain fits the linear target: " + row);
        }
    }

    @Test
    void standardInitNeedsWeightDecay() {
        JsonNode noDecay = report.summary().get("standard_init").get("no_decay");
        JsonNode decay = report.summary().get("standard_init").get("weight_decay");
        assertEquals(noDecay.size(), decay.size());
        for (int k = 0; k < noDecay.size(); k++) {
            assertTrue(noDecay.get(k).get("cosine_at_inverse_L").asDouble() < 0.7, "no decay: " + noDecay.get(k));
            assertTrue(decay.get(k).get("cosine_at_inverse_L").asDouble() > 0.99, "decay: " + decay.get(k));
            assertTrue(decay.get(k).get("balancedness").asDouble() < 0.1 * noDecay.get(k).get("balancedness").asDouble(),
                    "decay shrinks the balancedness residual: " + decay.get(k) + " vs " + noDecay.get(k));
        }
    }

    @Test
    void reportHasItsKeysAndPlots() {
        for (String key : new String[]{"depths", "standard_init", "runs", "main_rank"}) {
            assertTrue(report.summary().has(key), key);
        }
        // quick: 1 rank × 4 depths × (2 inits × 2 decays linear + 2 decays ReLU head)
        assertEquals(24, report.summary().get("runs").size());
        assertEquals(5, report.plots().size());
        assertTrue(report.plots().stream().allMatch(p -> p.png().length > 1000));
    }

    /** The relative error after the best scale equals √(1 − cos²): checked against the explicit minimiser s. */
    @Test
    void relativeErrorIsTheBestScaledResidual() {
        Matrix g = RandomData.gaussian(5, 5, 3);
        Matrix n = g.gramOfColumns();
        Matrix h = RandomData.gaussian(5, 5, 4);
        Matrix p = h.gramOfColumns();
        double alpha = 0.7;
        Matrix pa = PowerSweep.power(p, alpha);
        double c = n.dot(pa) / n.dot(n);                 // argmin_c ‖cN − P^α‖
        double direct = n.scale(c).minus(pa).frobeniusNorm() / pa.frobeniusNorm();
        double cos = PowerSweep.cosineAt(n, p, alpha);
        assertClose(PowerSweep.relativeError(cos), direct, 1e-12, 1e-14, "√(1 − cos²)");
        assertTrue(n.scale(c * 1.01).minus(pa).frobeniusNorm() / pa.frobeniusNorm() > direct, "c is the minimiser");
    }
}
