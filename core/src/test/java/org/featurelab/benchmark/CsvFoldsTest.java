package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CsvFolds}: partition, stratification, determinism. */
class CsvFoldsTest {
    /** 39 rows of 3 unbalanced, interleaved classes: c every 8th row (5), else b every 3rd (11), else a (23). */
    private static List<String> labels() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            l.add(i % 8 == 0 ? "c" : i % 3 == 0 ? "b" : "a");
        }
        return l;
    }

    @Test
    void foldsPartitionTheRowsAndStratifyEachClass() {
        List<String> labels = labels();
        int n = labels.size();
        for (int k : new int[] {2, 3, 4, 5}) {
            int[] a = CsvFolds.assign(labels, Task.CLASSIFICATION, k, 0);
            int[] seen = new int[n];
            int[] sizes = new int[k];
            for (int j = 0; j < k; j++) {
                int fold = j;
                CsvFolds.Fold f = CsvFolds.fold(a, fold);
                assertEquals(n, f.train().length + f.test().length);
                for (int i : f.test()) {
                    seen[i]++;
                }
                assertTrue(Arrays.stream(f.train()).noneMatch(i -> a[i] == fold));
                assertTrue(isAscending(f.train()) && isAscending(f.test()));
                sizes[j] = f.test().length;
            }
            assertTrue(Arrays.stream(seen).allMatch(c -> c == 1), "every row in exactly one test fold");
            assertTrue(spread(sizes) <= 1, Arrays.toString(sizes));
            for (String c : List.of("a", "b", "c")) {
                int[] perFold = new int[k];
                for (int i = 0; i < n; i++) {
                    if (labels.get(i).equals(c)) {
                        perFold[a[i]]++;
                    }
                }
                assertTrue(spread(perFold) <= 1, c + " per fold: " + Arrays.toString(perFold));
            }
        }
    }

    @Test
    void regressionFoldsAreABalancedShuffle() {
        List<String> y = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            y.add(Double.toString(i * 0.5));
        }
        int[] a = CsvFolds.assign(y, Task.REGRESSION, 3, 0);
        int[] sizes = new int[3];
        for (int f : a) {
            sizes[f]++;
        }
        assertArrayEquals(new int[] {4, 3, 3}, sizes);
        assertFalse(Arrays.equals(a, new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0}), "rows are shuffled");
    }

    @Test
    void sameSeedSameFoldsOtherSeedOtherFolds() {
        List<String> labels = labels();
        int[] a = CsvFolds.assign(labels, Task.CLASSIFICATION, 4, 0);
        assertArrayEquals(a, CsvFolds.assign(labels, Task.CLASSIFICATION, 4, 0));
        assertFalse(Arrays.equals(a, CsvFolds.assign(labels, Task.CLASSIFICATION, 4, 1)));
        assertFalse(Arrays.equals(CsvFolds.assign(labels, Task.REGRESSION, 4, 0),
                CsvFolds.assign(labels, Task.REGRESSION, 4, 1)));
    }

    @Test
    void foldCountIsChecked() {
        List<String> three = List.of("a", "b", "a");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvFolds.assign(three, Task.CLASSIFICATION, 1, 0))
                .getMessage().contains("K = 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvFolds.assign(three, Task.REGRESSION, 4, 0))
                .getMessage().contains("3 rows"));
    }

    private static boolean isAscending(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] <= a[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int[] a) {
        return Arrays.stream(a).max().orElse(0) - Arrays.stream(a).min().orElse(0);
    }
}
