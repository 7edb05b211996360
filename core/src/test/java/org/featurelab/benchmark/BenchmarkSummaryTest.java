package org.featurelab.benchmark;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** summary.md's development / held-out means and the rfm-script leak column, on hand-made unit results. */
class BenchmarkSummaryTest {
    private static UnitResult unit(String dataset, int fold, String model, double score, String extra) {
        return new UnitResult(dataset, fold, model, "ridge=1" + extra, score, score, 1.0);
    }

    @Test
    void heldOutMeansAndLeaksAreReported() {
        // "blood" and "car" are held out by the name rule, "abalone" and "iris" are not (HeldOutTest checks the rule)
        assertTrue(HeldOut.isHeldOut("blood") && HeldOut.isHeldOut("car"));
        assertTrue(!HeldOut.isHeldOut("abalone") && !HeldOut.isHeldOut("iris"));
        List<String> datasets = List.of("abalone", "blood", "car", "iris");
        double[] scores = {0.5, 0.6, 0.8, 0.7};
        List<UnitResult> results = new ArrayList<>();
        for (int d = 0; d < datasets.size(); d++) {
            for (int f = 0; f < 4; f++) {
                results.add(unit(datasets.get(d), f, "laplace", scores[d], ";leak=" + (f == 0 ? "0.0000" : "0.8000")));
            }
        }
        BenchmarkRunner.Outcome outcome = new BenchmarkRunner.Outcome(results, List.of(), 0, 16, 1.0);
        String md = BenchmarkSummary.markdown(BenchmarkSummary.Spec.uci(), outcome, datasets, List.of("laplace"), 1.0);
        // development: abalone, iris → (0.5 + 0.7)/2 = 60.00 %; held out: blood, car → (0.6 + 0.8)/2 = 70.00 %
        assertTrue(md.contains("| laplace | 60.00 | 70.00 |"), md);
        assertEquals(List.of("abalone", "blood", "car", "iris"), List.copyOf(BenchmarkSummary.leaks(results).keySet()));
        assertEquals(0.6, BenchmarkSummary.leaks(results).get("iris"), 1e-12); // (0 + 3·0.8)/4
        assertTrue(md.contains("| blood | 60.00 | 0.600 | yes |"), md);
        assertTrue(md.contains("| iris | 70.00 | 0.600 | |"), md);
        assertTrue(md.contains("Mean over datasets: 0.600"), md);
        assertTrue(md.contains("2 development and 2 held-out datasets"), md);
    }

    @Test
    void groupsAreAveragedAndComparedApart() {
        // two classification sets (accuracy) and two regression sets (R²); m2 − m1 = +0.10, +0.20 on the first,
        // −0.30, −0.10 on the second: means 0.15 and −0.20, each group's interval its two differences
        List<String> datasets = List.of("c1", "r1", "c2", "r2");
        double[] m1 = {0.80, 0.50, 0.70, 0.40};
        double[] delta = {0.10, -0.30, 0.20, -0.10};
        List<UnitResult> results = new ArrayList<>();
        for (int d = 0; d < datasets.size(); d++) {
            for (int f = 0; f < 2; f++) {
                results.add(unit(datasets.get(d), f, "m1", m1[d], ""));
                results.add(unit(datasets.get(d), f, "m2", m1[d] + delta[d], ""));
            }
        }
        BenchmarkSummary.Spec spec = new BenchmarkSummary.Spec("featurelab benchmark csv", 2, "test score", false,
                java.util.Map.of(), "", java.util.Map.of("c1", "accuracy", "c2", "accuracy", "r1", "R²", "r2", "R²"));
        String md = BenchmarkSummary.markdown(spec, new BenchmarkRunner.Outcome(results, List.of(), 0, 16, 1.0), datasets,
                List.of("m1", "m2"), 1.0);
        assertTrue(md.contains("| model | accuracy (2 datasets) | R² (2 datasets) |"), md);
        assertTrue(md.contains("| m1 | 0.7500 | 0.4500 |") && md.contains("| m2 | 0.9000 | 0.2500 |"), md);
        assertTrue(md.contains("## Paired differences against m1, accuracy"), md);
        assertTrue(md.contains("| m2 | +0.1500 | [+0.1000, +0.2000] | 0.0500 |"), md);
        assertTrue(md.contains("## Paired differences against m1, R²"), md);
        assertTrue(md.contains("| m2 | -0.2000 | [-0.3000, -0.1000] | 0.1000 |"), md);
    }
}
