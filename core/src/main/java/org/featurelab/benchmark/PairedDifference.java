package org.featurelab.benchmark;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean paired difference of two models' scores over n datasets, with its uncertainty over the choice of datasets:
 * dᵢ = aᵢ − bᵢ, d̄ = (1/n)Σᵢ dᵢ, the standard error s/√n (s² = Σᵢ(dᵢ − d̄)²/(n − 1)) and a percentile-bootstrap
 * interval — B resamples of the n datasets with replacement, each giving the mean of its d's; the interval's ends are
 * the (1 − level)/2 and (1 + level)/2 quantiles of those B means (linear interpolation between order statistics:
 * q(p) = x₍ₖ₎ + (h − k)(x₍ₖ₊₁₎ − x₍ₖ₎), h = (B − 1)p, k = ⌊h⌋, over the sorted means x₍₀₎ ≤ … ≤ x₍B−1₎).
 *
 * <p>What it answers: how far the mean difference of a benchmark run could move had the collection held other
 * datasets of the same kind. It does not include the noise of each dataset's own folds, which the per-dataset fold
 * means already average.
 *
 * @param mean          d̄
 * @param lower         the interval's lower end
 * @param upper         the interval's upper end
 * @param standardError s/√n (NaN for n = 1, whose interval is the single difference itself)
 * @param datasets      n
 */
public record PairedDifference(double mean, double lower, double upper, double standardError, int datasets) {
    /** Resamples of the summaries. */
    public static final int RESAMPLES = 10_000;
    /** Coverage of the summaries' interval. */
    public static final double LEVEL = 0.95;
    /** Seed of the summaries' resampling (fixed: the same results give the same interval). */
    public static final long SEED = 0;

    /**
     * The paired difference a − b with the summaries' settings ({@value #RESAMPLES} resamples, level {@value #LEVEL},
     * seed {@value #SEED}).
     */
    public static PairedDifference of(double[] a, double[] b) {
        return of(a, b, RESAMPLES, LEVEL, SEED);
    }

    /**
     * The paired difference a − b.
     *
     * @throws IllegalArgumentException for arrays of different or zero length, a non-finite score, fewer than one
     *                                  resample or a level outside (0, 1)
     */
    public static PairedDifference of(double[] a, double[] b, int resamples, double level, long seed) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("paired difference: need two score lists of one positive length, got "
                    + a.length + " and " + b.length);
        }
        if (resamples < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("paired difference: resamples must be >= 1 and level in (0, 1), got "
                    + resamples + " and " + level);
        }
        int n = a.length;
        double[] d = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("paired difference: score " + i + " is not finite");
            }
            sum += d[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double x : d) {
            squares += (x - mean) * (x - mean);
        }
        double se = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Double.NaN;
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d[random.nextInt(n)];
            }
            means[r] = s / n;
        }
        Arrays.sort(means);
        return new PairedDifference(mean, quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2), se, n);
    }

    /** The p-quantile of sorted values, interpolated linearly between order statistics (see the class comment). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int k = (int) Math.floor(h);
        return k + 1 >= sorted.length ? sorted[sorted.length - 1] : sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]);
    }
}
