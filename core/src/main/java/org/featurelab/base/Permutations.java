package org.featurelab.base;

import java.util.SplittableRandom;

/** Row-index permutations for seeded shuffles (splits, mini-batches). */
public final class Permutations {
    private Permutations() {
    }

    /** [0, 1, …, n − 1]. */
    public static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher–Yates shuffle of {@code a} in place, driven by {@code rng} (same seed, same order). */
    public static void shuffleInPlace(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
