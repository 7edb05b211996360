package org.featurelab.benchmark;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paired bootstrap of benchmark summaries against what it must give in cases that can be worked out. */
class PairedDifferenceTest {
    @Test
    void aConstantShiftHasAZeroWidthInterval() {
        double[] b = {0.61, 0.72, 0.93, 0.55, 0.80};
        double[] a = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = b[i] + 0.25;
        }
        PairedDifference d = PairedDifference.of(a, b);
        assertEquals(0.25, d.mean(), 1e-12);
        assertEquals(0.25, d.lower(), 1e-12);
        assertEquals(0.25, d.upper(), 1e-12);
        assertEquals(0, d.standardError(), 1e-12);
        assertEquals(5, d.datasets());
    }

    @Test
    void twoDatasetsGiveTheirExtremesAsThe95PercentInterval() {
        // differences 1 and 3: a resample's mean is 1, 2 or 3 with probabilities 1/4, 1/2, 1/4, so the 2.5 % and
        // 97.5 % quantiles of 10,000 resamples are 1 and 3 (the chance that fewer than 2.5 % of them are all-1 is nil)
        PairedDifference d = PairedDifference.of(new double[]{1, 3}, new double[]{0, 0});
        assertEquals(2, d.mean(), 0);
        assertEquals(1, d.lower(), 0);
        assertEquals(3, d.upper(), 0);
        assertEquals(1, d.standardError(), 1e-12); // s = √2, s/√2 = 1
    }

    @Test
    void theIntervalMatchesTheNormalTheoryIntervalForManyDatasets() {
        // 400 differences from N(0.5, 2²): the bootstrap's 95 % interval is d̄ ± 1.96·s/√n to within its own Monte-Carlo
        // error (half-width within 6 %), and the standard error is s/√n computed directly
        SplittableRandom random = new SplittableRandom(11);
        int n = 400;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = random.nextDouble();
            a[i] = b[i] + 0.5 + 2 * gaussian(random);
        }
        PairedDifference d = PairedDifference.of(a, b);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += (a[i] - b[i]) / n;
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += Math.pow(a[i] - b[i] - mean, 2);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        assertEquals(mean, d.mean(), 1e-12);
        assertEquals(se, d.standardError(), 1e-12);
        double half = 1.959964 * se;
        assertEquals(half, (d.upper() - d.lower()) / 2, 0.06 * half);
        assertEquals(mean, (d.upper() + d.lower()) / 2, 0.1 * half);
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        double[] a = {0.9, 0.4, 0.75, 0.6, 0.82, 0.55, 0.71};
        double[] b = {0.85, 0.5, 0.7, 0.62, 0.8, 0.45, 0.6};
        PairedDifference one = PairedDifference.of(a, b, 2000, 0.9, 7);
        assertEquals(one, PairedDifference.of(a, b, 2000, 0.9, 7));
        PairedDifference other = PairedDifference.of(a, b, 2000, 0.9, 8);
        assertTrue(one.lower() != other.lower() || one.upper() != other.upper(), one + " " + other);
        assertTrue(one.lower() < one.mean() && one.mean() < one.upper(), one.toString());
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {0, 10, 20, 30, 40};
        assertEquals(0, PairedDifference.quantile(sorted, 0), 0);
        assertEquals(40, PairedDifference.quantile(sorted, 1), 0);
        assertEquals(5, PairedDifference.quantile(sorted, 0.125), 1e-12); // h = 0.5
        assertEquals(37, PairedDifference.quantile(sorted, 0.925), 1e-12); // h = 3.7
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[]{1}, new double[]{1, 2}));
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[]{Double.NaN}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[]{1}, new double[]{1}, 0, 0.95, 0));
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[]{1}, new double[]{1}, 10, 1, 0));
    }

    @Test
    void theSummaryReportsEachModelAgainstTheFirst() {
        // three datasets; nfa-rfm beats laplace by 2, 4 and 6 points: mean +4.00, s = 2, standard error 2/√3 = 1.15
        List<String> datasets = List.of("abalone", "iris", "wine");
        double[] laplace = {0.50, 0.70, 0.80};
        List<UnitResult> results = new ArrayList<>();
        for (int i = 0; i < datasets.size(); i++) {
            for (int f = 0; f < 4; f++) {
                results.add(new UnitResult(datasets.get(i), f, "laplace", "ridge=1", laplace[i], laplace[i], 1.0));
                double s = laplace[i] + 0.02 * (i + 1);
                results.add(new UnitResult(datasets.get(i), f, "nfa-rfm", "ridge=1", s, s, 1.0));
            }
        }
        BenchmarkRunner.Outcome outcome = new BenchmarkRunner.Outcome(results, List.of(), 0, 24, 1.0);
        String md = BenchmarkSummary.markdown(BenchmarkSummary.Spec.uci(), outcome, datasets,
                List.of("laplace", "nfa-rfm"), 1.0);
        assertTrue(md.contains("## Paired differences against laplace"), md);
        assertTrue(md.contains("| nfa-rfm | +4.00 | [+2.00, +6.00] | 1.15 |"), md);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
