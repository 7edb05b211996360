package org.featurelab.base;

/**
 * Mean and standard deviations of a sample v[from, to): mean = (1/n)Σvᵢ, sample sd = √(Σ(vᵢ − mean)²/(n − 1))
 * (0 for n &lt; 2), population sd = √(Σ(vᵢ − mean)²/n). Two passes (mean first), so no cancellation of large means.
 */
public final class SampleStatistics {
    private SampleStatistics() {
    }

    public static double mean(double[] v) {
        return mean(v, 0, v.length);
    }

    public static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    /** Sample standard deviation (n − 1); 0 for fewer than two values. */
    public static double sampleSd(double[] v) {
        return sampleSd(v, 0, v.length);
    }

    public static double sampleSd(double[] v, int from, int to) {
        int n = to - from;
        return n < 2 ? 0 : Math.sqrt(sumOfSquares(v, from, to) / (n - 1));
    }

    /** Population standard deviation (n). */
    public static double populationSd(double[] v) {
        return Math.sqrt(sumOfSquares(v, 0, v.length) / v.length);
    }

    private static double sumOfSquares(double[] v, int from, int to) {
        double mu = mean(v, from, to);
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (v[i] - mu) * (v[i] - mu);
        }
        return s;
    }
}
