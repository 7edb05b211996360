package org.featurelab.partition;

import org.featurelab.base.Permutations;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;
import org.featurelab.rfm.FeatureUpdate;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One split of a node (xRFM): fit a cheap RFM — one kernel ridge solve, one AGOP update, on at most
 * {@code sampleRows} rows of the node drawn without replacement — take the top eigenvector v of its AGOP M
 * (sign fixed so that its largest-magnitude entry is positive), project every row of the node, x·v, and split at
 * the median. The rows are ordered by (x·v, row number); the cut is at ⌊n/2⌋, or, when projections tie across the
 * median, at the value change nearest to it ({@link #cut}), so that the rows a leaf is fitted on are the rows routing
 * sends it (x·v ≤ τ goes left, τ the largest projection on the left); only when no such cut leaves both sides
 * {@link PartitionConfig#MIN_LEAF_ROWS} rows (all projections equal, or nearly) are the halves cut by row order,
 * ⌊n/2⌋ and ⌈n/2⌉, and tied rows on the right are then served by the left leaf. The scale s of soft
 * routing is the standard deviation of the node's projections (1 when they are all equal).
 * If the AGOP is not usable (its update failed, so the cheap RFM kept iteration 0: zero or non-finite, as with
 * constant targets in the node), v is the axis of the largest variance of the node's rows.
 */
final class MedianSplit {
    private MedianSplit() {
    }

    /** The rows of a node split in two, with the rule that routes new rows. */
    record Result(double[] direction, double threshold, double scale, int[] left, int[] right) {
    }

    /** Splits the rows {@code rows} of {@code data} (their indices, ≥ 2 of them). */
    static Result split(RfmConfig leafConfig, Task task, LabeledData data, int[] rows, int sampleRows, long seed) {
        double[] v = direction(leafConfig, task, data, rows, sampleRows, seed);
        return divide(rows, project(data.x(), rows, v), v);
    }

    /**
     * x_r·v for each row r of {@code rows}, in that order (the sum over features in ascending order, so that every
     * backend computes the same bits).
     */
    static double[] project(Matrix x, int[] rows, double[] v) {
        int n = rows.length;
        double[] p = new double[n];
        int d = x.cols();
        double[] xd = x.data();
        for (int i = 0; i < n; i++) {
            p[i] = PartitionTree.projection(xd, rows[i] * d, v);
        }
        return p;
    }

    /**
     * The node's rows {@code rows} (ascending, ≥ 2) divided at the median of their projections {@code p}
     * ({@code p[i]} of {@code rows[i]}) onto {@code v}, as the class comment describes.
     */
    static Result divide(int[] rows, double[] p, double[] v) {
        int n = rows.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[a], p[b]) : Integer.compare(rows[a], rows[b]));
        int cut = cut(p, order);
        int[] left = new int[cut];
        int[] right = new int[n - cut];
        for (int i = 0; i < n; i++) {
            int row = rows[order[i]];
            if (i < cut) {
                left[i] = row;
            } else {
                right[i - cut] = row;
            }
        }
        Arrays.sort(left);
        Arrays.sort(right);
        double threshold = p[order[cut - 1]];
        double mean = 0;
        for (double pi : p) {
            mean += pi;
        }
        mean /= n;
        double var = 0;
        for (double pi : p) {
            var += (pi - mean) * (pi - mean);
        }
        double sd = Math.sqrt(var / n);
        return new Result(v, threshold, sd > 0 ? sd : 1.0, left, right);
    }

    /**
     * Where the ordered projections are cut: at the median ⌊n/2⌋ when the two middle values differ, else at the value
     * change nearest to it (so that every row equal to the threshold τ = p[cut − 1] lies on the left, where routing
     * sends it); when all projections are equal, at ⌊n/2⌋ in row order.
     */
    static int cut(double[] p, Integer[] order) {
        int n = order.length;
        int half = n / 2;
        if (p[order[half - 1]] < p[order[half]]) {
            return half;
        }
        int min = PartitionConfig.MIN_LEAF_ROWS; // a cut that leaves a side smaller than this keeps the median
        for (int step = 1; half + step <= n - min || half - step >= min; step++) {
            int below = half - step;
            int above = half + step;
            if (above <= n - min && p[order[above - 1]] < p[order[above]]) {
                return above;
            }
            if (below >= min && p[order[below - 1]] < p[order[below]]) {
                return below;
            }
        }
        return half;
    }

    /** The unit split direction of the node: top AGOP eigenvector of the cheap RFM, or the widest axis. */
    static double[] direction(RfmConfig leafConfig, Task task, LabeledData data, int[] rows, int sampleRows, long seed) {
        return direction(leafConfig, task, data.select(nodeSample(rows, sampleRows, seed)));
    }

    /** The rows of a node its cheap RFM is fitted on: all of them, or a seeded {@link #sample} of {@code sampleRows}. */
    static int[] nodeSample(int[] rows, int sampleRows, long seed) {
        return rows.length <= sampleRows ? rows : sample(rows, sampleRows, seed);
    }

    /** The unit split direction from the node's sample {@code s}: the cheap RFM's top AGOP eigenvector, or the widest axis. */
    static double[] direction(RfmConfig leafConfig, Task task, LabeledData s) {
        RfmConfig cheap = leafConfig.withIterations(1).withUpdate(new FeatureUpdate.Nfa(1.0, false)).withDiagonal(false);
        org.featurelab.rfm.RfmModel fitted = Rfm.fit(cheap, task, s, null, RfmListener.NONE);
        Matrix agop = fitted.metric().toMatrix();
        double[] v;
        // iteration 0 kept: the AGOP update failed (zero or not finite: constant targets), M = I says nothing
        if (fitted.iteration() >= 1 && agop.maxAbs() > 0 && Double.isFinite(agop.maxAbs())) {
            Matrix sym = agop.copy();
            sym.symmetrizeInPlace();
            Matrix vectors = SymmetricEigen.of(sym).vectors();
            int d = vectors.rows();
            v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = vectors.get(j, d - 1); // eigenvalues ascending: the last column is the top eigenvector
            }
        } else {
            v = widestAxis(s.x());
        }
        return normalisedSign(v);
    }

    /** {@code count} of {@code rows} drawn without replacement (partial Fisher–Yates, seeded), in ascending order. */
    static int[] sample(int[] rows, int count, long seed) {
        int[] pool = rows.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = Arrays.copyOf(pool, count);
        Arrays.sort(out);
        return out;
    }

    private static double[] widestAxis(Matrix x) {
        int d = x.cols();
        int best = 0;
        double bestVar = -1;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < x.rows(); i++) {
                mean += x.get(i, j);
            }
            mean /= x.rows();
            double var = 0;
            for (int i = 0; i < x.rows(); i++) {
                double t = x.get(i, j) - mean;
                var += t * t;
            }
            if (var > bestVar) {
                bestVar = var;
                best = j;
            }
        }
        double[] v = new double[d];
        v[best] = 1.0;
        return v;
    }

    /** v scaled to unit length with its largest-magnitude entry (the first on ties) positive. */
    private static double[] normalisedSign(double[] v) {
        int arg = 0;
        double norm = 0;
        for (int j = 0; j < v.length; j++) {
            norm += v[j] * v[j];
            if (Math.abs(v[j]) > Math.abs(v[arg])) {
                arg = j;
            }
        }
        double s = (v[arg] < 0 ? -1 : 1) / Math.sqrt(norm);
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[j] * s;
        }
        return out;
    }

    static int[] allRows(int n) {
        return Permutations.identity(n);
    }
}
