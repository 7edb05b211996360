package org.featurelab.encoding;

import org.featurelab.table.Cells;
import org.featurelab.table.Table;

/** Shared checks on target cells, with the error messages of {@link TargetEncoding}. */
final class TargetChecks {
    private TargetChecks() {
    }

    /** Index of the target column, or an error naming it and listing the available columns. */
    static int requireColumn(Table table, String column) {
        if (!table.hasColumn(column)) {
            throw new IllegalArgumentException("target column '" + column + "' not found in " + table.describe()
                    + " (columns: " + table.listColumns() + ")");
        }
        return table.columnIndex(column);
    }

    /** The target cell at row i, or an error when it is missing. */
    static String requireValue(Table table, int column, int row) {
        String cell = table.cell(row, column);
        if (Cells.isMissing(cell)) {
            throw new IllegalArgumentException(table.locate(row) + ": target '" + table.columnNames().get(column)
                    + "' is missing" + (cell.isEmpty() ? "" : " ('" + cell + "')") + "; remove the row or fill it in");
        }
        return cell;
    }

    /** The error for a non-finite target value. */
    static IllegalArgumentException notFinite(Table table, int column, int row) {
        return new IllegalArgumentException(table.locate(row) + ": target '" + table.columnNames().get(column)
                + "' value '" + table.cell(row, column) + "' is not a finite number");
    }
}
