package org.featurelab.encoding;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.table.Cells;
import org.featurelab.table.Table;

import java.util.HashSet;
import java.util.Set;

/**
 * How the target column becomes the response matrix Y: a closed set of exportable records.
 *
 * <p><b>Task detection</b> ({@link #detectTask}), used when the task is not given: if any target value is
 * not a number, the task is classification; if all are numbers, all are integers and there are at most
 * {@value #MAX_AUTO_CLASSES} distinct values (digits 0–9, a 0/1 flag), it is classification; otherwise
 * regression. A given task overrides this.
 *
 * <p>Every target value must be present and, when numeric, finite: a missing cell (see {@link Cells}),
 * {@code NaN} or {@code inf} is an error naming its row, never silently dropped.
 */
public sealed interface TargetEncoding permits ClassificationTarget, RegressionTarget {
    /** Most distinct integer values for which auto-detection still picks classification. */
    int MAX_AUTO_CLASSES = 20;

    /** The target column. */
    String column();

    /** The task this encoding serves. */
    Task task();

    /**
     * The response matrix for a table holding the target column: n×c one-hot for classification, n×1
     * values for regression. Cost O(n·c).
     *
     * @throws IllegalArgumentException when the column is absent, or a value is missing, not finite, or
     *     (classification) a class not seen in training, naming file, row and value
     */
    Matrix encode(Table table);

    /**
     * Fits the target encoding on training rows.
     *
     * @param task the task, or {@code null} to detect it with {@link #detectTask}
     * @throws IllegalArgumentException when the column is absent, a value is missing or not finite, a
     *     regression value is not a number, or classification finds a single class
     */
    static TargetEncoding fit(Table table, String column, Task task) {
        Task chosen = task != null ? task : detectTask(table, column);
        if (chosen == Task.REGRESSION) {
            RegressionTarget target = new RegressionTarget(column);
            target.encode(table); // validates every value
            return target;
        }
        return ClassificationTarget.fitClasses(table, column);
    }

    /**
     * The task implied by the target values: classification if any value is not a number, or if all are
     * integers with at most {@value #MAX_AUTO_CLASSES} distinct values; regression otherwise.
     *
     * @throws IllegalArgumentException when the column is absent or a value is missing or not finite
     */
    static Task detectTask(Table table, String column) {
        int j = TargetChecks.requireColumn(table, column);
        Set<Double> distinct = new HashSet<>();
        boolean integers = true;
        for (int i = 0; i < table.rowCount(); i++) {
            double v = Cells.parse(TargetChecks.requireValue(table, j, i));
            if (Double.isNaN(v)) {
                return Task.CLASSIFICATION;
            }
            if (Double.isInfinite(v)) {
                throw TargetChecks.notFinite(table, j, i);
            }
            if (integers) {
                integers = v == Math.rint(v) && Math.abs(v) < 0x1p53;
                distinct.add(v);
            }
        }
        return integers && distinct.size() <= MAX_AUTO_CLASSES ? Task.CLASSIFICATION : Task.REGRESSION;
    }
}
