package org.featurelab.encoding;

import org.featurelab.base.Task;
import org.featurelab.linalg.Parallel;
import org.featurelab.table.ColumnType;
import org.featurelab.table.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Configuration of the table-to-matrix preprocessing; {@link #fit} learns it on training rows.
 *
 * <p>Every column except the target and the dropped ones is a feature. Its type comes from
 * {@link ColumnType#infer}. A numeric column is standardised with the training mean and standard
 * deviation (divisor n, as in the usual z-score; a constant column gets std 1), missing cells are imputed
 * with the training mean and, if the column had missing cells in training, a {@code <col>_missing} 0/1
 * feature is added. A categorical column is one-hot encoded over its sorted training categories
 * ({@code <col>=<category>}), plus {@code <col>_missing} if it had missing cells in training.
 *
 * @param target the target column
 * @param drop columns to leave out (each must exist; naming the target is allowed and changes nothing)
 * @param task the task, or {@code null} to detect it from the target (see {@link TargetEncoding})
 */
public record Preprocessor(String target, List<String> drop, Task task) {

    public Preprocessor {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("preprocessor: the target column name is empty");
        }
        target = target.strip();
        drop = List.copyOf(drop);
    }

    /** Target only: nothing dropped, task detected. */
    public static Preprocessor forTarget(String target) {
        return new Preprocessor(target, List.of(), null);
    }

    /** A copy that drops these columns. */
    public Preprocessor withDrop(List<String> columns) {
        return new Preprocessor(target, columns, task);
    }

    /** A copy with this task ({@code null}: detect). */
    public Preprocessor withTask(Task chosen) {
        return new Preprocessor(target, drop, chosen);
    }

    /**
     * Learns the encodings from training rows only (pass the training subset, never the full data before
     * a split). Cost O(n·m) plus sorting the categories.
     *
     * @throws IllegalArgumentException when the table has no rows, the target or a dropped column is
     *     absent, no feature column is left, a feature column has only missing values or text in a numeric
     *     column, or the target is invalid (see {@link TargetEncoding#fit})
     */
    public FittedPreprocessor fit(Table train) {
        if (train.rowCount() == 0) {
            throw new IllegalArgumentException(train.describe() + " has no data rows to fit on");
        }
        TargetChecks.requireColumn(train, target);
        Table features = train.dropColumns(drop);
        List<String> names = new ArrayList<>(features.columnNames());
        names.remove(target);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(train.describe() + " has no feature columns besides the target '"
                    + target + "'" + (drop.isEmpty() ? "" : " and the dropped ones"));
        }
        TargetEncoding targetEncoding = TargetEncoding.fit(train, target, task);
        ColumnEncoding[] encodings = new ColumnEncoding[names.size()];
        try {
            // columns on parallel threads: each encoding depends on its own column only
            Parallel.rows(encodings.length, features.rowCount(), j -> encodings[j] = fitColumn(features, names.get(j)));
        } catch (RuntimeException | Error columnFailure) {
            // column by column on this thread, as before: the caller gets the first bad column's error, whichever
            // thread failed first; if nothing fails now (memory that the parallel columns ran short of), these are the
            // encodings
            for (int j = 0; j < encodings.length; j++) {
                encodings[j] = fitColumn(features, names.get(j));
            }
        }
        return FittedPreprocessor.of(List.of(encodings), targetEncoding);
    }

    /** Fits the encoding of one feature column. */
    static ColumnEncoding fitColumn(Table table, String name) {
        ColumnType type = ColumnType.infer(table, name);
        if (type == ColumnType.ALL_MISSING) {
            throw new IllegalArgumentException(table.describe() + ": column '" + name
                    + "' has only missing values, so it carries no information; drop it");
        }
        int j = table.columnIndex(name);
        int n = table.rowCount();
        boolean anyMissing = false;
        if (type == ColumnType.CATEGORICAL) {
            TreeSet<String> categories = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                if (table.isMissing(i, j)) {
                    anyMissing = true;
                } else {
                    categories.add(table.cell(i, j));
                }
            }
            return new CategoricalEncoding(name, new ArrayList<>(categories), anyMissing);
        }
        double[] values = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (table.isMissing(i, j)) {
                anyMissing = true;
            } else {
                values[count++] = table.number(i, j);
            }
        }
        return numericEncoding(name, values, count, anyMissing);
    }

    /**
     * Mean and population standard deviation (divisor count) of {@code values[0..count)}, by two passes;
     * std 1 when all values are equal.
     */
    private static NumericEncoding numericEncoding(String name, double[] values, int count, boolean anyMissing) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        if (min == max) {
            return new NumericEncoding(name, min, 1.0, anyMissing);
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / count);
        if (std == 0) {
            std = 1.0; // distinct values whose spread underflows
        }
        if (!Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("column '" + name + "': values too large to standardise (mean "
                    + mean + ", std " + std + ")");
        }
        return new NumericEncoding(name, mean, std, anyMissing);
    }
}
