package org.featurelab.table;

/**
 * The kind of a raw column, decided from its non-missing cells (see {@link Cells}).
 *
 * <ul>
 *   <li>{@link #NUMERIC}: every non-missing cell is a finite number.</li>
 *   <li>{@link #CATEGORICAL}: at most half of the non-missing cells are numbers; cells are categories.</li>
 *   <li>{@link #ALL_MISSING}: no non-missing cell at all (also for a table with no rows).</li>
 * </ul>
 * A column where more than half of the non-missing cells are numbers but some are not is bad input:
 * {@link #infer} rejects it, naming the first offending cell, as it does a non-finite number
 * ({@code inf}, {@code 1e999}) in an otherwise numeric column.
 */
public enum ColumnType {
    NUMERIC,
    CATEGORICAL,
    ALL_MISSING;

    /**
     * Infers the type of one column. Cost: one pass over the column.
     *
     * @throws IllegalArgumentException for text or a non-finite number in a mostly numeric column, naming
     *     the file, row, column and value
     */
    public static ColumnType infer(Table table, String column) {
        int j = table.columnIndex(column);
        int present = 0;
        int numbers = 0;
        int firstText = -1;
        int firstInfinite = -1;
        for (int i = 0; i < table.rowCount(); i++) {
            if (table.isMissing(i, j)) {
                continue;
            }
            present++;
            double v = table.number(i, j);
            if (Double.isNaN(v)) {
                firstText = firstText < 0 ? i : firstText;
            } else {
                numbers++;
                if (Double.isInfinite(v) && firstInfinite < 0) {
                    firstInfinite = i;
                }
            }
        }
        if (present == 0) {
            return ALL_MISSING;
        }
        if (2L * numbers <= present) {
            return CATEGORICAL;
        }
        if (firstText >= 0) {
            throw new IllegalArgumentException(table.locate(firstText) + ", column '" + column + "': text '"
                    + table.cell(firstText, j) + "' in a numeric column (" + numbers + " of " + present
                    + " values are numbers)");
        }
        if (firstInfinite >= 0) {
            throw notFinite(table, firstInfinite, column);
        }
        return NUMERIC;
    }

    public static IllegalArgumentException notFinite(Table table, int row, String column) {
        return new IllegalArgumentException(table.locate(row) + ", column '" + column + "': value '"
                + table.cell(row, table.columnIndex(column)) + "' is not a finite number");
    }
}
