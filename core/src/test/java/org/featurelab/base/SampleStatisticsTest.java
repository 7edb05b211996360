package org.featurelab.base;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleStatisticsTest {
    @Test
    void meanAndBothStandardDeviationsOfAKnownSample() {
        double[] v = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5, SampleStatistics.mean(v), 1e-15);
        assertEquals(2, SampleStatistics.populationSd(v), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), SampleStatistics.sampleSd(v), 1e-15);
        // a sub-range: {4, 4, 5} has mean 13/3 and sample variance ((1/3)² · 2 + (2/3)²)/2 = 1/3
        assertEquals(13.0 / 3, SampleStatistics.mean(v, 2, 5), 1e-15);
        assertEquals(Math.sqrt(1.0 / 3), SampleStatistics.sampleSd(v, 2, 5), 1e-15);
    }

    @Test
    void singleValueHasZeroSampleSdAndLargeOffsetsDoNotCancel() {
        assertEquals(0, SampleStatistics.sampleSd(new double[]{3.5}));
        double[] shifted = {1e9 + 1, 1e9 + 2, 1e9 + 3};
        assertEquals(1, SampleStatistics.sampleSd(shifted), 1e-6);
    }
}
