package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;

/**
 * Measures of a {@link TwoLayerNetwork} against a {@link TeacherTask} on fresh inputs (../shared/REFERENCE.md §9).
 * All are plain averages over the P_test rows given, i.e. Monte-Carlo estimates of the population quantities with
 * standard error O(1/√P_test).
 */
public final class Measures {
    private Measures() {
    }

    /** m_S, test MSE and the 0-1 error of sign(f) on one test set. */
    public record Evaluation(double orderParameter, double testMse, double signError) {
    }

    /**
     * Per-coordinate hidden-weight marginals: the entries W_ij with j on the support and off it, and their
     * histograms on common bins.
     *
     * @param onSupport  the N·k entries with j ∈ S (row-major order)
     * @param offSupport the N·(d − k) others
     * @param binEdges   B + 1 increasing edges
     * @param onCounts   counts per bin [e_b, e_{b+1}) of onSupport (the last bin includes its right edge)
     * @param offCounts  same for offSupport
     */
    public record WeightMarginals(double[] onSupport, double[] offSupport, double[] binEdges, long[] onCounts,
                                  long[] offCounts) {
    }

    /**
     * m_S = E_x[f(x) y(x)] / E_x[y²], estimated as (1/P) Σ_μ f_μ y_μ / E[y²] with E[y²] in closed form
     * ({@link TeacherTask#targetSecondMoment()}). For parity E[y²] = 1 and this is E_x[f(x) χ_S(x)]; the teacher
     * itself has m_S = 1, a function orthogonal to it 0.
     *
     * @param f predictions on fresh inputs, length P
     * @param y the teacher's labels of those inputs, length P
     */
    public static double orderParameter(double[] f, double[] y, double targetSecondMoment) {
        requireSameLength(f, y);
        double s = 0;
        for (int mu = 0; mu < f.length; mu++) {
            s += f[mu] * y[mu];
        }
        return s / f.length / targetSecondMoment;
    }

    /** (1/P) Σ_μ (f_μ − y_μ)². */
    public static double meanSquaredError(double[] f, double[] y) {
        requireSameLength(f, y);
        double s = 0;
        for (int mu = 0; mu < f.length; mu++) {
            double r = f[mu] - y[mu];
            s += r * r;
        }
        return s / f.length;
    }

    /** (1/P) #{μ : sign(f_μ) ≠ y_μ} for ±1 labels, with sign(0) = +1. */
    public static double signError(double[] f, double[] y) {
        requireSameLength(f, y);
        long wrong = 0;
        for (int mu = 0; mu < f.length; mu++) {
            double s = f[mu] >= 0 ? 1.0 : -1.0;
            if (s != y[mu]) {
                wrong++;
            }
        }
        return (double) wrong / f.length;
    }

    /**
     * m_S, test MSE and 0-1 error of {@code net} on the test inputs {@code x} (P×d) labelled by {@code task}.
     * Cost: one forward pass, 2·P·N·(d + 1) flops.
     */
    public static Evaluation evaluate(TwoLayerNetwork net, TeacherTask task, Matrix x) {
        double[] y = task.labels(x);
        double[] f = net.predict(x);
        return new Evaluation(orderParameter(f, y, task.targetSecondMoment()), meanSquaredError(f, y), signError(f, y));
    }

    /**
     * The entries of W (N×d) split by whether their column is in {@code support}, histogrammed on {@code bins}
     * equal bins over [−range, range] (entries outside go to the end bins).
     */
    public static WeightMarginals weightMarginals(Matrix w, int[] support, int bins, double range) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("range must be positive and finite, got " + range);
        }
        int d = w.cols();
        boolean[] on = new boolean[d];
        for (int j : support) {
            if (j < 0 || j >= d) {
                throw new IllegalArgumentException("support coordinate " + j + " outside [0, " + d + ")");
            }
            on[j] = true;
        }
        int k = 0;
        for (boolean b : on) {
            k += b ? 1 : 0;
        }
        int n = w.rows();
        double[] onV = new double[n * k];
        double[] offV = new double[n * (d - k)];
        int io = 0;
        int ioff = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (on[j]) {
                    onV[io++] = w.get(i, j);
                } else {
                    offV[ioff++] = w.get(i, j);
                }
            }
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = -range + 2 * range * b / bins;
        }
        return new WeightMarginals(onV, offV, edges, histogram(onV, range, bins), histogram(offV, range, bins));
    }

    private static long[] histogram(double[] v, double range, int bins) {
        long[] counts = new long[bins];
        for (double x : v) {
            int b = (int) Math.floor((x + range) / (2 * range) * bins);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return counts;
    }

    private static void requireSameLength(double[] f, double[] y) {
        if (f.length != y.length || f.length == 0) {
            throw new IllegalArgumentException("predictions (" + f.length + ") and labels (" + y.length
                    + ") must have the same positive length");
        }
    }
}
