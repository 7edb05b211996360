package org.featurelab.experiment.fact;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.rfm.FeatureUpdate;
import org.featurelab.rfm.MetricScaling;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void methodSpecsParseToTheLibraryVariants() {
        SparseParityExperiment.Method m = SparseParityExperiment.Method.parse("nfa-sqrt-centered:none");
        assertEquals(new FeatureUpdate.Nfa(0.5, true), m.update());
        assertEquals(MetricScaling.NONE, m.scaling());
        assertEquals("nfa-sqrt-centered-rfm-scale-none", m.name());
        assertEquals("nfa-rfm", SparseParityExperiment.Method.parse("nfa").name());
        assertEquals(MetricScaling.MAX, SparseParityExperiment.Method.parse("fact").scaling());
        assertEquals(List.of("nfa-rfm", "fact-rfm"), SparseParityExperiment.DEFAULT_METHODS.stream()
                .map(SparseParityExperiment.Method::name).toList());
        assertThrows(IllegalArgumentException.class, () -> SparseParityExperiment.Method.parse("nfa:sideways"));
        SparseParityExperiment.Sweep quick = SparseParityExperiment.Sweep.quick();
        assertThrows(IllegalArgumentException.class, () -> quick.withMethods(List.of(SparseParityExperiment.Method.parse("nfa"),
                SparseParityExperiment.Method.parse("nfa:max"))));
    }

    /**
     * Rescaling M by a positive factor leaves the share of its trace on the support unchanged, and iteration 1's M is
     * computed from the same iteration-0 predictor (M = I) for every scaling: so iteration 0 agrees exactly and
     * iteration 1's support mass agrees to round-off between max, trace and no scaling; AGOP^½ differs from AGOP.
     */
    @Test
    void scalingDoesNotChangeTheFirstLearnedSupportMass() {
        SparseParity.Config c = new SparseParity.Config(50, 2, 300, 200, 10, 1e-3, 2, 5);
        FeatureUpdate nfa = FeatureUpdate.parse("nfa");
        SparseParity.Trajectory max = SparseParity.run(c, "max", nfa, MetricScaling.MAX, Progress.NONE);
        SparseParity.Trajectory none = SparseParity.run(c, "none", nfa, MetricScaling.NONE, Progress.NONE);
        SparseParity.Trajectory trace = SparseParity.run(c, "trace", nfa, MetricScaling.TRACE, Progress.NONE);
        SparseParity.Trajectory sqrt = SparseParity.run(c, "sqrt", FeatureUpdate.parse("nfa-sqrt"), MetricScaling.MAX, Progress.NONE);
        assertEquals(max.steps().get(0), none.steps().get(0));
        assertEquals(max.steps().get(0), sqrt.steps().get(0));
        assertEquals(2.0 / 50, max.steps().get(0).supportMass(), 1e-15);
        double m1 = max.steps().get(1).supportMass();
        assertEquals(m1, none.steps().get(1).supportMass(), 1e-12);
        assertEquals(m1, trace.steps().get(1).supportMass(), 1e-12);
        assertTrue(Math.abs(m1 - sqrt.steps().get(1).supportMass()) > 1e-3, m1 + " vs " + sqrt.steps().get(1).supportMass());
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
