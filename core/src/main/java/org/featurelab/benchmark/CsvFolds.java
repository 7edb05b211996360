package org.featurelab.benchmark;

import org.featurelab.base.Permutations;
import org.featurelab.base.Task;
import org.featurelab.table.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded K-fold splits of a table's rows for {@code featurelab benchmark csv}; fold j's test rows are the rows
 * assigned to j, its training rows all others.
 * <ul>
 *   <li>Classification (stratified): rows are grouped by their target cell (groups in order of first appearance);
 *       each group is shuffled with one {@link SplittableRandom}{@code (seed)} and dealt round-robin into the folds,
 *       each group continuing where the previous one stopped. Within a class the fold counts differ by at most 1, and
 *       so do the fold sizes.</li>
 *   <li>Regression: all rows shuffled with {@code SplittableRandom(seed)} and dealt round-robin.</li>
 * </ul>
 * The assignment depends only on the target column, K and the seed ({@link #DEFAULT_SEED} by default). Cost O(n).
 */
public final class CsvFolds {
    /** The seed of {@code featurelab benchmark csv} unless {@code --seed} is given. */
    public static final long DEFAULT_SEED = 0;

    private CsvFolds() {
    }

    /** Row indices of one fold, each sorted ascending. */
    public record Fold(int[] train, int[] test) {
    }

    /**
     * The fold (0..k−1) of every row of {@code table}.
     *
     * @throws IllegalArgumentException if the target column is absent, k &lt; 2 or k &gt; rows
     */
    public static int[] assign(Table table, String target, Task task, int k, long seed) {
        return assign(table.column(target), task, k, seed);
    }

    /** The fold of every row from the target cells {@code labels} (one per row); see the class comment. */
    public static int[] assign(List<String> labels, Task task, int k, long seed) {
        int n = labels.size();
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("folds: need 2 <= K <= rows, got K = " + k + " for " + n + " rows");
        }
        List<int[]> groups = new ArrayList<>();
        if (task == Task.CLASSIFICATION) {
            Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                byLabel.computeIfAbsent(labels.get(i), key -> new ArrayList<>()).add(i);
            }
            byLabel.values().forEach(g -> groups.add(g.stream().mapToInt(Integer::intValue).toArray()));
        } else {
            groups.add(Permutations.identity(n));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] fold = new int[n];
        int next = 0;
        for (int[] g : groups) {
            Permutations.shuffleInPlace(g, rng);
            for (int row : g) {
                fold[row] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    /** Fold j of an assignment: test = rows assigned to j, train = the others, both ascending. */
    public static Fold fold(int[] assignment, int j) {
        int[] test = java.util.stream.IntStream.range(0, assignment.length).filter(i -> assignment[i] == j).toArray();
        int[] train = java.util.stream.IntStream.range(0, assignment.length).filter(i -> assignment[i] != j).toArray();
        if (test.length == 0) {
            throw new IllegalArgumentException("folds: fold " + j + " has no rows");
        }
        return new Fold(train, test);
    }
}
