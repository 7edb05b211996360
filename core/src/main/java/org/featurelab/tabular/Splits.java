package org.featurelab.tabular;

import org.featurelab.base.Permutations;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.scoring.Scores;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded row splits: stratified by class for classification, plain shuffles for regression. */
public final class Splits {
    private Splits() {
    }

    /** Row indices of a (fit, validation) split; each class keeps at least one row on the fit side. */
    public record Split(int[] fit, int[] validation) {
    }

    /** Holds out about {@code fraction} of the rows (of every class) for validation. */
    public static Split holdOut(Task task, Matrix y, double fraction, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> groups = groups(task, y);
        List<Integer> fit = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        for (int[] g : groups) {
            Permutations.shuffleInPlace(g, rng);
            int nVal = (int) Math.round(fraction * g.length);
            nVal = Math.min(nVal, g.length - 1);
            for (int k = 0; k < g.length; k++) {
                (k < nVal ? val : fit).add(g[k]);
            }
        }
        return new Split(sorted(fit), sorted(val));
    }

    /** A seeded random subset of {@code size} of the given rows (all of them if fewer), stratified. */
    public static int[] subset(Task task, Matrix y, int[] rows, int size, long seed) {
        if (rows.length <= size) {
            return rows.clone();
        }
        Matrix sub = y.selectRows(rows);
        Split s = holdOut(task, sub, (double) size / rows.length, seed);
        int[] out = new int[s.validation().length];
        for (int k = 0; k < out.length; k++) {
            out[k] = rows[s.validation()[k]];
        }
        return out;
    }

    private static List<int[]> groups(Task task, Matrix y) {
        int n = y.rows();
        List<int[]> out = new ArrayList<>();
        if (task == Task.CLASSIFICATION) {
            int[] label = Scores.argmaxRows(y);
            int c = y.cols();
            int[] count = new int[c];
            for (int l : label) {
                count[l]++;
            }
            for (int k = 0; k < c; k++) {
                int[] g = new int[count[k]];
                int p = 0;
                for (int i = 0; i < n; i++) {
                    if (label[i] == k) {
                        g[p++] = i;
                    }
                }
                if (g.length > 0) {
                    out.add(g);
                }
            }
        } else {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            out.add(all);
        }
        return out;
    }

    private static int[] sorted(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
