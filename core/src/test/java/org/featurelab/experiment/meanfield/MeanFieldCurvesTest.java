package org.featurelab.experiment.meanfield;

import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MeanFieldCurves} on a tiny configuration (d = 4, k = 2, N = 8, P ∈ {8, 16}, one κ, 2 seeds, 300 SGLD steps,
 * B = 64; well under a second): the bookkeeping (one point per method × κ × P × seed, the seed means and sample sds
 * recomputed here from the points), determinism, and the validation messages. The quick run's numbers are checked
 * end to end in {@code org.featurelab.cli.ExperimentMeanFieldCommandTest}.
 */
class MeanFieldCurvesTest {
    private static final MeanFieldCurves.Config TINY = new MeanFieldCurves.Config(4, 2, 8, new int[]{8, 16},
            new double[]{0.1}, 2, 50, 300, 0.01, 100, 10, 64, 5, 7);
    private static MeanFieldCurves.Result result;

    @BeforeAll
    static void run() {
        result = MeanFieldCurves.run(TINY, Progress.NONE);
    }

    @Test
    void onePointPerMethodKappaSizeAndSeedAndCurvesAreTheirSeedStatistics() {
        assertEquals(4 * 1 * 2 * 2, result.points().size());
        assertEquals(4 * 1 * 2, result.curves().size());
        for (MeanFieldCurves.Curve c : result.curves()) {
            List<MeanFieldCurves.Point> sel = result.points().stream()
                    .filter(p -> p.method().equals(c.method()) && p.p() == c.p()).toList();
            assertEquals(2, sel.size());
            double m0 = sel.get(0).testMse();
            double m1 = sel.get(1).testMse();
            assertClose(c.mseMean(), (m0 + m1) / 2, 1e-12, 1e-15, "mean test MSE");
            // sample sd of two values: |a − b|/√2
            assertClose(c.mseSd(), Math.abs(m0 - m1) / Math.sqrt(2), 1e-12, 1e-15, "sd test MSE");
            double o0 = sel.get(0).orderParameter();
            double o1 = sel.get(1).orderParameter();
            assertClose(c.mMean(), (o0 + o1) / 2, 1e-12, 1e-15, "mean m_S");
            assertClose(c.mSd(), Math.abs(o0 - o1) / Math.sqrt(2), 1e-12, 1e-15, "sd m_S");
        }
        for (MeanFieldCurves.Point p : result.points()) {
            assertTrue(Double.isFinite(p.testMse()) && p.testMse() >= 0, p.toString());
            assertTrue(Double.isFinite(p.orderParameter()), p.toString());
        }
    }

    @Test
    void theSingleThreadedBlasSectionRestoresTheThreadCount() {
        int before = org.featurelab.linalg.Blas.threads();
        MeanFieldCurves.run(TINY, Progress.NONE);
        assertEquals(before, org.featurelab.linalg.Blas.threads(), "BLAS threads after the jobs");
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        assertEquals(result, MeanFieldCurves.run(TINY, Progress.NONE));
        assertNotEquals(result.points(), MeanFieldCurves.run(TINY.withSeed(8), Progress.NONE).points());
    }

    @Test
    void reportHoldsOneCurvePerMethodAndKappaAndThreePlots() {
        ExperimentReport r = MeanFieldCurvesExperiment.report(TINY, result);
        assertEquals(4, r.summary().get("curves").size());
        assertEquals(2, r.summary().get("curves").get(0).get("P").size());
        // test MSE, m_S and the weight marginals (recorded at the smallest κ and largest P of seed 0)
        assertEquals(3, r.plots().size());
        assertEquals(3, r.summary().get("marginals").size());
        assertEquals(1.0, r.summary().get("constant_predictor_mse").asDouble());
    }

    @Test
    void badSettingsNameTheField() {
        MeanFieldCurves.Config q = MeanFieldCurves.Config.quick();
        assertMessage("kappas must be positive and finite, got -1.0",
                () -> q.with(null, null, null, null, new double[]{-1}, null, null, null, null, null));
        assertMessage("kappas must be positive and finite, got 0.0",
                () -> q.with(null, null, null, null, new double[]{0.02, 0}, null, null, null, null, null));
        assertMessage("kappas must be positive and finite, got NaN",
                () -> q.with(null, null, null, null, new double[]{Double.NaN}, null, null, null, null, null));
        assertMessage("k must be in [1, d = 8], got 9", () -> q.with(null, 9, null, null, null, null, null, null, null, null));
        assertMessage("sizes must be >= 1 and increasing, got [0, 4]",
                () -> q.with(null, null, null, new int[]{0, 4}, null, null, null, null, null, null));
        assertMessage("sizes must be >= 1 and increasing, got [8, 4]",
                () -> q.with(null, null, null, new int[]{8, 4}, null, null, null, null, null, null));
        assertMessage("width must be >= 1, got 0", () -> q.with(null, null, 0, null, null, null, null, null, null, null));
        assertMessage("sgldStepSize must be positive and finite, got Infinity",
                () -> q.with(null, null, null, null, null, null, null, Double.POSITIVE_INFINITY, null, null));
        assertMessage("seeds must be >= 1, got 0", () -> q.with(null, null, null, null, null, 0, null, null, null, null));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
