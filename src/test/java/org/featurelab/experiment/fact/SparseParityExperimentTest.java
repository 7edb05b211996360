package org.featurelab.experiment.fact;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick sparse-parity sweep (k = 2) shows the claim: M concentrates on the support and n unlocks accuracy. */
class SparseParityExperimentTest {
    @Test
    void quickSweepLearnsTheSupportOnceNIsLargeEnough() {
        SparseParityExperiment.Sweep sweep = SparseParityExperiment.Sweep.quick();
        ExperimentReport report = SparseParityExperiment.run(sweep, Progress.NONE);
        JsonNode runs = report.summary().get("runs");
        assertEquals(2 * sweep.ns().size(), runs.size());
        int nMax = sweep.ns().get(sweep.ns().size() - 1);
        int nMin = sweep.ns().get(0);
        for (JsonNode r : runs) {
            String what = r.toString();
            if (r.get("n").asInt() == nMax) {
                assertTrue(r.get("final_test_accuracy").asDouble() >= 0.95, what);
                assertTrue(r.get("support_mass").asDouble() >= 0.8, what);
            }
            if (r.get("n").asInt() == nMin) {
                assertTrue(r.get("final_test_accuracy").asDouble() < 0.8, "below the transition: " + what);
            }
        }
        assertEquals(2 + 2, report.plots().size());
    }

    @Test
    void supportMassAndSamplesAreExact() {
        assertEquals(0.625, SparseParity.supportMass(new double[]{1, 0, 3, 4}, new int[]{0, 3}), 1e-15);
        var rng = new java.util.SplittableRandom(1);
        var data = SparseParity.sample(200, 50, new int[]{7, 15}, rng);
        for (int i = 0; i < 200; i++) {
            int parity = ((int) data.x().get(i, 7)) ^ ((int) data.x().get(i, 15));
            assertEquals(parity == 1 ? 1.0 : -1.0, data.y().get(i, 0));
        }
    }
}
