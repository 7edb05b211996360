package org.featurelab.encoding;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.table.Cells;
import org.featurelab.table.Table;

/**
 * A regression target: Y is the n×1 column of target values, unscaled.
 *
 * @param column the target column
 */
public record RegressionTarget(String column) implements TargetEncoding {

    public RegressionTarget {
        if (column == null || column.isEmpty()) {
            throw new IllegalArgumentException("regression target: empty column name");
        }
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    /** The n×1 target values; every value must be a finite number. Cost O(n). */
    @Override
    public Matrix encode(Table table) {
        int j = TargetChecks.requireColumn(table, column);
        int n = table.rowCount();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String cell = TargetChecks.requireValue(table, j, i);
            double v = Cells.parse(cell);
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException(table.locate(i) + ": target '" + column + "' value '" + cell
                        + "' is not a number, but the task is regression");
            }
            if (Double.isInfinite(v)) {
                throw TargetChecks.notFinite(table, j, i);
            }
            y[i] = v;
        }
        return Matrix.wrap(n, 1, y);
    }
}
